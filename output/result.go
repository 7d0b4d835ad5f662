package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/safetext"
)

// ErrorInfo is the machine-readable form of a failure: the "error" object
// that sessionlog writes to stderr for json output, the error of a failed
// injection row and of a failed session's summary row.
type ErrorInfo struct {
	Kind          string              `json:"kind"`
	Status        int                 `json:"status,omitempty"`
	Message       string              `json:"message"`
	ServerMessage string              `json:"server_message,omitempty"`
	Fields        map[string][]string `json:"fields,omitempty"`
	SessionID     string              `json:"session_id,omitempty"`
	// Rows lists the invalid rows of an injection file, nothing having
	// been sent.
	Rows []RowError `json:"rows,omitempty"`
	// CreateProgress says what a create of several entries did before it
	// stopped.
	*CreateProgress
}

// RowError is one invalid row of an injection file.
type RowError struct {
	// Line is the row's line, nil when the problem has none.
	Line *int `json:"line"`
	// Column is the 1-based byte column, in that line, of the value at
	// fault, for the problems that point at one.
	Column *int   `json:"column,omitempty"`
	Error  string `json:"error"`
}

// CreateProgress is what a create of several entries did before one failed:
// how many were created, and the action types of those not sent.
type CreateProgress struct {
	Created int                 `json:"created"`
	NotSent []client.ActionType `json:"not_sent"`
}

// ResultStatus is the outcome of an injection row.
type ResultStatus string

// The statuses of an injection row.
const (
	ResultCreated     ResultStatus = "created"
	ResultFailed      ResultStatus = "failed"
	ResultSkipped     ResultStatus = "skipped"      // an earlier row of the same session failed
	ResultWouldCreate ResultStatus = "would_create" // a dry run
	ResultWouldFail   ResultStatus = "would_fail"   // a dry run that found the session unknown or ended
)

// Result is the outcome of one row of a bulk injection.
type Result struct {
	// Line is the row's line in the injection file, 0 for command-line rows.
	Line      int
	SessionID string
	Action    client.ActionType
	// Status is one of ResultCreated, ResultFailed, ResultSkipped,
	// ResultWouldCreate, ResultWouldFail.
	Status ResultStatus
	// Entry is the created entry, for created rows.
	Entry *client.LogEntry
	// Error says why a failed row failed.
	Error *ErrorInfo
	// DryRun marks the rows of a run that sent nothing.
	DryRun bool
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
// input have one object per row with the keys line (null for a row from
// the command line), session_id, action_type, status, entry (the server's
// object, or null) and error (an ErrorInfo object, or null), then, in a dry
// run, "dry_run": true; csv has the columns
// line,session_id,action_type,status,date,text,error.
func NewResultWriter(w io.Writer, opts Options) (ResultWriter, error) {
	return newWriter(w, opts, resultCodec{color: opts.Color})
}

// resultCodec encodes Result values.
type resultCodec struct {
	color bool
}

// resultColors colours a row's status in the table.
var resultColors = map[ResultStatus]string{
	ResultCreated: ansiGreen,
	ResultFailed:  ansiRed,
	ResultSkipped: ansiYellow,
}

// resultObject is a row's output object; the order of its fields is the
// order of the keys.
type resultObject struct {
	Line      *int              `json:"line"`
	SessionID string            `json:"session_id"`
	Action    client.ActionType `json:"action_type"`
	Status    ResultStatus      `json:"status"`
	Entry     *client.LogEntry  `json:"entry"`
	Error     *ErrorInfo        `json:"error"`
	DryRun    bool              `json:"dry_run,omitempty"`
}

func (c resultCodec) object(dst []byte, r Result) ([]byte, error) {
	obj := resultObject{SessionID: r.SessionID, Action: r.Action, Status: r.Status, Entry: r.Entry, Error: r.Error, DryRun: r.DryRun}
	if r.Line > 0 {
		obj.Line = &r.Line
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return dst, fmt.Errorf("encode %s: %w", c.describe(r), err)
	}
	return append(dst, b...), nil
}

func (resultCodec) describe(r Result) string {
	return fmt.Sprintf("result of row %d (session %q)", r.Line, r.SessionID)
}

func (resultCodec) csvHeader() []string {
	return []string{"line", "session_id", "action_type", "status", "date", "text", "error"}
}

func (resultCodec) csvRow(row []string, r Result) {
	row[0] = positionCell(r.Line, "")
	row[1] = r.SessionID
	row[2] = string(r.Action)
	row[3] = string(r.Status)
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
	status := safetext.Terminal(string(r.Status))
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
	return []string{positionCell(r.Line, "-"), safetext.Terminal(r.SessionID), safetext.Terminal(string(r.Action)), status, safetext.Terminal(detail)}
}
