package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sessionlog/sessionlog/internal/safetext"
	"github.com/sessionlog/sessionlog/timeline"
)

// SummaryRow is one row of summary output: a session's summary or, when
// Error is set, the failure that kept the session from being summarised
// (then only SessionID of the Summary counts).
type SummaryRow struct {
	timeline.Summary
	Error *ErrorInfo
}

// SummaryWriter receives session summaries and writes them out.
type SummaryWriter interface {
	// Write adds one row. Streaming formats (json, jsonl, csv, yaml)
	// write it to the underlying writer before returning.
	Write(s SummaryRow) error
	// Close writes whatever the format still holds. It must be called
	// once, after the last Write.
	Close() error
}

// NewSummaryWriter returns a SummaryWriter that writes summaries to w in the
// format opts selects; NoHeaders, Color and JQ work as for New.
//
// The table has the columns SESSION, STATUS (in words: "in progress",
// "ended", "cancelled", "cancel requested", "no entries", or for a failed
// session its error kind: "not found", "rate limited"), ENTRIES, FIRST,
// LAST, DURATION (first to last entry: "20m", "1h05m", "?" when unknown),
// AWAY (times away) and TIME AWAY ("0m", "3m", "1h05m", "?" when unknown,
// with " (still away)" after it while the customer is away).
//
// json, jsonl, yaml and jq input have one object per row, with these keys
// in this order; csv has the same columns, the error's message last:
//
//	session_id         string
//	status             string: in_progress, ended, cancelled, cancel_requested, no_entries,
//	                   or the error kind of a failed session (not_found, rate_limited, ...)
//	entries            number of log entries
//	first, last        string: display dates of the first and last entries, verbatim
//	times_away         number of absences
//	time_away_seconds  number, or null when unknown (empty in csv)
//	still_away         boolean: away at the last entry
//	span_seconds       number from first to last entry, or null when unknown (empty in csv)
//	error              null, or for a failed session the error object of stderr
//
// A failed session's row has null (empty in csv) for every key from
// entries to span_seconds.
func NewSummaryWriter(w io.Writer, opts Options) (SummaryWriter, error) {
	return newWriter(w, opts, summaryCodec{color: opts.Color})
}

// summaryCodec encodes SummaryRow values.
type summaryCodec struct {
	color bool
}

// summaryObject is a row's output object; the order of its fields is the
// order of the keys.
type summaryObject struct {
	SessionID       string     `json:"session_id"`
	Status          string     `json:"status"`
	Entries         *int       `json:"entries"`
	First           *string    `json:"first"`
	Last            *string    `json:"last"`
	TimesAway       *int       `json:"times_away"`
	TimeAwaySeconds *int64     `json:"time_away_seconds"`
	StillAway       *bool      `json:"still_away"`
	SpanSeconds     *int64     `json:"span_seconds"`
	Error           *ErrorInfo `json:"error"`
}

// object appends s's output object to dst as JSON.
func (c summaryCodec) object(dst []byte, s SummaryRow) ([]byte, error) {
	obj := summaryObject{SessionID: s.SessionID, Status: rowStatus(s), Error: s.Error}
	if s.Error == nil {
		obj.Entries, obj.First, obj.Last = &s.Entries, &s.First, &s.Last
		obj.TimesAway, obj.StillAway = &s.TimesAway, &s.StillAway
		obj.TimeAwaySeconds, obj.SpanSeconds = wholeSeconds(s.TimeAway), wholeSeconds(s.Span)
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return dst, fmt.Errorf("encode %s: %w", c.describe(s), err)
	}
	return append(dst, b...), nil
}

// rowStatus is a row's status key: the session's status, or the kind of
// the error that stopped it.
func rowStatus(s SummaryRow) string {
	if s.Error != nil {
		return s.Error.Kind
	}
	return string(s.Status)
}

// wholeSeconds is e in whole seconds, nil when unknown.
func wholeSeconds(e timeline.Elapsed) *int64 {
	if !e.Known {
		return nil
	}
	n := int64(e.Duration / time.Second)
	return &n
}

// describe names s in error messages.
func (summaryCodec) describe(s SummaryRow) string {
	return "summary of session " + s.SessionID
}

// csvHeader returns the csv header row: the JSON keys, in order.
func (summaryCodec) csvHeader() []string {
	return []string{
		"session_id", "status", "entries", "first", "last",
		"times_away", "time_away_seconds", "still_away", "span_seconds", "error",
	}
}

// csvRow fills row with s's cells.
func (summaryCodec) csvRow(row []string, s SummaryRow) {
	clear(row)
	row[0] = s.SessionID
	row[1] = rowStatus(s)
	if s.Error != nil {
		row[9] = s.Error.Message
		return
	}
	row[2] = strconv.Itoa(s.Entries)
	row[3] = s.First
	row[4] = s.Last
	row[5] = strconv.Itoa(s.TimesAway)
	row[6] = seconds(s.TimeAway)
	row[7] = strconv.FormatBool(s.StillAway)
	row[8] = seconds(s.Span)
}

// tableHeader returns the table's column names.
func (summaryCodec) tableHeader() []string {
	return []string{"SESSION", "STATUS", "ENTRIES", "FIRST", "LAST", "DURATION", "AWAY", "TIME AWAY"}
}

// columnsToLeaveOut names the columns a table too wide for the terminal
// leaves out whole, in this order, before it cuts any cell: FIRST, which is
// LAST less DURATION; ENTRIES, a count that says nothing of the customer's
// presence; then LAST. Each is in list's output too. SESSION, STATUS,
// DURATION, AWAY and TIME AWAY, what a summary is read for, stay.
func (summaryCodec) columnsToLeaveOut() []string {
	return []string{"FIRST", "ENTRIES", "LAST"}
}

// tableRow returns s's cells; a failed session has only its id and status.
func (c summaryCodec) tableRow(s SummaryRow) []string {
	id := safetext.Terminal(s.SessionID)
	if s.Error != nil {
		status := statusWords(s.Error.Kind)
		if c.color {
			status = ansiRed + status + ansiReset
		}
		return []string{id, status, "", "", "", "", "", ""}
	}
	status := statusWords(string(s.Status))
	if c.color {
		status = colorStatus(s.Status, status)
	}
	away := elapsedCell(s.TimeAway)
	if s.StillAway {
		away += " (still away)"
	}
	return []string{
		id, status, strconv.Itoa(s.Entries), safetext.Terminal(s.First), safetext.Terminal(s.Last),
		elapsedCell(s.Span), strconv.Itoa(s.TimesAway), away,
	}
}

// statusWords is a status or error kind in plain words: "in progress" for
// in_progress, "not found" for not_found.
func statusWords(s string) string {
	return safetext.Terminal(strings.ReplaceAll(s, "_", " "))
}
