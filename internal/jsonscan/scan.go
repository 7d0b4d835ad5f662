// Package jsonscan finds the values, strings and object members of JSON
// text in place, validating them as encoding/json does but decoding
// nothing. It serves the fast paths of the client's decoding and of the
// JSON-based outputs, which hand anything it does not accept, or reports as
// unusual, to encoding/json.
package jsonscan

import "unicode/utf8"

// Flags say what a scanned piece of JSON holds besides plain tokens.
type Flags uint8

const (
	// Escaped marks a string with a backslash escape.
	Escaped Flags = 1 << iota
	// NonASCII marks a string with bytes of 0x80 and above.
	NonASCII
	// BadUTF8 marks a string with bytes that are not valid UTF-8
	// (encoding/json reads each as U+FFFD).
	BadUTF8
	// Spaced marks whitespace between tokens, inside an array or object.
	Spaced
)

// Result describes a scanned value.
type Result struct {
	// End is the index just past the value.
	End int
	// Depth is the deepest nesting of arrays and objects in the value,
	// the value itself counting as one level; 0 for a scalar.
	Depth int
	// Flags gather the flags of the value's keys, strings and spacing.
	Flags Flags
}

// Member is one member of a JSON object, as it stands in the text.
type Member struct {
	// Key is the key with its quotes; Value the value.
	Key, Value []byte
	// ValueAt is the index of Value in the scanned text.
	ValueAt int
	// KeyFlags and ValueFlags are the flags of the key and of the value.
	KeyFlags, ValueFlags Flags
}

// plain marks the bytes that a string holds as they are, without further
// checks: printable ASCII other than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// isSpace reports whether c is JSON whitespace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// SkipSpace returns the index of the first byte at or after i that is not
// JSON whitespace (len(b) when there is none).
func SkipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// String scans the JSON string that starts with the quote at b[i]. It
// returns the index just past its closing quote and its flags; ok is false
// when the string is not valid JSON (a control character, a bad escape, no
// closing quote).
func String(b []byte, i int) (end int, flags Flags, ok bool) {
	i++
	for {
		for i < len(b) && plain[b[i]] {
			i++
		}
		if i >= len(b) {
			return 0, flags, false
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, flags, true
		case c == '\\':
			flags |= Escaped
			if i+1 >= len(b) {
				return 0, flags, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex4(b[i+2:i+6]) {
					return 0, flags, false
				}
				i += 6
			default:
				return 0, flags, false
			}
		case c < 0x20:
			return 0, flags, false
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				flags |= BadUTF8
			}
			flags |= NonASCII
			i += size
		}
	}
}

// isHex4 reports whether b is four hexadecimal digits.
func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Value scans the JSON value that starts at b[i] (no whitespace before
// it). ok is false when the value is not valid JSON or is nested deeper
// than maxDepth levels.
func Value(b []byte, i, maxDepth int) (r Result, ok bool) {
	s := scanner{b: b, maxDepth: maxDepth}
	end, ok := s.value(i, 0)
	return Result{End: end, Depth: s.deepest, Flags: s.flags}, ok
}

// Object scans the JSON object that starts with the brace at b[i],
// appending its members to dst in order (a key sent twice appears twice).
// ok is false when it is not a valid JSON object or is nested deeper than
// maxDepth levels.
func Object(dst []Member, b []byte, i, maxDepth int) (members []Member, r Result, ok bool) {
	s := scanner{b: b, maxDepth: maxDepth}
	if i >= len(b) || b[i] != '{' || !s.enter(1) {
		return dst, Result{}, false
	}
	i = s.space(i + 1)
	if i < len(b) && b[i] == '}' {
		return dst, Result{End: i + 1, Depth: 1, Flags: s.flags}, true
	}
	for {
		m, next, more, ok := s.member(i, 1)
		if !ok {
			return dst, Result{}, false
		}
		dst = append(dst, m)
		if !more {
			return dst, Result{End: next, Depth: s.deepest, Flags: s.flags}, true
		}
		i = next
	}
}

// scanner validates one value, gathering its flags and depth.
type scanner struct {
	b        []byte
	maxDepth int
	deepest  int
	flags    Flags
}

// space skips whitespace from i, noting it.
func (s *scanner) space(i int) int {
	j := SkipSpace(s.b, i)
	if j != i {
		s.flags |= Spaced
	}
	return j
}

// value scans the value at b[i], at nesting depth (its container's level).
func (s *scanner) value(i, depth int) (int, bool) {
	if i >= len(s.b) {
		return 0, false
	}
	switch c := s.b[i]; {
	case c == '"':
		end, flags, ok := String(s.b, i)
		s.flags |= flags
		return end, ok
	case c == '{':
		return s.object(i, depth)
	case c == '[':
		return s.array(i, depth)
	case c == 't':
		return literal(s.b, i, "true")
	case c == 'f':
		return literal(s.b, i, "false")
	case c == 'n':
		return literal(s.b, i, "null")
	case c == '-' || '0' <= c && c <= '9':
		return number(s.b, i)
	}
	return 0, false
}

// enter notes one more level of nesting; false beyond maxDepth.
func (s *scanner) enter(depth int) bool {
	if depth > s.maxDepth {
		return false
	}
	s.deepest = max(s.deepest, depth)
	return true
}

// object scans the object at b[i], inside depth levels.
func (s *scanner) object(i, depth int) (int, bool) {
	depth++
	if !s.enter(depth) {
		return 0, false
	}
	i = s.space(i + 1)
	if i < len(s.b) && s.b[i] == '}' {
		return i + 1, true
	}
	for {
		_, next, more, ok := s.member(i, depth)
		if !ok || !more {
			return next, ok
		}
		i = next
	}
}

// member scans the member at b[i] of an object at depth, and the comma or
// brace after it: next is the index past those, more whether a comma.
func (s *scanner) member(i, depth int) (m Member, next int, more, ok bool) {
	if i >= len(s.b) || s.b[i] != '"' {
		return m, 0, false, false
	}
	keyEnd, keyFlags, ok := String(s.b, i)
	if !ok {
		return m, 0, false, false
	}
	s.flags |= keyFlags
	m.Key, m.KeyFlags = s.b[i:keyEnd], keyFlags
	i = s.space(keyEnd)
	if i >= len(s.b) || s.b[i] != ':' {
		return m, 0, false, false
	}
	i = s.space(i + 1)
	outer := s.flags
	s.flags = 0
	end, ok := s.value(i, depth)
	if !ok {
		return m, 0, false, false
	}
	m.Value, m.ValueAt, m.ValueFlags = s.b[i:end], i, s.flags
	s.flags |= outer
	i = s.space(end)
	switch {
	case i >= len(s.b):
		return m, 0, false, false
	case s.b[i] == ',':
		return m, s.space(i + 1), true, true
	case s.b[i] == '}':
		return m, i + 1, false, true
	}
	return m, 0, false, false
}

// array scans the array at b[i], inside depth levels.
func (s *scanner) array(i, depth int) (int, bool) {
	depth++
	if !s.enter(depth) {
		return 0, false
	}
	i = s.space(i + 1)
	if i < len(s.b) && s.b[i] == ']' {
		return i + 1, true
	}
	for {
		end, ok := s.value(i, depth)
		if !ok {
			return 0, false
		}
		i = s.space(end)
		if i >= len(s.b) {
			return 0, false
		}
		switch s.b[i] {
		case ',':
			i = s.space(i + 1)
		case ']':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// literal scans the literal word at b[i].
func literal(b []byte, i int, word string) (int, bool) {
	if len(b)-i < len(word) || string(b[i:i+len(word)]) != word {
		return 0, false
	}
	return i + len(word), true
}

// number scans the JSON number at b[i].
func number(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b) || b[i] < '0' || b[i] > '9':
		return 0, false
	case b[i] == '0':
		i++
	default:
		i = digits(b, i)
	}
	if i < len(b) && b[i] == '.' {
		j := digits(b, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

// digits returns the index of the first byte at or after i that is not a
// decimal digit.
func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}
