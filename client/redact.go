package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// minRedactLen is the shortest token that is also hidden inside bodies,
// URLs and messages; shorter ones are hidden in the Authorization header
// only. A token of a few characters is no secret worth the damage: hiding
// "ab" wherever it appears, escaped or not, would turn the whole trace into
// asterisks and hide what it is read for.
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
// in every spelling in which a server or this client may write it:
//   - raw;
//   - JSON-escaped: any character as \uXXXX (either case of hex digits, a
//     surrogate pair beyond U+FFFF), '/', '"' and '\' as \/, \" and \\,
//     control characters as \n, \t and the like;
//   - percent-encoded, as url.QueryEscape (a space as '+') and
//     url.PathEscape write it in a query, a form body or a Location. Any
//     character may be percent-encoded, with upper- or lower-case hex
//     digits: RFC 3986 makes the two equal, servers and proxies that
//     re-encode a URL write either, and encoders differ in which
//     characters they escape.
func tokenRedactor(token string) func(string) string {
	if len(token) < minRedactLen {
		return func(s string) string { return s }
	}
	// Built on first use: only a --debug trace or an error needs it, and
	// for a token as long as a JWT it takes milliseconds.
	spellings := sync.OnceValue(func() *regexp.Regexp {
		re := regexp.MustCompile(spellingsPattern(token))
		// Longest: where a token holds '%', a spelling may also begin with
		// a shorter one ("%25" is '%' then "25", or an escaped '%').
		re.Longest()
		return re
	})
	return func(s string) string {
		if strings.ContainsAny(s, `\%+`) { // else only the raw spelling can be there
			s = spellings().ReplaceAllLiteralString(s, "***")
		}
		// Also after: the pattern reads text as UTF-8, and cannot see a
		// token of invalid bytes that complete a character before it.
		return strings.ReplaceAll(s, token, "***")
	}
}

// spellingsPattern is a regular expression matching s in every spelling
// tokenRedactor hides, each character written in any of its own.
func spellingsPattern(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		char := s[:size] // an invalid byte stays itself for percentEscape
		s = s[size:]
		b.WriteString("(?:")
		b.WriteString(regexp.QuoteMeta(string(r)))
		if r == '/' || r == '"' || r == '\\' {
			b.WriteString(`|\\`)
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		if short, ok := jsonShortEscapes[r]; ok {
			b.WriteString(`|\\` + short)
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
			b.WriteString("|" + hexEscape(r1) + hexEscape(r2))
		} else {
			b.WriteString("|" + hexEscape(r))
		}
		b.WriteString("|" + percentEscape(char))
		if r == ' ' {
			b.WriteString(`|\+`)
		}
		b.WriteString(")")
	}
	return b.String()
}

// jsonShortEscapes are JSON's two-character escapes of control characters.
var jsonShortEscapes = map[rune]string{'\b': "b", '\f': "f", '\n': "n", '\r': "r", '\t': "t"}

// hexEscape matches the \uXXXX escape of the UTF-16 unit u, in any case.
func hexEscape(u rune) string {
	return fmt.Sprintf(`\\u(?i:%04x)`, u)
}

// percentEscape matches the percent-encoding of the bytes of char, in any case.
func percentEscape(char string) string {
	var b strings.Builder
	for _, c := range []byte(char) {
		fmt.Fprintf(&b, `%%(?i:%02x)`, c)
	}
	return b.String()
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
