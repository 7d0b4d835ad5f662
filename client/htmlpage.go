package client

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Longest <title> and plain-text body kept as an error's Message.
const (
	maxTitleLen = 100
	maxTextLen  = 200
)

// looksLikeHTML reports whether a reply is an HTML (or other markup) page.
func looksLikeHTML(rep *reply) bool {
	if strings.Contains(strings.ToLower(rep.header.Get("Content-Type")), "html") {
		return true
	}
	body := bytes.TrimSpace(rep.body)
	return len(body) > 0 && body[0] == '<'
}

// pageMessage returns what may be kept as the Message of a reply that is not
// JSON: an HTML page's short <title>, a short one-line plain-text body, or "".
func pageMessage(rep *reply) string {
	if looksLikeHTML(rep) {
		title := htmlTitle(rep.body)
		if strings.ContainsAny(title, "<>") {
			return ""
		}
		return oneLine(title, maxTitleLen)
	}
	body := bytes.TrimSpace(rep.body)
	if bytes.ContainsAny(body, "<>{}[]\n") {
		return ""
	}
	return oneLine(string(body), maxTextLen)
}

// htmlTitle returns the unescaped text of the first <title> element, or "".
func htmlTitle(page []byte) string {
	lower := asciiLower(page)
	open := bytes.Index(lower, []byte("<title"))
	if open < 0 {
		return ""
	}
	gt := bytes.IndexByte(lower[open:], '>')
	if gt < 0 {
		return ""
	}
	start := open + gt + 1
	end := bytes.Index(lower[start:], []byte("</title"))
	if end < 0 {
		return ""
	}
	return html.UnescapeString(string(page[start : start+end]))
}

// oneLine collapses white space in s and returns it if it is printable,
// valid UTF-8 and at most limit runes long; otherwise "".
func oneLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > limit || strings.ContainsFunc(s, unicode.IsControl) {
		return ""
	}
	return s
}

// asciiLower lower-cases ASCII letters only, so byte offsets are kept.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
