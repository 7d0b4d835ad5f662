package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// hostile is server text that would clear the screen, set the window title,
// write the clipboard, return the cursor and reverse the line that follows.
const hostile = "a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb"

// hostileShown is hostile as every human format must show it.
const hostileShown = `a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb`

// TestHostileTextInTables checks every table (records, the streamed table of
// --follow, summaries, injection results) with a hostile reply: each cell
// shows the controls as escapes, and no raw one reaches the output.
func TestHostileTextInTables(t *testing.T) {
	entry := client.LogEntry{Text: hostile, Date: "2:30\rPM", ActionType: client.ActionType("X\u202e")}
	rec := Record{SessionID: "1", Position: 1, Entry: entry}
	tests := []struct {
		name, got, want string
	}{
		{"list", render(t, Options{Format: FormatTable}, []Record{rec}),
			"#  TIME      ACTION   DESCRIPTION\n" +
				"1  2:30\\rPM  X\\u202e  " + hostileShown + "\n"},
		{"follow", render(t, Options{Format: FormatTable, StreamTable: true}, []Record{rec}),
			"#     TIME      ACTION            DESCRIPTION\n" +
				"1     2:30\\rPM  X\\u202e           " + hostileShown + "\n"},
		{"summary", renderSummaries(t, Options{Format: FormatTable}, []SummaryRow{
			{Summary: timeline.Summary{SessionID: "1", Status: timeline.StatusEnded, Entries: 1, First: hostile, Last: "\u202e"}}}),
			"SESSION  STATUS  ENTRIES  FIRST" + strings.Repeat(" ", len(hostileShown)-3) + "LAST    DURATION  AWAY  TIME AWAY\n" +
				"1        ended   1        " + hostileShown + "  \\u202e  ?         0     ?\n"},
		{"injection report, entry", renderWith(t, NewResultWriter, Options{Format: FormatTable}, []Result{
			{Line: 1, SessionID: "1", Action: client.ActionEntered, Status: ResultCreated, Entry: &entry}}),
			"LINE  SESSION  ACTION   STATUS   DETAIL\n" +
				"1     1        ENTERED  created  2:30\\rPM  " + hostileShown + "\n"},
		{"injection report, error", renderWith(t, NewResultWriter, Options{Format: FormatTable}, []Result{
			{Line: 2, SessionID: "1", Action: client.ActionEntered, Status: ResultFailed, Error: &ErrorInfo{Kind: "validation", Message: hostile}}}),
			"LINE  SESSION  ACTION   STATUS  DETAIL\n" +
				"2     1        ENTERED  failed  " + hostileShown + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", tt.got, tt.want)
			}
			if strings.ContainsAny(tt.got, "\x1b\x07\r\u202e") {
				t.Errorf("raw control in %q", tt.got)
			}
		})
	}
}

// TestMachineFormatsStayExact checks that json, jsonl and yaml carry the
// hostile text exactly (escaped), and that csv carries it as data (the
// csv writer, writing CRLF line ends, drops a lone carriage return).
func TestMachineFormatsStayExact(t *testing.T) {
	raw := `{"text":` + mustJSON(t, hostile) + `,"date":"d","action_type":"ENTERED"}`
	rec := Record{SessionID: "1", Position: 1, Entry: serverEntry(t, raw)}
	for _, format := range []Format{FormatJSON, FormatJSONL} {
		out := render(t, Options{Format: format}, []Record{rec})
		var got []map[string]any
		if format == FormatJSONL {
			out = "[" + strings.TrimSpace(out) + "]"
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 || got[0]["text"] != hostile {
			t.Errorf("%s: %q (%v)", format, out, err)
		}
	}
	if got, want := render(t, Options{Format: FormatYAML}, []Record{rec}),
		`- session_id: "1"`+"\n"+`  position: 1`+"\n"+`  text: "a\e[2J\e]0;title\a\e]52;c;cHduZWQ=\a\r`+"\u202e"+`b"`+"\n  date: d\n  action_type: ENTERED\n"; got != want {
		t.Errorf("yaml:\n%q\nwant\n%q", got, want)
	}
	if got, want := render(t, Options{Format: FormatCSV, NoHeaders: true}, []Record{rec}),
		"1,1,d,ENTERED,\""+strings.ReplaceAll(hostile, "\r", "")+"\"\r\n"; got != want {
		t.Errorf("csv:\n%q\nwant\n%q", got, want)
	}
}

// TestInvalidUTF8BecomesReplacementEverywhere checks that an entry with
// invalid UTF-8 shows U+FFFD in every format, and that json and jsonl stay
// valid JSON.
func TestInvalidUTF8BecomesReplacementEverywhere(t *testing.T) {
	rec := Record{SessionID: "1", Position: 1, Entry: serverEntry(t, "{\"text\":\"a\xffb\",\"date\":\"d\",\"action_type\":\"LEFT\",\"x\xfe\":\"\xc3\"}")}
	for _, format := range Formats() {
		out := render(t, Options{Format: format}, []Record{rec})
		if !utf8.ValidString(out) || !strings.Contains(out, "a\uFFFDb") {
			t.Errorf("%s: %q", format, out)
		}
		if format == FormatJSON && !json.Valid([]byte(out)) {
			t.Errorf("json is not valid: %q", out)
		}
	}
}

// TestExactKeysInEveryFormat checks that an entry with keys that differ
// only in case shows the same text and action type in every format.
func TestExactKeysInEveryFormat(t *testing.T) {
	rec := Record{SessionID: "1", Position: 1, Entry: serverEntry(t,
		`{"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}`)}
	want := map[Format]string{
		FormatTable: "#  TIME  ACTION   DESCRIPTION\n1        ENTERED  A\n",
		FormatCSV:   "session_id,position,date,action_type,text\r\n1,1,,ENTERED,A\r\n",
		FormatJSONL: `{"session_id":"1","position":1,"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}` + "\n",
	}
	for format, w := range want {
		if got := render(t, Options{Format: format}, []Record{rec}); got != w {
			t.Errorf("%s:\n%q\nwant\n%q", format, got, w)
		}
	}
	var decoded []client.LogEntry // a reader of the json output reads the same entry
	if err := json.Unmarshal([]byte(render(t, Options{Format: FormatJSON}, []Record{rec})), &decoded); err != nil ||
		len(decoded) != 1 || decoded[0].Text != "A" || decoded[0].ActionType != client.ActionEntered {
		t.Errorf("json reads back as %+v (%v)", decoded, err)
	}
}

// TestDeepValuesStayBounded checks that values nested as deep as an entry
// may be do not blow up the indented formats: the output stays within a
// small multiple of the input.
func TestDeepValuesStayBounded(t *testing.T) {
	const depth = 62 // with the entry object and "x", the deepest an entry may be
	value := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	raw := `{"text":"t","x":[` + strings.Repeat(value+",", 20_000/len(value)) + `1]}`
	rec := Record{SessionID: "1", Position: 1, Entry: serverEntry(t, raw)}
	for _, format := range []Format{FormatJSON, FormatJSONL, FormatYAML} {
		out := render(t, Options{Format: format}, []Record{rec})
		if len(out) > 2*len(raw) {
			t.Errorf("%s: %d bytes of output for %d of input", format, len(out), len(raw))
		}
	}
	out := render(t, Options{Format: FormatJSON}, []Record{rec})
	var got, want bytes.Buffer // the same value, laid out differently
	if err := json.Compact(&got, []byte(out)); err != nil {
		t.Fatal(err)
	}
	_ = json.Compact(&want, []byte(`[{"session_id":"1","position":1,`+raw[1:]+`]`))
	if got.String() != want.String() {
		t.Errorf("json output is not the entry (%d bytes compacted, want %d)", got.Len(), want.Len())
	}
}

// TestIndentShallow checks the json layout: as json.Indent for the first
// four levels, compact below.
func TestIndentShallow(t *testing.T) {
	var buf bytes.Buffer
	if err := indentShallow(&buf, []byte(`{"a":[1,{"b":{"c":[2,[3]],"e":{}}}],"s":"x,\"[:","f":[]}`), "", "  "); err != nil {
		t.Fatal(err)
	}
	want := `{
  "a": [
    1,
    {
      "b": {
        "c": [2,[3]],
        "e": {}
      }
    }
  ],
  "s": "x,\"[:",
  "f": []
}`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
