// Package output renders activity-log entries as a table, JSON, JSON Lines,
// CSV or YAML, and filters the JSON form through gh-style --jq queries. It
// knows nothing of HTTP: callers hand it Records in timeline order.
package output

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sessionlog/sessionlog/client"
)

// Format names an output format.
type Format string

// The supported output formats.
const (
	FormatTable Format = "table"
	FormatJSON  Format = "json"
	FormatJSONL Format = "jsonl"
	FormatCSV   Format = "csv"
	FormatYAML  Format = "yaml"
)

// Formats returns the supported formats, table first.
func Formats() []Format {
	return []Format{FormatTable, FormatJSON, FormatJSONL, FormatCSV, FormatYAML}
}

// ParseFormat turns user input such as "JSON" into a Format. Case and
// surrounding space do not matter; an unknown name is an error that lists the
// valid ones.
func ParseFormat(s string) (Format, error) {
	want := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, f := range Formats() {
		if f == want {
			return f, nil
		}
	}
	return "", unknownFormat(s)
}

// unknownFormat is the error for a format name that is not one of Formats.
func unknownFormat(name string) error {
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return fmt.Errorf("unknown output format %q (valid: %s)", name, strings.Join(names, ", "))
}

// Record is one entry of one session's timeline.
type Record struct {
	SessionID string
	// Position is the entry's 1-based place in its session's timeline.
	Position int
	Entry    client.LogEntry
}

// Options selects and tunes an output format.
type Options struct {
	Format Format
	// NoHeaders omits the header row (table and csv).
	NoHeaders bool
	// Color colours the ACTION cell and bolds the header (table only).
	Color bool
	// ShowSession adds a SESSION column first (table only).
	ShowSession bool
	// JQ, when non-nil, filters the JSON array through this query. It is
	// only valid with FormatJSON.
	JQ *Query
}

// Writer receives records in timeline order and writes them out.
type Writer interface {
	// Write adds one record. Streaming formats (json, jsonl, csv, yaml) write
	// it to the underlying writer before returning.
	Write(r Record) error
	// Close writes whatever the format still holds (the table, the closing
	// bracket of a JSON array, the jq results, an empty document). It must be
	// called once, after the last Write.
	Close() error
}

// ErrJQNeedsJSON is returned by New when a jq query is given with a format
// other than json.
var ErrJQNeedsJSON = errors.New("a jq query requires the json format")

// New returns a Writer that writes records to w in the format opts selects.
func New(w io.Writer, opts Options) (Writer, error) {
	if opts.JQ != nil && opts.Format != FormatJSON {
		return nil, fmt.Errorf("format %q: %w", opts.Format, ErrJQNeedsJSON)
	}
	switch opts.Format {
	case FormatTable:
		return newTableWriter(w, opts), nil
	case FormatJSON:
		if opts.JQ != nil {
			return newJQWriter(w, opts.JQ), nil
		}
		return newJSONWriter(w), nil
	case FormatJSONL:
		return newJSONLWriter(w), nil
	case FormatCSV:
		return newCSVWriter(w, opts.NoHeaders), nil
	case FormatYAML:
		return newYAMLWriter(w), nil
	}
	return nil, unknownFormat(string(opts.Format))
}
