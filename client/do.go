package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/go-resty/resty/v2"
)

// do sends one API request, retrying as the retry policy allows, and
// returns the last reply. It fails only when no reply could be used:
// transport failures, cancellation, an over-size reply, or a rate-limit
// pause longer than the maximum retry wait.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body []byte) (*reply, error) {
	target := c.origin + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	maxAttempts := c.retries + 1
	for attempt := 1; ; attempt++ {
		if err := c.waitForPause(ctx, method); err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, cancelledError(ctx, method, err, false)
		}
		rep, err := c.send(ctx, method, target, body)
		var wait time.Duration
		var reason string
		switch {
		case err != nil:
			e, why, retry := c.transportError(ctx, method, rep, err)
			if !retry || attempt == maxAttempts {
				return nil, e
			}
			wait, reason = c.backoff(attempt), why
		case rep.oversize:
			return nil, &Error{Kind: KindInvalidResponse, StatusCode: rep.status,
				Explanation: fmt.Sprintf("invalid reply from the server: the body is larger than the %d-byte limit", c.maxBody)}
		default:
			if rep.status == http.StatusTooManyRequests && rep.retryAfter > 0 {
				c.pause.extendTo(c.now().Add(rep.retryAfter))
			}
			if !retryableReply(method, rep) || attempt == maxAttempts || rep.retryAfter > c.maxRetryWait {
				return rep, nil
			}
			wait, reason = c.backoff(attempt), statusReason(rep.status)
			if rep.retryAfter > 0 {
				wait = rep.retryAfter
			}
		}
		if c.notify != nil {
			c.notify(RetryNotice{Attempt: attempt + 1, MaxAttempts: maxAttempts, Wait: wait, Reason: reason, Method: method, Path: path})
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, cancelledError(ctx, method, err, false)
		}
	}
}

// send makes one attempt, limited by the per-attempt timeout; resty reads
// the whole reply body, up to the size limit.
func (c *Client) send(ctx context.Context, method, target string, body []byte) (*reply, error) {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	req := c.rc.R().SetContext(ctx)
	if body != nil {
		req.SetBody(body)
	}
	resp, err := req.Execute(method, target)
	var declared *declaredTooLargeError
	if errors.As(err, &declared) {
		return &reply{status: declared.resp.StatusCode, header: declared.resp.Header, oversize: true}, nil
	}
	if resp == nil || resp.RawResponse == nil {
		return nil, err // no reply
	}
	raw := resp.RawResponse
	rep := &reply{status: raw.StatusCode, header: raw.Header, url: withoutQuery(raw.Request.URL)}
	if first, final := resp.Request.RawRequest.URL, raw.Request.URL; !sameHost(first, final) {
		rep.redirectedTo = final.Host
	}
	switch {
	case errors.Is(err, resty.ErrResponseBodyTooLarge):
		rep.oversize = true
		return rep, nil
	case err != nil:
		return rep, fmt.Errorf("reading the reply body: %w", err)
	}
	rep.body = resp.Body()
	if rep.status == http.StatusTooManyRequests || rep.status == http.StatusServiceUnavailable {
		rep.retryAfter = parseRetryAfter(raw.Header.Get("Retry-After"), c.now())
	}
	return rep, nil
}
