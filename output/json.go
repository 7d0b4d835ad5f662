package output

import (
	"bytes"
	"encoding/json"
)

// appendString appends s to dst as a JSON string.
func appendString(dst []byte, s string) []byte {
	b, _ := json.Marshal(s) // a Go string always encodes
	return append(dst, b...)
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
	if err := json.Compact(buf, obj); err != nil {
		return err
	}
	return buf.WriteByte('\n')
}

func (jsonLines) end(int) string {
	return ""
}

// maxIndentDepth is the deepest level of arrays and objects that the json
// format lays out one member a line; deeper ones stay compact.
const maxIndentDepth = 4

// indentShallow writes the JSON value obj to buf as json.Indent does, but
// lays out only the first maxIndentDepth levels one member a line: deeper
// arrays and objects, which only a server's values reach, stay compact on
// their line. Fully indented, a deeply nested value grows with the square of
// its depth (a 20 KB reply could become hundreds of megabytes); this way the
// output stays within a small multiple of the input.
func indentShallow(buf *bytes.Buffer, obj []byte, prefix, indent string) error {
	var compact bytes.Buffer
	if err := json.Compact(&compact, obj); err != nil {
		return err
	}
	b := compact.Bytes()
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
