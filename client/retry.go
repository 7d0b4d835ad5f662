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
const uncertainNote = "the request may or may not have been recorded; check with `sessionlog list`"

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

// retryableStatus reports whether a reply with this status may be retried.
// A POST is retried only when the server certainly did not process it.
func retryableStatus(method string, status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return method != http.MethodPost
	}
	return false
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

// postReplyError adjusts a failed create's error: a 5xx reply other than 503
// means the entry may or may not have been recorded, and a 2xx reply that
// cannot be read (malformed or over-size) means it probably was.
func postReplyError(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	switch {
	case e.Kind == KindServer && e.StatusCode >= 500 && e.StatusCode != http.StatusServiceUnavailable:
		e.Kind = KindUncertain
		e.Explanation += "; " + uncertainNote
	case e.Kind == KindInvalidResponse && e.StatusCode >= 200 && e.StatusCode <= 299:
		e.Explanation += "; the entry was probably recorded; check with `sessionlog list`"
	}
	return e
}
