package client

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Response is the HTTP side of an API reply, returned beside the decoded
// result as go-github does: the status, the headers and the rate-limit
// facts they carry.
type Response struct {
	// StatusCode is the HTTP status of the reply.
	StatusCode int
	// Header holds the reply's headers.
	Header http.Header
	// Rate is the rate limit the reply reported.
	Rate Rate
	// RetryAfter is the wait the reply's Retry-After header asks for, 0 when
	// it named none.
	RetryAfter time.Duration
}

// Rate is the rate limit a reply reported in its X-RateLimit-Limit and
// X-RateLimit-Remaining headers (Laravel's throttle middleware sends them).
type Rate struct {
	// Limit is the number of requests allowed per window, -1 when the reply
	// did not say.
	Limit int
	// Remaining is the number of requests left in the window, -1 when the
	// reply did not say.
	Remaining int
}

// newResponse returns the Response of rep, nil when there was no reply.
func (c *Client) newResponse(rep *reply) *Response {
	if rep == nil {
		return nil
	}
	return &Response{
		StatusCode: rep.status,
		Header:     rep.header,
		Rate:       Rate{Limit: headerInt(rep.header, "X-RateLimit-Limit"), Remaining: headerInt(rep.header, "X-RateLimit-Remaining")},
		RetryAfter: parseRetryAfter(rep.header.Get("Retry-After"), c.now()),
	}
}

// headerInt reads a header holding a non-negative integer, -1 when it is
// absent or holds anything else.
func headerInt(h http.Header, name string) int {
	n, err := strconv.Atoi(strings.TrimSpace(h.Get(name)))
	if err != nil || n < 0 {
		return -1
	}
	return n
}
