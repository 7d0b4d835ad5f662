package client

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// ErrorKind classifies every failure the client reports.
type ErrorKind string

// The kinds of *Error.
const (
	KindAuth            ErrorKind = "auth"             // 401 or 403
	KindNotFound        ErrorKind = "not_found"        // the API's own 404, or the "session not found" message
	KindValidation      ErrorKind = "validation"       // 422 invalid data, and other rejected 4xx requests
	KindSessionEnded    ErrorKind = "session_ended"    // 422: the session has already ended
	KindRateLimited     ErrorKind = "rate_limited"     // 429, after any retries
	KindServer          ErrorKind = "server"           // 5xx
	KindNetwork         ErrorKind = "network"          // connection refused, reset, DNS, timeout
	KindUncertain       ErrorKind = "uncertain"        // a create that may or may not have been recorded
	KindInvalidResponse ErrorKind = "invalid_response" // a reply that is not what the API documents
	KindInvalidInput    ErrorKind = "invalid_input"    // refused before sending, e.g. an empty session id

	// KindEndpointNotFound is a 404 that is not the API's own reply, or a
	// 405: no route of the API answered at Error.URL, most often because
	// the base URL lacks or adds a path prefix.
	KindEndpointNotFound ErrorKind = "endpoint_not_found"
)

// Error is the one error type the client returns for every failed call.
// Match it with errors.As, or match a kind with errors.Is(err, &Error{Kind: KindNotFound}).
type Error struct {
	Kind ErrorKind
	// StatusCode is the HTTP status, 0 when no reply was received.
	StatusCode int
	// Message is the server's own message, verbatim (often Arabic); "" when there was none.
	Message string
	// Explanation is a plain-English account of the failure.
	Explanation string
	// Fields holds per-field validation messages, verbatim, keyed by field name.
	Fields map[string][]string
	// RetryAfter is the wait the server asked for (429/503), 0 when it named none.
	RetryAfter time.Duration
	// URL is the URL that answered, without its query; set for
	// KindEndpointNotFound.
	URL string
	// Uncertain is set when the request may have been carried out although
	// the call failed: a create of kind KindUncertain, or one whose 2xx reply
	// could not be read. Check the log before recording the entry again.
	Uncertain bool
	// RedirectedTo is the host that answered after a redirect away from the
	// base URL's host (which is not sent the token), "" when there was none.
	RedirectedTo string
	// Err is the underlying cause (a transport or decoding error), if any.
	Err error
}

// Error renders the English explanation, the HTTP status and the server's message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Explanation)
	if e.Explanation == "" {
		b.WriteString(string(e.Kind))
	}
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Err != nil && e.Message == "" {
		if cause := e.Err.Error(); cause != "" {
			fmt.Fprintf(&b, ": %s", cause)
		}
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error of the same kind, so that
// errors.Is(err, &Error{Kind: KindNotFound}) matches any not-found error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// FieldMessages returns the validation messages as "field: message" lines,
// sorted by field name.
func (e *Error) FieldMessages() []string {
	names := make([]string, 0, len(e.Fields))
	for name := range e.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	var lines []string
	for _, name := range names {
		for _, msg := range e.Fields[name] {
			lines = append(lines, name+": "+msg)
		}
	}
	return lines
}
