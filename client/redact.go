package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
)

// minRedactLen is the shortest token that is also hidden inside bodies,
// URLs and messages; shorter ones are hidden in the Authorization header only.
const minRedactLen = 6

// redactHeader hides credentials: "Bearer <token>" becomes "Bearer ***",
// and the password of a URL in a Location header "xxxxx".
func redactHeader(name, value string) string {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		if scheme, _, ok := strings.Cut(value, " "); ok {
			return scheme + " ***"
		}
		return "***"
	case "Cookie", "Set-Cookie":
		return "***"
	case "Location", "Content-Location":
		if u, err := url.Parse(value); err == nil && u.User != nil {
			return u.Redacted()
		}
	}
	return value
}

// tokenRedactor returns a function that replaces token inside any text,
// also where a server echoed it JSON-escaped: any of its characters may be
// written as \uXXXX (either case of hex digits, a surrogate pair beyond
// U+FFFF), and '/', '"' and '\' as \/, \" and \\.
func tokenRedactor(token string) func(string) string {
	if len(token) < minRedactLen {
		return func(s string) string { return s }
	}
	escaped := regexp.MustCompile(jsonEscapedPattern(token))
	return func(s string) string {
		s = strings.ReplaceAll(s, token, "***")
		if !strings.Contains(s, `\`) {
			return s
		}
		return escaped.ReplaceAllLiteralString(s, "***")
	}
}

// jsonEscapedPattern is a regular expression matching s in every spelling
// a JSON encoder may give it.
func jsonEscapedPattern(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString("(?:")
		b.WriteString(regexp.QuoteMeta(string(r)))
		if r == '/' || r == '"' || r == '\\' {
			b.WriteString(`|\\`)
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
			b.WriteString("|" + hexEscape(r1) + hexEscape(r2))
		} else {
			b.WriteString("|" + hexEscape(r))
		}
		b.WriteString(")")
	}
	return b.String()
}

// hexEscape matches the \uXXXX escape of the UTF-16 unit u, in any case.
func hexEscape(u rune) string {
	return fmt.Sprintf(`\\u(?i:%04x)`, u)
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
