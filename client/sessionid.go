package client

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSessionIDLen is the longest session id, in bytes, the client sends.
const MaxSessionIDLen = 256

// ValidateSessionID reports whether id can be sent as a session id. It
// refuses, with an *Error of kind KindInvalidInput, an id that is empty or
// blank, "." or "..", contains a control character, is not valid UTF-8 or is
// longer than MaxSessionIDLen bytes. Any other id (slashes, "?", "#", "%",
// spaces, non-Latin scripts) is sent escaped as exactly one path segment.
// The error quotes the id, so that spaces and control characters show.
func ValidateSessionID(id string) error {
	bad := func(why string) error {
		return &Error{Kind: KindInvalidInput, Explanation: fmt.Sprintf("invalid session id %s: %s", quoteSessionID(id), why)}
	}
	switch {
	case id == "":
		return bad("it is empty")
	case !utf8.ValidString(id):
		return bad("it is not valid UTF-8")
	case len(id) > MaxSessionIDLen:
		return bad(fmt.Sprintf("it is %d bytes long; the limit is %d", len(id), MaxSessionIDLen))
	case strings.TrimSpace(id) == "":
		return bad("it is blank")
	case id == "." || id == "..":
		return bad("it is not allowed")
	}
	for i, r := range id {
		if unicode.IsControl(r) {
			return bad(fmt.Sprintf("it contains the control character %U at byte %d", r, i))
		}
	}
	return nil
}

// quotedIDLen is how much of a long id an error quotes, in bytes.
const quotedIDLen = 40

// quoteSessionID quotes id with Go escapes (control characters, invalid
// UTF-8 and bidi controls made visible), cut to its first quotedIDLen bytes.
func quoteSessionID(id string) string {
	if len(id) <= quotedIDLen {
		return fmt.Sprintf("%q", id)
	}
	cut := quotedIDLen
	for cut > 0 && !utf8.RuneStart(id[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", id[:cut])
}

// logPath returns the escaped path of a session's log endpoint.
func (c *Client) logPath(sessionID string) string {
	return c.basePath + "v1/customer/sessions/" + url.PathEscape(sessionID) + "/log"
}
