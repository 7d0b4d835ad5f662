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
func ValidateSessionID(id string) error {
	bad := func(why string) error {
		return &Error{Kind: KindInvalidInput, Explanation: "invalid session id: " + why}
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
		return bad(fmt.Sprintf("%q is not allowed", id))
	}
	for i, r := range id {
		if unicode.IsControl(r) {
			return bad(fmt.Sprintf("it contains the control character %U at byte %d", r, i))
		}
	}
	return nil
}

// logPath returns the escaped path of a session's log endpoint.
func (c *Client) logPath(sessionID string) string {
	return c.basePath + "v1/customer/sessions/" + url.PathEscape(sessionID) + "/log"
}
