package jsonscan

import (
	"unicode/utf16"
	"unicode/utf8"
)

// AppendUnquoted appends the text of the valid JSON string s (with its
// quotes) to dst, as encoding/json decodes it: escapes resolved, a lone
// surrogate and each byte that is not UTF-8 as U+FFFD.
func AppendUnquoted(dst, s []byte) []byte {
	s = s[1 : len(s)-1]
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			var r rune
			r, i = escape(s, i)
			dst = utf8.AppendRune(dst, r)
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
		}
	}
	return dst
}

// escape decodes the valid escape at s[i] and returns its rune and the
// index past it; a \u surrogate pair is one escape.
func escape(s []byte, i int) (rune, int) {
	switch s[i+1] {
	case 'b':
		return '\b', i + 2
	case 'f':
		return '\f', i + 2
	case 'n':
		return '\n', i + 2
	case 'r':
		return '\r', i + 2
	case 't':
		return '\t', i + 2
	case 'u':
		r := hex4(s[i+2 : i+6])
		if !utf16.IsSurrogate(r) {
			return r, i + 6
		}
		if i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
			if pair := utf16.DecodeRune(r, hex4(s[i+8:i+12])); pair != utf8.RuneError {
				return pair, i + 12
			}
		}
		return utf8.RuneError, i + 6
	}
	return rune(s[i+1]), i + 2 // \" \\ \/
}

// hex4 decodes four valid hexadecimal digits.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// AppendCompact appends the valid JSON value v to dst without the
// whitespace between its tokens, as json.Compact writes it.
func AppendCompact(dst, v []byte) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			end, _, _ := String(v, i)
			dst = append(dst, v[i:end]...)
			i = end - 1
		case !isSpace(c):
			dst = append(dst, c)
		}
	}
	return dst
}

// maxIntDigits is the most digits Int accepts: any such integer is exact
// in a float64.
const maxIntDigits = 15

// Int reads the JSON number at b[i] when it is a plain integer of at most
// 15 digits (no fraction, no exponent), returning it and the index past
// it; ok is false for any other number or text.
func Int(b []byte, i int) (n, end int, ok bool) {
	start := i
	negative := i < len(b) && b[i] == '-'
	if negative {
		i++
	}
	digitsStart := i
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		n = n*10 + int(b[i]-'0')
		i++
	}
	switch digits := i - digitsStart; {
	case digits == 0 || digits > maxIntDigits,
		digits > 1 && b[digitsStart] == '0',
		i < len(b) && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'):
		return 0, start, false
	}
	if negative {
		n = -n
	}
	return n, i, true
}
