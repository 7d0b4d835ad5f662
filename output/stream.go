package output

import (
	"bytes"
	"fmt"
	"io"
)

// streamFormat lays out a sequence of JSON objects in one streaming format.
type streamFormat interface {
	// item appends obj, the object at index i of the sequence, to buf.
	item(buf *bytes.Buffer, obj []byte, i int) error
	// end returns what follows the last of n objects, or "" for nothing.
	end(n int) string
}

// streamWriter writes each value's object in its format to the underlying
// writer as the value arrives: json, jsonl and yaml.
type streamWriter[T any] struct {
	objects[T]
	w      io.Writer
	name   Format
	format streamFormat
	n      int          // objects written
	buf    bytes.Buffer // the formatted object being written
}

func newStreamWriter[T any](w io.Writer, name Format, format streamFormat, c codec[T]) *streamWriter[T] {
	return &streamWriter[T]{objects: objects[T]{c: c}, w: w, name: name, format: format}
}

// Write writes v's object as the next item of the sequence.
func (s *streamWriter[T]) Write(v T) error {
	obj, err := s.encode(v)
	if err != nil {
		return err
	}
	s.buf.Reset()
	if err := s.format.item(&s.buf, obj, s.n); err != nil {
		return fmt.Errorf("encode %s as %s: %w", s.c.describe(v), s.name, err)
	}
	if _, err := s.w.Write(s.buf.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", s.name, err)
	}
	s.n++
	return nil
}

// Close writes what ends the sequence, such as the closing bracket of a JSON
// array or an empty document when nothing came.
func (s *streamWriter[T]) Close() error {
	end := s.format.end(s.n)
	if end == "" {
		return nil
	}
	if _, err := io.WriteString(s.w, end); err != nil {
		return fmt.Errorf("write %s: %w", s.name, err)
	}
	return nil
}
