package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/safetext"
)

// ErrorInfo is the machine-readable form of a failure: the "error" object
// that sessionlog writes to stderr for json output, and the error of a
// failed injection row.
type ErrorInfo struct {
	Kind          string              `json:"kind"`
	Status        int                 `json:"status,omitempty"`
	Message       string              `json:"message"`
	ServerMessage string              `json:"server_message,omitempty"`
	Fields        map[string][]string `json:"fields,omitempty"`
	SessionID     string              `json:"session_id,omitempty"`
	Progress      string              `json:"progress,omitempty"`
}

// The statuses of an injection row.
const (
	ResultCreated     = "created"
	ResultFailed      = "failed"
	ResultSkipped     = "skipped"      // an earlier row of the same session failed
	ResultWouldCreate = "would_create" // a dry run
	ResultWouldFail   = "would_fail"   // a dry run that found the session unknown or ended
)

// Result is the outcome of one row of a bulk injection.
type Result struct {
	// Line is the row's line in the injection file, 0 for command-line rows.
	Line      int
	SessionID string
	Action    client.ActionType
	// Status is one of ResultCreated, ResultFailed, ResultSkipped,
	// ResultWouldCreate, ResultWouldFail.
	Status string
	// Entry is the created entry, for created rows.
	Entry *client.LogEntry
	// Error says why a failed row failed.
	Error *ErrorInfo
}

// ResultWriter receives injection results and writes them out.
type ResultWriter interface {
	Write(r Result) error
	Close() error
}

// NewResultWriter returns a ResultWriter for the format opts selects.
//
// The table has the columns LINE, SESSION, ACTION, STATUS and DETAIL (the
// created entry's time and text, or the error). json, jsonl, yaml and jq
// input have one object per row with the keys line, session_id,
// action_type, status, entry (the server's object, or null) and error (an
// ErrorInfo object, or null); csv has the columns
// line,session_id,action_type,status,date,text,error.
func NewResultWriter(w io.Writer, opts Options) (ResultWriter, error) {
	return newWriter(w, opts, resultCodec{color: opts.Color})
}

// resultCodec encodes Result values.
type resultCodec struct {
	color bool
}

// resultColors colours a row's status in the table.
var resultColors = map[string]string{
	ResultCreated: ansiGreen,
	ResultFailed:  ansiRed,
	ResultSkipped: ansiYellow,
}

func (resultCodec) object(dst []byte, r Result) ([]byte, error) {
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, int64(r.Line), 10)
	dst = append(dst, `,"session_id":`...)
	dst = appendString(dst, r.SessionID)
	dst = append(dst, `,"action_type":`...)
	dst = appendString(dst, string(r.Action))
	dst = append(dst, `,"status":`...)
	dst = appendString(dst, r.Status)
	dst = append(dst, `,"entry":`...)
	if r.Entry != nil {
		entry, err := json.Marshal(r.Entry)
		if err != nil {
			return dst, fmt.Errorf("encode %s: %w", resultCodec{}.describe(r), err)
		}
		dst = append(dst, entry...)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"error":`...)
	errObj, err := json.Marshal(r.Error) // null when nil
	if err != nil {
		return dst, fmt.Errorf("encode %s: %w", resultCodec{}.describe(r), err)
	}
	dst = append(dst, errObj...)
	return append(dst, '}'), nil
}

func (resultCodec) describe(r Result) string {
	return fmt.Sprintf("result of row %d (session %q)", r.Line, r.SessionID)
}

func (resultCodec) csvHeader() []string {
	return []string{"line", "session_id", "action_type", "status", "date", "text", "error"}
}

func (resultCodec) csvRow(row []string, r Result) {
	row[0] = strconv.Itoa(r.Line)
	row[1] = r.SessionID
	row[2] = string(r.Action)
	row[3] = r.Status
	row[4], row[5], row[6] = "", "", ""
	if r.Entry != nil {
		row[4], row[5] = r.Entry.Date, r.Entry.Text
	}
	if r.Error != nil {
		row[6] = r.Error.Message
	}
}

func (resultCodec) tableHeader() []string {
	return []string{"LINE", "SESSION", "ACTION", "STATUS", "DETAIL"}
}

func (c resultCodec) tableRow(r Result) []string {
	status := safetext.Terminal(r.Status)
	if color, ok := resultColors[r.Status]; ok && c.color {
		status = color + status + ansiReset
	}
	var detail string
	switch {
	case r.Entry != nil:
		detail = r.Entry.Date + "  " + r.Entry.Text
	case r.Error != nil:
		detail = r.Error.Message
	case r.Status == ResultSkipped:
		detail = "not sent: an earlier row of this session failed"
	}
	line := "-"
	if r.Line > 0 {
		line = strconv.Itoa(r.Line)
	}
	return []string{line, safetext.Terminal(r.SessionID), safetext.Terminal(string(r.Action)), status, safetext.Terminal(detail)}
}
