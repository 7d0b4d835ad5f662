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
	"strings"

	"github.com/sessionlog/sessionlog/client"
)

// bulkRow is one entry to create, read from an injection file.
type bulkRow struct {
	Line      int // 1-based line in the file
	SessionID string
	Action    client.ActionType
}

// maxReportedRowErrors bounds how many invalid rows one error lists.
const maxReportedRowErrors = 20

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
	var rows []bulkRow
	var problems []string
	if bulkFormat(name, data) == "csv" {
		rows, problems = parseBulkCSV(data)
	} else {
		rows, problems = parseBulkJSONL(data)
	}
	for _, row := range rows {
		problems = append(problems, checkBulkRow(row, noValidate)...)
	}
	if len(problems) > 0 {
		return nil, &UsageError{Err: bulkFileError(name, problems)}
	}
	if len(rows) == 0 {
		return nil, usageErrorf("%s holds no rows", name)
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
	if trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(trimmed) > 0 && trimmed[0] == '{' {
		return "jsonl"
	}
	return "csv"
}

func parseBulkJSONL(data []byte) ([]bulkRow, []string) {
	var rows []bulkRow
	var problems []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var row struct {
			SessionID  json.RawMessage `json:"session_id"`
			ActionType string          `json:"action_type"`
		}
		if err := json.Unmarshal([]byte(text), &row); err != nil {
			problems = append(problems, fmt.Sprintf("line %d: not a JSON object: %v", line, err))
			continue
		}
		rows = append(rows, bulkRow{Line: line, SessionID: jsonID(row.SessionID), Action: client.ActionType(row.ActionType)})
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, err.Error())
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

func parseBulkCSV(data []byte) ([]bulkRow, []string) {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, []string{fmt.Sprintf("line 1: a session_id,action_type header is needed: %v", err)}
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
		return nil, []string{fmt.Sprintf("line 1: the header must name session_id and action_type, not %q", strings.Join(header, ","))}
	}
	var rows []bulkRow
	var problems []string
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if len(record) <= max(idCol, actionCol) {
			problems = append(problems, fmt.Sprintf("line %d: %d fields, want session_id and action_type", line, len(record)))
			continue
		}
		rows = append(rows, bulkRow{Line: line, SessionID: record[idCol], Action: client.ActionType(strings.TrimSpace(record[actionCol]))})
	}
	return rows, problems
}

func checkBulkRow(row bulkRow, noValidate bool) []string {
	var problems []string
	if row.SessionID == "" {
		problems = append(problems, fmt.Sprintf("line %d: session_id is missing", row.Line))
	} else if err := client.ValidateSessionID(row.SessionID); err != nil {
		problems = append(problems, fmt.Sprintf("line %d: %v", row.Line, err))
	}
	if row.Action == "" {
		problems = append(problems, fmt.Sprintf("line %d: action_type is missing", row.Line))
	} else if _, err := client.ParseActionType(string(row.Action)); err != nil && !noValidate {
		problems = append(problems, fmt.Sprintf("line %d: %v", row.Line, err))
	}
	return problems
}

func bulkFileError(name string, problems []string) error {
	shown := problems
	if len(shown) > maxReportedRowErrors {
		shown = shown[:maxReportedRowErrors]
	}
	msg := fmt.Sprintf("%s: %d invalid row(s), nothing was sent:\n  %s", name, len(problems), strings.Join(shown, "\n  "))
	if len(problems) > len(shown) {
		msg += fmt.Sprintf("\n  ... and %d more", len(problems)-len(shown))
	}
	return errors.New(msg)
}
