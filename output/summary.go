package output

import (
	"io"
	"strconv"
	"strings"

	"github.com/sessionlog/sessionlog/internal/safetext"
	"github.com/sessionlog/sessionlog/timeline"
)

// SummaryWriter receives session summaries and writes them out.
type SummaryWriter interface {
	// Write adds one summary. Streaming formats (json, jsonl, csv, yaml)
	// write it to the underlying writer before returning.
	Write(s timeline.Summary) error
	// Close writes whatever the format still holds. It must be called
	// once, after the last Write.
	Close() error
}

// NewSummaryWriter returns a SummaryWriter that writes summaries to w in the
// format opts selects; NoHeaders, Color and JQ work as for New.
//
// The table has the columns SESSION, STATUS (in words: "in progress",
// "ended", "cancelled", "cancel requested", "no entries"), ENTRIES, FIRST,
// LAST, AWAY (times away) and TIME AWAY ("0m", "3m", "1h05m", "?" when
// unknown, with " (still away)" after it while the customer is away).
//
// json, jsonl, yaml and jq input have one object per summary, with these
// keys in this order; csv has the same columns:
//
//	session_id         string
//	status             string: in_progress, ended, cancelled, cancel_requested, no_entries
//	entries            number of log entries
//	first, last        string: display dates of the first and last entries, verbatim
//	times_away         number of absences
//	time_away_seconds  number, or null when unknown (empty in csv)
//	still_away         boolean: away at the last entry
//	span_seconds       number from first to last entry, or null when unknown (empty in csv)
func NewSummaryWriter(w io.Writer, opts Options) (SummaryWriter, error) {
	return newWriter(w, opts, summaryCodec{color: opts.Color})
}

// summaryCodec encodes timeline.Summary values.
type summaryCodec struct {
	color bool
}

// object appends s's output object to dst as JSON.
func (summaryCodec) object(dst []byte, s timeline.Summary) ([]byte, error) {
	dst = append(dst, `{"session_id":`...)
	dst = appendString(dst, s.SessionID)
	dst = append(dst, `,"status":`...)
	dst = appendString(dst, string(s.Status))
	dst = append(dst, `,"entries":`...)
	dst = strconv.AppendInt(dst, int64(s.Entries), 10)
	dst = append(dst, `,"first":`...)
	dst = appendString(dst, s.First)
	dst = append(dst, `,"last":`...)
	dst = appendString(dst, s.Last)
	dst = append(dst, `,"times_away":`...)
	dst = strconv.AppendInt(dst, int64(s.TimesAway), 10)
	dst = append(dst, `,"time_away_seconds":`...)
	dst = appendSeconds(dst, s.TimeAway)
	dst = append(dst, `,"still_away":`...)
	dst = strconv.AppendBool(dst, s.StillAway)
	dst = append(dst, `,"span_seconds":`...)
	dst = appendSeconds(dst, s.Span)
	return append(dst, '}'), nil
}

// describe names s in error messages.
func (summaryCodec) describe(s timeline.Summary) string {
	return "summary of session " + s.SessionID
}

// csvHeader returns the csv header row: the JSON keys, in order.
func (summaryCodec) csvHeader() []string {
	return []string{
		"session_id", "status", "entries", "first", "last",
		"times_away", "time_away_seconds", "still_away", "span_seconds",
	}
}

// csvRow fills row with s's cells.
func (summaryCodec) csvRow(row []string, s timeline.Summary) {
	row[0] = s.SessionID
	row[1] = string(s.Status)
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
	return []string{"SESSION", "STATUS", "ENTRIES", "FIRST", "LAST", "AWAY", "TIME AWAY"}
}

// tableRow returns s's cells.
func (c summaryCodec) tableRow(s timeline.Summary) []string {
	status := statusWords(s.Status)
	if c.color {
		status = colorStatus(s.Status, status)
	}
	away := unknownCell
	if s.TimeAway.Known {
		away = minutes(s.TimeAway.Duration)
	}
	if s.StillAway {
		away += " (still away)"
	}
	return []string{
		safetext.Terminal(s.SessionID), status, strconv.Itoa(s.Entries), safetext.Terminal(s.First), safetext.Terminal(s.Last),
		strconv.Itoa(s.TimesAway), away,
	}
}

// statusWords is a status in plain words: "in progress" for in_progress.
func statusWords(s timeline.Status) string {
	return safetext.Terminal(strings.ReplaceAll(string(s), "_", " "))
}
