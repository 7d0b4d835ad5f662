package cmd

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sessionlog/sessionlog/client"
)

// bulkRow is one entry to create, read from an injection file.
type bulkRow struct {
	Line      int // 1-based line in the file
	SessionID string
	Action    client.ActionType
}

// maxBulkLine is the longest JSONL row read.
const maxBulkLine = 1 << 20

// maxReportedRowErrors bounds how many problems one error lists.
const maxReportedRowErrors = 20

// rowProblem is why the row on one line of an injection file is invalid.
type rowProblem struct {
	line int
	msg  string
}

func problemf(line int, format string, args ...any) rowProblem {
	return rowProblem{line: line, msg: fmt.Sprintf("line %d: ", line) + fmt.Sprintf(format, args...)}
}

// readBulkFile reads injection rows from JSONL ({"session_id":"42","action_type":"ENTERED"}
// per line) or CSV (a session_id,action_type header). The format comes from
// the file name's extension, else from the first non-blank character. Every
// row is checked before anything is sent: a missing id, a bad id, or
// (unless noValidate) an unknown action type is reported with its line.
func readBulkFile(r io.Reader, name string, noValidate bool) ([]bulkRow, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark, as some editors write
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, configErrorf("%s is empty", name)
	}
	var rows []bulkRow
	var problems []rowProblem
	if bulkFormat(name, data) == "csv" {
		rows, problems = parseBulkCSV(data)
	} else {
		rows, problems = parseBulkJSONL(data)
	}
	for _, row := range rows {
		problems = append(problems, checkBulkRow(row, noValidate)...)
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Err: bulkFileError(name, problems)}
	}
	if len(rows) == 0 {
		return nil, configErrorf("%s holds no rows", name)
	}
	for i := range rows {
		if !noValidate {
			rows[i].Action, _ = client.ParseActionType(string(rows[i].Action))
		}
	}
	return rows, nil
}

func bulkFormat(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return "csv"
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		return "jsonl"
	}
	return "csv"
}

func parseBulkJSONL(data []byte) ([]bulkRow, []rowProblem) {
	var rows []bulkRow
	var problems []rowProblem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), maxBulkLine)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var row struct {
			SessionID  json.RawMessage `json:"session_id"`
			ActionType string          `json:"action_type"`
		}
		if !strings.HasPrefix(text, "{") {
			problems = append(problems, problemf(line, "not a JSON object"))
			continue
		}
		if err := json.Unmarshal([]byte(text), &row); err != nil {
			problems = append(problems, problemf(line, "invalid JSON: %v", err))
			continue
		}
		rows = append(rows, bulkRow{Line: line, SessionID: jsonID(row.SessionID), Action: client.ActionType(row.ActionType)})
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, problemf(line+1, "%v (a row may hold at most %d bytes)", err, maxBulkLine))
	}
	return rows, problems
}

// jsonID accepts a session id written as a JSON string or number.
func jsonID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func parseBulkCSV(data []byte) ([]bulkRow, []rowProblem) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, []rowProblem{problemf(1, "a session_id,action_type header is needed: %v", err)}
	}
	idCol, actionCol := -1, -1
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "session_id":
			idCol = i
		case "action_type":
			actionCol = i
		}
	}
	if idCol < 0 || actionCol < 0 {
		return nil, []rowProblem{problemf(1, "the header must name session_id and action_type, not %q", strings.Join(header, ","))}
	}
	var rows []bulkRow
	var problems []rowProblem
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var parseErr *csv.ParseError
		if errors.As(err, &parseErr) {
			// The reader cannot be trusted to find the next row after this.
			problems = append(problems, problemf(parseErr.StartLine, "%v; the rows after it were not read", parseErr.Err))
			break
		}
		if err != nil {
			problems = append(problems, rowProblem{msg: err.Error()})
			break
		}
		line, _ := cr.FieldPos(0)
		if len(record) <= max(idCol, actionCol) {
			problems = append(problems, problemf(line, "%d fields, want session_id and action_type", len(record)))
			continue
		}
		rows = append(rows, bulkRow{Line: line, SessionID: strings.TrimSpace(record[idCol]),
			Action: client.ActionType(strings.TrimSpace(record[actionCol]))})
	}
	return rows, problems
}

func checkBulkRow(row bulkRow, noValidate bool) []rowProblem {
	var problems []rowProblem
	if row.SessionID == "" {
		problems = append(problems, problemf(row.Line, "session_id is missing"))
	} else if err := client.ValidateSessionID(row.SessionID); err != nil {
		problems = append(problems, problemf(row.Line, "%v", err))
	}
	if row.Action == "" {
		problems = append(problems, problemf(row.Line, "action_type is missing"))
	} else if _, err := client.ParseActionType(string(row.Action)); err != nil && !noValidate {
		problems = append(problems, problemf(row.Line, "%v", err))
	}
	return problems
}

// bulkFileError lists the problems in line order, counting invalid rows.
func bulkFileError(name string, problems []rowProblem) error {
	slices.SortStableFunc(problems, func(a, b rowProblem) int { return a.line - b.line })
	lines := map[int]bool{}
	msgs := make([]string, 0, min(len(problems), maxReportedRowErrors))
	for i, p := range problems {
		lines[p.line] = true
		if i < maxReportedRowErrors {
			msgs = append(msgs, p.msg)
		}
	}
	msg := fmt.Sprintf("%s: %d invalid row(s), nothing was sent:\n  %s", name, len(lines), strings.Join(msgs, "\n  "))
	if len(problems) > len(msgs) {
		msg += fmt.Sprintf("\n  ... and %d more", len(problems)-len(msgs))
	}
	return errors.New(msg)
}
