package client

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// pauseGate holds the time until which the server asked, with a 429 reply
// and Retry-After, that no request be sent. It is shared by all requests of
// a Client.
type pauseGate struct {
	mu    sync.Mutex
	until time.Time
}

// extendTo moves the end of the pause to t unless it already ends later.
func (g *pauseGate) extendTo(t time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if t.After(g.until) {
		g.until = t
	}
}

// remaining returns how long the pause still lasts at now.
func (g *pauseGate) remaining(now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.until.Sub(now)
}

// waitForPause blocks until the Client's rate-limit pause is over. A pause
// longer than the maximum retry wait fails at once with KindRateLimited
// instead of waiting.
func (c *Client) waitForPause(ctx context.Context, method string) error {
	for {
		d := c.pause.remaining(c.now())
		if d <= 0 {
			return nil
		}
		if d > c.maxRetryWait {
			return &Error{
				Kind:       KindRateLimited,
				RetryAfter: d,
				Explanation: fmt.Sprintf("rate limited: the server asked to pause for %s, longer than the %s maximum wait; not sending",
					roundDuration(d), c.maxRetryWait),
			}
		}
		if err := c.sleep(ctx, d); err != nil {
			return cancelledError(ctx, method, err, false)
		}
	}
}
