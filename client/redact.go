package client

import (
	"errors"
	"net/http"
	"strings"
)

// minRedactLen is the shortest token that is also hidden inside bodies,
// URLs and messages; shorter ones are hidden in the Authorization header only.
const minRedactLen = 6

// redactHeader hides credentials: "Bearer <token>" becomes "Bearer ***".
func redactHeader(name, value string) string {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		if scheme, _, ok := strings.Cut(value, " "); ok {
			return scheme + " ***"
		}
		return "***"
	case "Cookie", "Set-Cookie":
		return "***"
	}
	return value
}

// tokenRedactor returns a function that replaces token inside any text.
func tokenRedactor(token string) func(string) string {
	if len(token) < minRedactLen {
		return func(s string) string { return s }
	}
	return func(s string) string { return strings.ReplaceAll(s, token, "***") }
}

// redactError hides the token wherever the server may have echoed it into
// an *Error: its message, fields, explanation or cause.
func (c *Client) redactError(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	e.Message = c.redact(e.Message)
	e.Explanation = c.redact(e.Explanation)
	if e.Fields != nil {
		fields := make(map[string][]string, len(e.Fields))
		for name, msgs := range e.Fields {
			for _, m := range msgs {
				fields[c.redact(name)] = append(fields[c.redact(name)], c.redact(m))
			}
		}
		e.Fields = fields
	}
	if e.Err != nil {
		if text := e.Err.Error(); c.redact(text) != text {
			e.Err = &redactedError{text: c.redact(text), err: e.Err}
		}
	}
	return e
}

// redactedError shows a redacted text but still unwraps to the original error.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }
