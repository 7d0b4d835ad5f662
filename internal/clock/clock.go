// Package clock holds the one context-aware sleep that client, mockapi and
// cmd share.
package clock

import (
	"context"
	"time"
)

// Sleep waits for d, or until ctx is done, when it returns ctx.Err(). A d
// of zero or less returns at once, with ctx.Err().
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
