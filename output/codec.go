package output

import (
	"fmt"
	"io"
)

// codec turns the values one kind of writer receives (records, summaries)
// into output: a JSON object for json, jsonl, yaml and jq, a row of cells
// for csv and for the table. The writers of each format are generic over it.
type codec[T any] interface {
	// object appends v's output object to dst as compact JSON, which the
	// formats lay out without reading it again.
	object(dst []byte, v T) ([]byte, error)
	// describe names v in error messages.
	describe(v T) string
	// csvHeader returns the csv header row.
	csvHeader() []string
	// csvRow fills row, as long as the header, with v's csv cells.
	csvRow(row []string, v T)
	// tableHeader returns the table's column names.
	tableHeader() []string
	// tableRow returns v's table cells, one line each.
	tableRow(v T) []string
}

// writer is a Writer of values of type T.
type writer[T any] interface {
	Write(v T) error
	Close() error
}

// newWriter returns the writer of opts.Format for values that c encodes.
func newWriter[T any](w io.Writer, opts Options, c codec[T]) (writer[T], error) {
	if opts.JQ != nil && opts.Format != FormatJSON {
		return nil, fmt.Errorf("format %q: %w", opts.Format, ErrJQNeedsJSON)
	}
	switch opts.Format {
	case FormatTable, FormatWide:
		if opts.Format == FormatWide {
			opts.MaxWidth = 0
		}
		return newStreamTableWriter(w, opts, c), nil
	case FormatJSON:
		if opts.JQ != nil {
			return newJQWriter(w, opts.JQ, c), nil
		}
		return newStreamWriter(w, opts.Format, jsonArray{}, c), nil
	case FormatJSONL:
		return newStreamWriter(w, opts.Format, jsonLines{}, c), nil
	case FormatCSV:
		return newCSVWriter(w, opts.NoHeaders, opts.BOM, c), nil
	case FormatMarkdown:
		return newMarkdownWriter(w, opts.NoHeaders, c), nil
	case FormatYAML:
		return newStreamWriter(w, opts.Format, yamlSequence{}, c), nil
	}
	return nil, unknownFormat(string(opts.Format))
}

// objects turns values into JSON objects in a reused scratch buffer; the
// stream and jq writers embed it.
type objects[T any] struct {
	c   codec[T]
	obj []byte
}

// encode returns v's output object, valid until the next call.
func (o *objects[T]) encode(v T) ([]byte, error) {
	var err error
	o.obj, err = o.c.object(o.obj[:0], v)
	return o.obj, err
}
