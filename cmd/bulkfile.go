package cmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
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
	// IDLine and IDColumn are where the session id's value starts: its
	// 1-based line and byte column (0 when unknown).
	IDLine, IDColumn int
}

// maxBulkLine is the longest line of an injection file read.
const maxBulkLine = 1 << 20

// maxBulkFile is the largest injection file read: a million rows fit. A
// variable only so that tests can reach it quickly.
var maxBulkFile = 64 << 20

// maxReportedRowErrors bounds how many problems one error lists.
const maxReportedRowErrors = 20

// rowProblem is why the row on one line of an injection file is invalid;
// column, when not 0, points at the value at fault in that line.
type rowProblem struct {
	line, column int
	msg          string
}

func problemf(line int, format string, args ...any) rowProblem {
	return problemAt(line, 0, format, args...)
}

// problemAt is problemf for a value at a known column of its line.
func problemAt(line, column int, format string, args ...any) rowProblem {
	p := rowProblem{line: line, column: column}
	p.msg = p.where() + fmt.Sprintf(format, args...)
	return p
}

// where is what a problem's message starts with: "line 3: ", or
// "line 3, column 18: " when it points at a value.
func (p rowProblem) where() string {
	switch {
	case p.line <= 0:
		return ""
	case p.column > 0:
		return fmt.Sprintf("line %d, column %d: ", p.line, p.column)
	}
	return fmt.Sprintf("line %d: ", p.line)
}

// bulkFormats are the formats of an injection file (--format).
var bulkFormats = []string{"jsonl", "csv"}

// bulkKeys are the keys of a JSONL row and the columns of a CSV header.
var bulkKeys = []string{"session_id", "action_type"}

// bulkReadOptions say how to read an injection file.
type bulkReadOptions struct {
	// Format is "jsonl" or "csv"; "" tells it from the file name's
	// extension, else from the content.
	Format string
	// NoValidate keeps action types as written, unchecked.
	NoValidate bool
}

// readBulkFile reads injection rows from JSONL ({"session_id":"42","action_type":"ENTERED"}
// per line) or CSV (a session_id,action_type header), in the format opts
// gives, else the one the file name's extension says, else JSONL when the
// first line that is not blank or a # comment starts with "{". Every row is
// checked before anything is sent: a missing id, a bad id, an unknown key
// or column, or (unless NoValidate) an unknown action type is reported with
// its line.
//
// The file is read through a limit of maxBulkLine bytes a line and
// maxBulkFile in all, so that /dev/zero or a runaway stream is an error.
func readBulkFile(r io.Reader, name string, opts bulkReadOptions) ([]bulkRow, error) {
	data, err := io.ReadAll(&boundedReader{r: r, line: 1})
	var tooBig *bulkLimitError
	if errors.As(err, &tooBig) {
		return nil, configErrorf("%s: %w", name, err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark, as some editors write
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, configErrorf("%s is empty", name)
	}
	var rows []bulkRow
	var problems []rowProblem
	if bulkFormat(name, opts.Format, data) == "csv" {
		rows, problems = parseBulkCSV(data)
	} else {
		rows, problems = parseBulkJSONL(data)
	}
	for _, row := range rows {
		problems = append(problems, checkBulkRow(row, opts.NoValidate)...)
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Err: bulkFileError(name, problems)}
	}
	if len(rows) == 0 {
		return nil, configErrorf("%s holds no rows", name)
	}
	for i := range rows {
		if !opts.NoValidate {
			rows[i].Action, _ = client.ParseActionType(string(rows[i].Action))
		}
	}
	return rows, nil
}

// readBulkFileContext is readBulkFile that returns ctx's error as soon as
// ctx is done, even while a read blocks (on a terminal, until Ctrl-D): the
// read is left to finish in the background, and the run ends.
func readBulkFileContext(ctx context.Context, r io.Reader, name string, opts bulkReadOptions) ([]bulkRow, error) {
	type result struct {
		rows []bulkRow
		err  error
	}
	done := make(chan result, 1)
	go func() {
		rows, err := readBulkFile(r, name, opts)
		done <- result{rows, err}
	}()
	select {
	case res := <-done:
		return res.rows, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// boundedReader passes an injection file through, failing with a
// *bulkLimitError once a line exceeds maxBulkLine bytes or the whole
// maxBulkFile.
type boundedReader struct {
	r              io.Reader
	line           int // 1-based line being read
	lineLen, total int
}

// bulkLimitError is an injection file over one of the size limits.
type bulkLimitError struct{ msg string }

func (e *bulkLimitError) Error() string { return e.msg }

func (b *boundedReader) Read(p []byte) (int, error) {
	// At most one line's worth at a time, so that only the line the read
	// continues and the one it starts can be too long.
	n, err := b.r.Read(p[:min(len(p), maxBulkLine)])
	chunk := p[:n]
	first := bytes.IndexByte(chunk, '\n')
	if first < 0 {
		b.lineLen += n
	} else {
		b.lineLen += first
	}
	if b.lineLen > maxBulkLine {
		return 0, &bulkLimitError{fmt.Sprintf("line %d is longer than %d bytes", b.line, maxBulkLine)}
	}
	if first >= 0 {
		b.line += bytes.Count(chunk, []byte{'\n'})
		b.lineLen = n - bytes.LastIndexByte(chunk, '\n') - 1
	}
	if b.total += n; b.total > maxBulkFile {
		return 0, &bulkLimitError{fmt.Sprintf("larger than the %d MiB limit", maxBulkFile>>20)}
	}
	return n, err
}

// bulkFormat is the format of an injection file: format when given, else
// the one its name's extension says, else JSONL when the first line that is
// not blank or a # comment starts with "{", else CSV.
func bulkFormat(name, format string, data []byte) string {
	if format != "" {
		return format
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return "csv"
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	}
	for line := range bytes.Lines(data) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if line[0] == '{' {
			return "jsonl"
		}
		break
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
		raw := sc.Text()
		text := strings.TrimSpace(raw)
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
		var keys map[string]json.RawMessage
		_ = json.Unmarshal([]byte(text), &keys) // an object, as row just was
		if unknown := unknownKeys(line, "key", slices.Sorted(maps.Keys(keys))); len(unknown) > 0 {
			problems = append(problems, unknown...)
			continue
		}
		r := bulkRow{Line: line, SessionID: jsonID(row.SessionID), Action: client.ActionType(row.ActionType)}
		if commandLineReading(r.SessionID) != "" { // only an id refused for it is pointed at
			r.IDLine, r.IDColumn = line, valueColumn(raw, "session_id")
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, problemf(line+1, "%v (a row may hold at most %d bytes)", err, maxBulkLine))
	}
	return rows, problems
}

// valueColumn is the 1-based byte column, in the JSON object on line, of
// the value of the top-level key that encoding/json takes for key (case
// aside, the last of several); 0 when there is none.
func valueColumn(line, key string) int {
	dec := json.NewDecoder(strings.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	column := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		name, _ := t.(string)
		afterName := int(dec.InputOffset())
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			break
		}
		if strings.EqualFold(name, key) {
			rest := line[afterName:]
			column = afterName + len(rest) - len(strings.TrimLeft(rest, " \t\r\n:")) + 1
		}
	}
	return column
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
	// # comment lines may come before the header; after it, every line is
	// a row (a session id may start with #). The reader takes Comment
	// anew at each Read.
	cr.Comment = '#'
	header, err := cr.Read()
	cr.Comment = 0
	if err != nil {
		return nil, []rowProblem{problemf(1, "a session_id,action_type header is needed: %v", err)}
	}
	headerLine, _ := cr.FieldPos(0)
	columns := make([]string, len(header))
	for i, h := range header {
		columns[i] = strings.ToLower(strings.TrimSpace(h))
	}
	idCol, actionCol := -1, -1
	seen := map[string]int{}
	for i, col := range columns {
		if first, dup := seen[col]; dup && col != "" {
			return nil, []rowProblem{problemf(headerLine, "the header names %s twice (columns %d and %d)", col, first+1, i+1)}
		}
		seen[col] = i
		switch col {
		case "session_id":
			idCol = i
		case "action_type":
			actionCol = i
		}
	}
	if idCol < 0 && actionCol < 0 {
		// Not a header at all, most likely: a row.
		return nil, []rowProblem{problemf(headerLine, "the header must name session_id and action_type, not %q", strings.Join(header, ","))}
	}
	// An unnamed column, as after a trailing comma, is let pass.
	if unknown := unknownKeys(headerLine, "column", slices.DeleteFunc(columns, func(c string) bool { return c == "" })); len(unknown) > 0 {
		return nil, unknown
	}
	if idCol < 0 || actionCol < 0 {
		return nil, []rowProblem{problemf(headerLine, "the header must name session_id and action_type, not %q", strings.Join(header, ","))}
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
		idLine, idColumn := cr.FieldPos(idCol)
		rows = append(rows, bulkRow{Line: line, SessionID: strings.TrimSpace(record[idCol]),
			Action: client.ActionType(strings.TrimSpace(record[actionCol])), IDLine: idLine, IDColumn: idColumn})
	}
	return rows, problems
}

// unknownKeys reports each of names (keys of a JSONL row, or columns of a
// CSV header, by what) that is not one of bulkKeys, case aside, with the
// key it most likely stands for: `unknown key "action"; did you mean
// action_type?`.
func unknownKeys(line int, what string, names []string) []rowProblem {
	var problems []rowProblem
	for _, name := range names {
		if slices.Contains(bulkKeys, strings.ToLower(name)) {
			continue
		}
		if key := closestKey(name); key != "" {
			problems = append(problems, problemf(line, "unknown %s %q; did you mean %s?", what, name, key))
		} else {
			problems = append(problems, problemf(line, "unknown %s %q (the %ss are %s)", what, name, what, strings.Join(bulkKeys, " and ")))
		}
	}
	return problems
}

// closestKey is the key of bulkKeys that name most likely stands for: one
// it misspells (closestName), else one it names a word of ("action" for
// action_type, "id" for session_id); "" when none is.
func closestKey(name string) string {
	if key := closestName(name, bulkKeys); key != "" {
		return key
	}
	for _, key := range bulkKeys {
		if slices.Contains(strings.Split(key, "_"), strings.ToLower(name)) {
			return key
		}
	}
	return ""
}

func checkBulkRow(row bulkRow, noValidate bool) []rowProblem {
	var problems []rowProblem
	if row.SessionID == "" {
		problems = append(problems, problemf(row.Line, "session_id is missing"))
	} else if err := client.ValidateSessionID(row.SessionID); err != nil {
		problems = append(problems, problemf(row.Line, "%v", err))
	} else if reading := commandLineReading(row.SessionID); reading != "" {
		problems = append(problems, problemAt(row.IDLine, row.IDColumn,
			"session id %q would read as %s on the command line; a file takes ids as written: write one id, without \"#\" or spaces around it", row.SessionID, reading))
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
	return &invalidRowsError{headline: fmt.Sprintf("%s: %d invalid row(s), nothing was sent", name, len(lines)), text: msg, problems: problems}
}
