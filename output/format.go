// Package output renders activity-log entries, and the summaries of
// sessions, as a table, JSON, JSON Lines, CSV, YAML or a markdown table, and filters the JSON
// form through gh-style --jq queries. It knows nothing of HTTP: callers hand
// it Records in timeline order, or timeline.Summary values.
package output

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
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
	// FormatWide is the table, never cut to Options.MaxWidth.
	FormatWide Format = "wide"
	// FormatMarkdown is a GitHub-flavoured markdown table, for tickets.
	FormatMarkdown Format = "markdown"
	// FormatHTML is a report of whole sessions, one self-contained page
	// (WriteHTML); it is not a format of New or of the other writers.
	FormatHTML Format = "html"
)

// Formats returns the formats of the writers, table first.
func Formats() []Format {
	return []Format{FormatTable, FormatJSON, FormatJSONL, FormatCSV, FormatYAML, FormatWide, FormatMarkdown}
}

// ParseFormat turns user input such as "JSON" into a Format: one of
// Formats, or FormatHTML. Case and surrounding space do not matter; an
// unknown name is an error that lists the valid ones.
func ParseFormat(s string) (Format, error) {
	want := Format(strings.ToLower(strings.TrimSpace(s)))
	if want == FormatHTML {
		return FormatHTML, nil
	}
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
	return fmt.Errorf("unknown output format %q (valid: %s; %s for list and summary)", name, strings.Join(names, ", "), FormatHTML)
}

// Record is one entry of one session's timeline.
type Record struct {
	SessionID string
	// Position is the entry's 1-based place in its session's timeline, 0
	// when unknown (an entry just created): "-" in the table, empty in csv.
	Position int
	Entry    client.LogEntry
	// Gap is the time since the previous record of the same session, as a
	// timeline.Clock gives it; shown only with Options.Gaps. The zero Gap,
	// a session's first record, shows as none.
	Gap timeline.Gap
}

// Options selects and tunes an output format.
type Options struct {
	Format Format
	// NoHeaders omits the header row (table, csv and markdown).
	NoHeaders bool
	// Color colours the ACTION cell, or a summary's STATUS cell, and bolds
	// the header (table only: the caller leaves it off for markdown).
	Color bool
	// MaxWidth, when positive, is the width of the terminal the table goes
	// to: no line of the table is wider. A summary first leaves out FIRST,
	// ENTRIES and LAST (LeftOutColumns names them). Then the last text
	// column (DESCRIPTION, DETAIL) is cut, with "…", then the other columns
	// of words; numbers and times are never cut, and rows never wrap. Widths
	// are display widths: East Asian wide characters count two, combining
	// marks none. FormatWide ignores it.
	MaxWidth int
	// IsolateRTL wraps each table cell that holds right-to-left text
	// (Arabic) in the Unicode isolates U+2068 and U+2069, so that a
	// terminal that applies the bidirectional algorithm does not reorder
	// the row around it. For a terminal only: piped output stays exact.
	IsolateRTL bool
	// BOM writes a UTF-8 byte-order mark before the csv output, so that
	// Excel reads it as UTF-8 (Arabic text included). csv only.
	BOM bool
	// ShowSession adds a SESSION column first (table of records only;
	// summaries always have one).
	ShowSession bool
	// Gaps shows each record's Gap: a GAP column after TIME in the table
	// ("+11m", "+1h05m", "?" when unknown, blank for the first record), a
	// trailing gap_seconds column in csv (empty when unknown or first), and
	// a "gap_seconds" key after the server's fields in json, jsonl, yaml and
	// jq input (null when unknown or first). Records only.
	Gaps bool
	// StreamTable makes the table print each row as soon as it is written,
	// for output that goes on as long as a session is followed. Its columns
	// are as wide as their header and the widest value they usually hold,
	// and widen (shifting later rows) only for a wider cell.
	StreamTable bool
	// TableLookahead, when positive, makes the table hold only its first
	// TableLookahead rows (a page's worth) to work out the column widths,
	// then print every row as soon as it is written, in constant memory;
	// 0 holds every row until Close. StreamTable holds none.
	TableLookahead int
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

// ErrJQNeedsJSON is returned by New and NewSummaryWriter when a jq query is
// given with a format other than json.
var ErrJQNeedsJSON = errors.New("a jq query requires the json format")

// New returns a Writer that writes records to w in the format opts selects.
func New(w io.Writer, opts Options) (Writer, error) {
	return newWriter(w, opts, entryCodec{opts})
}
