package client

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryNotice describes a retry that is about to happen, after Wait.
type RetryNotice struct {
	// Attempt is the number of the attempt about to be made (2 for the first retry).
	Attempt int
	// MaxAttempts is the most attempts the request may take.
	MaxAttempts int
	// Wait is how long the client waits before that attempt.
	Wait time.Duration
	// Reason is why the last attempt failed, e.g. "HTTP 429 rate limited"
	// or "connection refused".
	Reason string
	// Method and Path (escaped, without the query) identify the request.
	Method, Path string
}

// baseBackoff is the wait before the first retry; it doubles for each next one.
const baseBackoff = 250 * time.Millisecond

// uncertainNote is added to the explanation of a create that may have been recorded.
const uncertainNote = "the request may or may not have been recorded"

// jitteredBackoff is the wait before retry number retry (1 for the first):
// 250ms doubling per retry, capped at limit, with its upper half randomised.
func jitteredBackoff(retry int, limit time.Duration) time.Duration {
	d := limit
	if retry < 1 {
		retry = 1
	}
	if shift := retry - 1; shift < 32 && baseBackoff<<shift < limit {
		d = baseBackoff << shift
	}
	if d <= 0 {
		return 0
	}
	return d/2 + rand.N(d/2+1)
}

// retryableReply reports whether a reply may be retried. A POST is retried
// only when the server certainly did not process it: a 429, or a 503 the
// application itself sent (see refusedByApplication).
func retryableReply(method string, rep *reply) bool {
	switch rep.status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusServiceUnavailable:
		return method != http.MethodPost || refusedByApplication(rep)
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return method != http.MethodPost
	}
	return false
}

// laravelUnavailable is the message of Laravel's maintenance-mode reply.
const laravelUnavailable = "Service Unavailable"

// refusedByApplication reports whether a 503 reply was sent by the API
// application itself, which then did not process the request: the API's
// envelope with "success": false, or Laravel's maintenance-mode reply
// {"message": "Service Unavailable"} with a Retry-After header. Any other
// 503 (an HTML page, an empty body, a proxy's text or JSON) may come from a
// proxy that had already forwarded the request, as Envoy's "upstream reset
// before headers" does.
func refusedByApplication(rep *reply) bool {
	env, err := parseEnvelope(rep.body)
	switch {
	case err != nil:
		return false
	case env.success != nil:
		return !*env.success
	}
	return env.message == laravelUnavailable && rep.header.Get("Retry-After") != ""
}

// statusReason names a status for a RetryNotice, e.g. "HTTP 503 service unavailable".
func statusReason(status int) string {
	if status == http.StatusTooManyRequests {
		return "HTTP 429 rate limited"
	}
	return fmt.Sprintf("HTTP %d %s", status, strings.ToLower(http.StatusText(status)))
}

// maxRetryAfter bounds a parsed Retry-After so durations cannot overflow.
const maxRetryAfter = 100 * 365 * 24 * time.Hour

// parseRetryAfter reads a Retry-After value, delay-seconds or an HTTP date;
// it returns 0 when the value is missing, invalid or in the past.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second
	}
	when, err := http.ParseTime(v)
	if err != nil || !when.After(now) {
		return 0
	}
	return min(when.Sub(now), maxRetryAfter)
}

// postReplyError adjusts a failed create's error: a 5xx reply, other than a
// 503 the application itself sent, means the entry may or may not have been
// recorded, and a 2xx reply that cannot be read (malformed or over-size)
// means it probably was. rep is the reply, nil when there was none.
func postReplyError(rep *reply, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	refused := rep != nil && e.StatusCode == http.StatusServiceUnavailable && refusedByApplication(rep)
	switch {
	case e.Kind == KindServer && e.StatusCode >= 500 && !refused:
		e.Kind, e.Uncertain = KindUncertain, true
		e.Explanation += "; " + uncertainNote
	case e.Kind == KindInvalidResponse && e.StatusCode >= 200 && e.StatusCode <= 299:
		e.Uncertain = true
		e.Explanation += "; the entry was probably recorded"
	}
	return e
}
