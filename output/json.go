package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// sessionIDKey is the key under which every output object carries its
// record's session id.
const sessionIDKey = "session_id"

// appendObject appends r's output object to dst as JSON: "session_id" first,
// then every field of the server's object in the server's order, values
// byte for byte (a server "session_id" field is dropped in favour of ours).
// Entries built in code (nil Raw) contribute their documented fields.
func appendObject(dst []byte, r Record) ([]byte, error) {
	raw := []byte(r.Entry.Raw)
	if len(raw) == 0 {
		var err error
		if raw, err = json.Marshal(r.Entry); err != nil {
			return dst, fmt.Errorf("encode %s: %w", describe(r), err)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return dst, fmt.Errorf("decode %s: %w", describe(r), err)
	}
	if tok != json.Delim('{') {
		return dst, fmt.Errorf("%s is not a JSON object", describe(r))
	}
	dst = append(dst, `{"`+sessionIDKey+`":`...)
	dst = appendString(dst, r.SessionID)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return dst, fmt.Errorf("decode %s: %w", describe(r), err)
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return dst, fmt.Errorf("decode %s: %w", describe(r), err)
		}
		key := tok.(string) // the decoder yields object keys as strings
		if key == sessionIDKey {
			continue
		}
		dst = append(dst, ',')
		dst = appendString(dst, key)
		dst = append(dst, ':')
		dst = append(dst, value...)
	}
	return append(dst, '}'), nil
}

// appendString appends s to dst as a JSON string.
func appendString(dst []byte, s string) []byte {
	b, _ := json.Marshal(s) // a Go string always encodes
	return append(dst, b...)
}

// describe names r in error messages.
func describe(r Record) string {
	return fmt.Sprintf("entry %d of session %s", r.Position, r.SessionID)
}

// jsonWriter streams one pretty-printed JSON array of output objects.
type jsonWriter struct {
	w       io.Writer
	started bool   // "[" has been written
	obj     []byte // scratch for the record being written
	buf     bytes.Buffer
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: w}
}

// Write writes the record's object as the next element of the array.
func (j *jsonWriter) Write(r Record) error {
	var err error
	if j.obj, err = appendObject(j.obj[:0], r); err != nil {
		return err
	}
	j.buf.Reset()
	if j.started {
		j.buf.WriteString(",\n  ")
	} else {
		j.buf.WriteString("[\n  ")
	}
	if err := json.Indent(&j.buf, j.obj, "  ", "  "); err != nil {
		return fmt.Errorf("indent %s: %w", describe(r), err)
	}
	if _, err := j.w.Write(j.buf.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	j.started = true
	return nil
}

// Close ends the array, or writes [] when no record came.
func (j *jsonWriter) Close() error {
	end := "\n]\n"
	if !j.started {
		end = "[]\n"
	}
	if _, err := io.WriteString(j.w, end); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// jsonlWriter writes one compact output object per line as records arrive.
type jsonlWriter struct {
	w   io.Writer
	obj []byte
	buf bytes.Buffer
}

func newJSONLWriter(w io.Writer) *jsonlWriter {
	return &jsonlWriter{w: w}
}

// Write writes the record's object on its own line.
func (j *jsonlWriter) Write(r Record) error {
	var err error
	if j.obj, err = appendObject(j.obj[:0], r); err != nil {
		return err
	}
	j.buf.Reset()
	if err := json.Compact(&j.buf, j.obj); err != nil {
		return fmt.Errorf("compact %s: %w", describe(r), err)
	}
	j.buf.WriteByte('\n')
	if _, err := j.w.Write(j.buf.Bytes()); err != nil {
		return fmt.Errorf("write jsonl: %w", err)
	}
	return nil
}

// Close does nothing: every line is written by Write.
func (j *jsonlWriter) Close() error {
	return nil
}
