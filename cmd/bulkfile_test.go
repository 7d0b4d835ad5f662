package cmd

import (
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestReadBulkFile(t *testing.T) {
	tests := []struct {
		name, file, format, content string
		want                        string // rows as "line:id:action" joined by spaces
	}{
		{"jsonl by extension", "rows.jsonl", "",
			"{\"session_id\":\"42\",\"action_type\":\"entered\"}\n\n# a comment\n{\"session_id\":43,\"action_type\":\"ENDED\"}\n",
			"1:42:ENTERED 4:43:ENDED"},
		{"csv by extension, columns in any order", "rows.csv", "",
			"action_type,session_id\r\nTEMPORARILY_LEFT,42\r\n\"left\",\"a/b\"\r\n",
			"2:42:TEMPORARILY_LEFT 3:a/b:LEFT"},
		{"jsonl by content", "-", "", "  {\"session_id\":\"7\",\"action_type\":\"ENTERED\"}\n", "1:7:ENTERED"},
		{"csv by content", "-", "", "session_id,action_type\n7,cancel_request\n", "2:7:CANCEL_REQUEST"},
		{"jsonl after a byte-order mark", "-", "", "\ufeff{\"session_id\":\"7\",\"action_type\":\"ENTERED\"}\n", "1:7:ENTERED"},
		{"csv fields trimmed", "rows.csv", "", "\ufeffsession_id,action_type\n 1002 , LEFT \n", "2:1002:LEFT"},
		{"jsonl by content after comments and blank lines", "-", "",
			"# scenario: a customer steps away\n\n  # twice\n{\"session_id\":\"7\",\"action_type\":\"LEFT\"}\n",
			"4:7:LEFT"},
		{"csv by content after comments", "-", "",
			"# scenario\n\nsession_id,action_type\n7,ENDED\n", "4:7:ENDED"},
		{"ids taken as written, # and spaces inside an id kept", "rows.csv", "",
			"session_id,action_type\nA#7 x,ENDED\n", "2:A#7 x:ENDED"},
		{"--format csv over the extension", "rows.jsonl", "csv",
			"session_id,action_type\n7,LEFT\n", "2:7:LEFT"},
		{"--format jsonl over the extension", "rows.csv", "jsonl",
			"{\"session_id\":\"7\",\"action_type\":\"LEFT\"}\n", "1:7:LEFT"},
		{"jsonl keys case aside", "-", "",
			"{\"Session_ID\":\"7\",\"ACTION_TYPE\":\"LEFT\"}\n", "1:7:LEFT"},
		{"csv unnamed column let pass", "rows.csv", "",
			"session_id,action_type,\n7,LEFT,\n", "2:7:LEFT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := readBulkFile(strings.NewReader(tt.content), tt.file, bulkReadOptions{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, strings.Join([]string{strconv.Itoa(r.Line), r.SessionID, string(r.Action)}, ":"))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("rows %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestReadBulkFileErrors(t *testing.T) {
	tests := []struct {
		name, file, content string
		noValidate          bool
		want                string
	}{
		{"every bad row with its line", "rows.jsonl",
			"{\"session_id\":\"42\",\"action_type\":\"ENTERED\"}\nnot json\n{\"action_type\":\"ENTERED\"}\n{\"session_id\":\"42\",\"action_type\":\"ENTERD\"}\n{\"session_id\":\"42\"}\n",
			false,
			"rows.jsonl: 4 invalid row(s), nothing was sent:\n" +
				"  line 2: not a JSON object\n" +
				"  line 3: session_id is missing\n" +
				"  line 4: unknown action type \"ENTERD\" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD); did you mean ENTERED?\n" +
				"  line 5: action_type is missing"},
		{"in line order, rows counted once", "rows.jsonl",
			"{}\n{\"session_id\":\"1\",\"action_type\":\"X\"}\n[\n",
			false,
			"rows.jsonl: 3 invalid row(s), nothing was sent:\n" +
				"  line 1: session_id is missing\n" +
				"  line 1: action_type is missing\n" +
				"  line 2: unknown action type \"X\" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD)\n" +
				"  line 3: not a JSON object"},
		{"broken JSON", "rows.jsonl", "{\"session_id\":\"1\",\n", false,
			"rows.jsonl: 1 invalid row(s), nothing was sent:\n  line 1: invalid JSON: unexpected end of JSON input"},
		{"csv quoting error", "rows.csv", "session_id,action_type\n1002,ENTERED\n10\"02,ENTERED\n1003,LEFT\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 3: bare \" in non-quoted-field; the rows after it were not read"},
		{"csv unclosed quote", "rows.csv", "session_id,action_type\n\"1002,ENTERED\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: extraneous or missing \" in quoted-field; the rows after it were not read"},
		{"empty stdin", "stdin", "", false, "stdin is empty"},
		{"csv without the header", "rows.csv", "42,ENTERED\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 1: the header must name session_id and action_type, not \"42,ENTERED\""},
		{"csv short row", "rows.csv", "session_id,action_type\n42\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: 1 fields, want session_id and action_type"},
		{"blank id", "rows.csv", "session_id,action_type\n\" \",ENTERED\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: session_id is missing"},
		{"empty file", "rows.jsonl", "\n", false, "rows.jsonl is empty"},
		{"comments only", "rows.jsonl", "# nothing yet\n", false, "rows.jsonl holds no rows"},
		{"no-validate still needs an action", "rows.csv", "session_id,action_type\n42,\n", true,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: action_type is missing"},
		{"csv header naming a column twice", "rows.csv", "\nSession_ID,action_type,session_id\n42,ENTERED,43\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: the header names session_id twice (columns 1 and 3)"},
		{"csv header naming an extra column twice", "rows.csv", "session_id,note,action_type,note\n42,a,ENTERED,b\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 1: the header names note twice (columns 2 and 4)"},
		{"jsonl unknown key, with the key it stands for", "rows.jsonl",
			"{\"session_id\":\"7\",\"action\":\"LEFT\"}\n{\"sesion_id\":\"7\",\"action_type\":\"LEFT\",\"note\":\"x\"}\n", false,
			"rows.jsonl: 2 invalid row(s), nothing was sent:\n" +
				"  line 1: unknown key \"action\"; did you mean action_type?\n" +
				"  line 2: unknown key \"note\" (the keys are session_id and action_type)\n" +
				"  line 2: unknown key \"sesion_id\"; did you mean session_id?"},
		{"jsonl after comments, not taken for csv", "-",
			"# two rows\n{\"session_id\":\"7\",\"action\":\"LEFT\"}\n", false,
			"-: 1 invalid row(s), nothing was sent:\n  line 2: unknown key \"action\"; did you mean action_type?"},
		{"csv unknown column", "rows.csv", "# QA\nsession_id,Action\n7,LEFT\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 2: unknown column \"action\"; did you mean action_type?"},
		{"csv unknown columns, id spelled as a word", "rows.csv", "id,action_type,extra\n7,LEFT,x\n", false,
			"rows.csv: 1 invalid row(s), nothing was sent:\n" +
				"  line 1: unknown column \"id\"; did you mean session_id?\n" +
				"  line 1: unknown column \"extra\" (the columns are session_id and action_type)"},
		{"line over 1 MiB", "rows.csv", "session_id,action_type\n42," + strings.Repeat("x", maxBulkLine) + "\n", false,
			"rows.csv: line 2 is longer than 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBulkFile(strings.NewReader(tt.content), tt.file, bulkReadOptions{NoValidate: tt.noValidate})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
			if ExitCode(err) != ExitUsage {
				t.Errorf("exit code %d, want %d", ExitCode(err), ExitUsage)
			}
		})
	}
}

func TestReadBulkFileFormatOverridesDetection(t *testing.T) {
	tests := []struct {
		name, file, format, content, want string
	}{
		{"jsonl for a .csv file", "rows.csv", "jsonl", "session_id,action_type\n7,LEFT\n",
			"rows.csv: 2 invalid row(s), nothing was sent:\n  line 1: not a JSON object\n  line 2: not a JSON object"},
		{"csv for content starting with {", "-", "csv", "{\"session_id\":\"7\",\"action_type\":\"LEFT\"}\n",
			"-: 1 invalid row(s), nothing was sent:\n  line 1: a session_id,action_type header is needed: parse error on line 1, column 2: bare \" in non-quoted-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBulkFile(strings.NewReader(tt.content), tt.file, bulkReadOptions{Format: tt.format})
			if err == nil || err.Error() != tt.want || ExitCode(err) != ExitUsage {
				t.Errorf("error (exit %d):\n%v\nwant:\n%s", ExitCode(err), err, tt.want)
			}
		})
	}
}

func TestReadBulkFileNoValidateKeepsTypes(t *testing.T) {
	rows, err := readBulkFile(strings.NewReader("session_id,action_type\n42,entered\n"), "x.csv", bulkReadOptions{NoValidate: true})
	if err != nil || len(rows) != 1 || rows[0].Action != "entered" {
		t.Errorf("rows %+v, err %v", rows, err)
	}
}

// endless is an endless stream of b.
type endless byte

func (b endless) Read(p []byte) (int, error) {
	if len(p) > 0 {
		p[0] = byte(b)
	}
	for filled := 1; filled < len(p); filled *= 2 {
		copy(p[filled:], p[:filled])
	}
	return len(p), nil
}

func TestReadBulkFileBoundsEndlessStreams(t *testing.T) {
	tests := []struct {
		name string
		r    io.Reader
		want string
	}{
		{"zero bytes, as /dev/zero", endless(0), "stdin: line 1 is longer than 1048576 bytes"},
		{"blank lines without end", endless('\n'), "stdin: larger than the 4 MiB limit"},
	}
	defer func(limit int) { maxBulkFile = limit }(maxBulkFile)
	maxBulkFile = 4 << 20
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBulkFile(tt.r, "stdin", bulkReadOptions{})
			if err == nil || err.Error() != tt.want || ExitCode(err) != ExitUsage {
				t.Errorf("error %v (exit %d), want %q (exit %d)", err, ExitCode(err), tt.want, ExitUsage)
			}
		})
	}
}

// TestReadBulkFileRefusesIDsTheCommandLineReadsDifferently: a file's ids
// are taken as written, and one that the command line would read as
// another id, several or none is an error with its line and column.
func TestReadBulkFileRefusesIDsTheCommandLineReadsDifferently(t *testing.T) {
	const fix = "; a file takes ids as written: write one id, without \"#\" or spaces around it"
	tests := []struct {
		name, file, content, want string
	}{
		{"csv: a # id after the header is a row, not a comment", "rows.csv",
			"#1\nsession_id,action_type\n#7,ENDED\n",
			"rows.csv: 1 invalid row(s), nothing was sent:\n  line 3, column 1: session id \"#7\" would read as \"7\" on the command line" + fix},
		{"csv: the id's own column, quoted", "rows.csv",
			"action_type,session_id\nENTERED,\"# 1001\"\nLEFT,\"1001,1002\"\n",
			"rows.csv: 2 invalid row(s), nothing was sent:\n" +
				"  line 2, column 9: session id \"# 1001\" would read as \"1001\" on the command line" + fix + "\n" +
				"  line 3, column 6: session id \"1001,1002\" would read as 2 ids, \"1001\" and \"1002\" on the command line" + fix},
		{"jsonl: spaces, #, commas, nothing left", "rows.jsonl",
			"{\"session_id\":\"#1001\",\"action_type\":\"ENTERED\"}\n" +
				"  {\"action_type\": \"LEFT\", \"Session_ID\" :  \" 1002\"}\n" +
				"{\"session_id\":\"#\",\"action_type\":\"LEFT\"}\n" +
				"{\"session_id\":1003,\"action_type\":\"LEFT\"}\n" +
				"{\"session_id\":\"a,b,c\",\"action_type\":\"LEFT\"}\n" +
				"{\"session_id\":\",\",\"action_type\":\"LEFT\"}\n",
			"rows.jsonl: 5 invalid row(s), nothing was sent:\n" +
				"  line 1, column 15: session id \"#1001\" would read as \"1001\" on the command line" + fix + "\n" +
				"  line 2, column 43: session id \" 1002\" would read as \"1002\" on the command line" + fix + "\n" +
				"  line 3, column 15: session id \"#\" would read as no id on the command line" + fix + "\n" +
				"  line 5, column 15: session id \"a,b,c\" would read as 3 ids, \"a\", \"b\" and \"c\" on the command line" + fix + "\n" +
				"  line 6, column 15: session id \",\" would read as no id on the command line" + fix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBulkFile(strings.NewReader(tt.content), tt.file, bulkReadOptions{})
			if err == nil || err.Error() != tt.want || ExitCode(err) != ExitUsage {
				t.Errorf("error (exit %d):\n%v\nwant:\n%s", ExitCode(err), err, tt.want)
			}
		})
	}
}

// TestBulkFileIDsReadAsOnTheCommandLine: every id a file may hold is the
// one id the command line reads from the same text.
func TestBulkFileIDsReadAsOnTheCommandLine(t *testing.T) {
	for _, id := range []string{"1001", "a/b", "A#7 x", "ملف-12", "x y", "%2F", "1001#"} {
		if got := commandLineReading(id); got != "" {
			t.Errorf("commandLineReading(%q) = %q, want \"\"", id, got)
		}
		ids, err := parseSessionIDs([]string{id})
		if err != nil || len(ids) != 1 || ids[0] != id {
			t.Errorf("parseSessionIDs(%q) = %q, %v", id, ids, err)
		}
		rows, err := readBulkFile(strings.NewReader("session_id,action_type\n\""+id+"\",LEFT\n"), "rows.csv", bulkReadOptions{})
		if err != nil || len(rows) != 1 || rows[0].SessionID != id {
			t.Errorf("file id %q: rows %+v, %v", id, rows, err)
		}
	}
}
