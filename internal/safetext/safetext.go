// Package safetext makes text that a server sent safe to show on a terminal.
//
// Everything a server supplies (entry texts, error messages, field names,
// debug bodies) passes through Terminal before a human-readable format writes
// it, so a reply can never move the cursor, clear the screen, set the window
// title, write the clipboard or reverse the text around it. The offending
// characters are made visible as escapes, never silently dropped, so support
// staff see that a reply carried them.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Terminal returns s with every character that could drive a terminal or
// reorder the line made visible:
//   - C0 controls and DEL as \t, \n, \r or \xNN (\x1b for ESC);
//   - C1 controls, the line and paragraph separators, and the bidirectional
//     embeddings, overrides and isolates as \uNNNN (\u202e for RLO);
//   - invalid UTF-8 as U+FFFD.
//
// Printable text, Arabic and the direction marks U+200E/U+200F included,
// is returned unchanged. Strings that need no change are not copied.
func Terminal(s string) string {
	if Safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s { // ranging yields U+FFFD for each invalid byte
		writeRune(&b, r)
	}
	return b.String()
}

// Lines is Terminal applied to each line of s: the line feeds that separate
// lines are kept, everything else is made visible as Terminal does. It is
// for text of several lines, such as a message with a list or a trace.
func Lines(s string) string {
	if Safe(strings.ReplaceAll(s, "\n", "")) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = Terminal(line)
	}
	return strings.Join(lines, "\n")
}

// Safe reports whether s can be written to a terminal as it is.
func Safe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI (U+009B) among them
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

const hexDigits = "0123456789abcdef"

func writeRune(b *strings.Builder, r rune) {
	if !unsafeRune(r) {
		b.WriteRune(r)
		return
	}
	switch r {
	case '\t':
		b.WriteString(`\t`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	default:
		if r < 0x80 {
			b.WriteString(`\x`)
			b.WriteByte(hexDigits[r>>4])
			b.WriteByte(hexDigits[r&0xf])
			return
		}
		b.WriteString(`\u`)
		for shift := 12; shift >= 0; shift -= 4 {
			b.WriteByte(hexDigits[(r>>shift)&0xf])
		}
	}
}
