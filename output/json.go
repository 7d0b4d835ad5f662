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
	return json.Indent(buf, obj, "  ", "  ")
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
