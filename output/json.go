package output

import (
	"bytes"
	"encoding/json"
)

// appendString appends s to dst as a JSON string, as json.Marshal writes
// it.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a Go string always encodes
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// jsonArray lays the objects out as one pretty-printed JSON array.
type jsonArray struct{}

func (jsonArray) item(buf *bytes.Buffer, obj []byte, i int) error {
	if i == 0 {
		buf.WriteString("[\n  ")
	} else {
		buf.WriteString(",\n  ")
	}
	return indentShallow(buf, obj, "  ", "  ")
}

func (jsonArray) end(n int) string {
	if n == 0 {
		return "[]\n"
	}
	return "\n]\n"
}

// jsonLines lays the objects out as JSON Lines: one compact object a line.
type jsonLines struct{}

func (jsonLines) item(buf *bytes.Buffer, obj []byte, _ int) error {
	buf.Write(obj)
	return buf.WriteByte('\n')
}

func (jsonLines) end(int) string {
	return ""
}

// maxIndentDepth is the deepest level of arrays and objects that the json
// format lays out one member a line; deeper ones stay compact.
const maxIndentDepth = 4

// indentShallow writes the compact JSON value b to buf as json.Indent does, but
// lays out only the first maxIndentDepth levels one member a line: deeper
// arrays and objects, which only a server's values reach, stay compact on
// their line. Fully indented, a deeply nested value grows with the square of
// its depth (a 20 KB reply could become hundreds of megabytes); this way the
// output stays within a small multiple of the input.
func indentShallow(buf *bytes.Buffer, b []byte, prefix, indent string) error {
	newline := func(depth int) {
		buf.WriteByte('\n')
		buf.WriteString(prefix)
		for range depth {
			buf.WriteString(indent)
		}
	}
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '"':
			end := stringEnd(b, i)
			buf.Write(b[i:end])
			i = end - 1
		case '{', '[':
			depth++
			buf.WriteByte(c)
			if depth > maxIndentDepth {
				continue
			}
			if next := b[i+1]; next == '}' || next == ']' { // empty: {} or []
				buf.WriteByte(next)
				i++
				depth--
				continue
			}
			newline(depth)
		case '}', ']':
			if depth <= maxIndentDepth {
				newline(depth - 1)
			}
			depth--
			buf.WriteByte(c)
		case ',':
			buf.WriteByte(c)
			if depth <= maxIndentDepth {
				newline(depth)
			}
		case ':':
			buf.WriteByte(c)
			if depth <= maxIndentDepth {
				buf.WriteByte(' ')
			}
		default:
			buf.WriteByte(c)
		}
	}
	return nil
}

// stringEnd returns the index just past the JSON string that starts at
// b[start], in valid compact JSON.
func stringEnd(b []byte, start int) int {
	for i := start + 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}
