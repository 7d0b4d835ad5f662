package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// serverEntry decodes raw the way the client does, so Raw is set.
func serverEntry(t testing.TB, raw string) client.LogEntry {
	t.Helper()
	var e client.LogEntry
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return e
}

// fixture is the fixed set of records behind the golden files.
func fixture(t testing.TB) []Record {
	return []Record{
		// The API document's sample entry.
		{SessionID: "1042", Position: 1, Entry: serverEntry(t,
			`{"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}`)},
		// Fields the client does not know, in the server's order and spacing.
		{SessionID: "1042", Position: 2, Entry: serverEntry(t,
			`{"id": 7, "text": "Customer temporarily left the session", "date": "2:35 PM", "action_type": "TEMPORARILY_LEFT", "meta": {"ip": "10.0.0.1"}}`)},
		// Arabic text and an Arabic time of day.
		{SessionID: "1042", Position: 3, Entry: serverEntry(t,
			`{"text":"انتهت الجلسة","date":"2:30 م","action_type":"ENDED"}`)},
		// An action type the API does not document; text with a comma, a quote and a newline.
		{SessionID: "1043", Position: 1, Entry: serverEntry(t,
			`{"text":"Moved to desk 2, said \"thanks\"\nthen waited","date":"3:00 PM","action_type":"TRANSFERRED"}`)},
		// Built in code: no Raw, no text (the table falls back to the description).
		{SessionID: "1043", Position: 2, Entry: client.LogEntry{Date: "3:01 PM", ActionType: client.ActionCancelRequest}},
		// The server's own session_id gives way to ours; a big number survives.
		{SessionID: "1043", Position: 3, Entry: serverEntry(t,
			`{"session_id":99,"text":"Session period record","date":"3:05 PM","action_type":"SESSION_PERIOD","duration":12345678901234567890}`)},
		{SessionID: "1043", Position: 4, Entry: serverEntry(t,
			`{"text":"Customer left the session","date":"3:06 PM","action_type":"LEFT"}`)},
		{SessionID: "1043", Position: 5, Entry: serverEntry(t,
			`{"text":"Session was cancelled","date":"3:07 PM","action_type":"CANCELLED"}`)},
	}
}

// render writes recs through a Writer for opts and returns the output.
func render(t *testing.T, opts Options, recs []Record) string {
	t.Helper()
	return renderWith(t, New, opts, recs)
}

// renderWith writes vs through the writer that newW returns for opts, closes
// it and returns the output.
func renderWith[T any, W writer[T]](t *testing.T, newW func(io.Writer, Options) (W, error), opts Options, vs []T) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := newW(&buf, opts)
	if err != nil {
		t.Fatalf("new writer for %+v: %v", opts, err)
	}
	for _, v := range vs {
		if err := w.Write(v); err != nil {
			t.Fatalf("Write(%+v): %v", v, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.String()
}

// golden compares got with testdata/<name>.golden, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./output/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// TestGolden checks every golden file: records, records with gaps, and
// session summaries, in each format.
func TestGolden(t *testing.T) {
	records := func(t *testing.T, opts Options) string { return render(t, opts, fixture(t)) }
	gaps := func(t *testing.T, opts Options) string { return render(t, opts, gapFixture(t)) }
	summaries := func(t *testing.T, opts Options) string { return renderSummaries(t, opts, summaryFixture()) }
	tests := []struct {
		golden string
		render func(*testing.T, Options) string
		opts   Options
	}{
		{"table", records, Options{Format: FormatTable}},
		{"table_session", records, Options{Format: FormatTable, ShowSession: true}},
		{"table_color", records, Options{Format: FormatTable, Color: true, ShowSession: true}},
		{"table_noheaders", records, Options{Format: FormatTable, NoHeaders: true}},
		{"json", records, Options{Format: FormatJSON}},
		{"jsonl", records, Options{Format: FormatJSONL}},
		{"csv", records, Options{Format: FormatCSV}},
		{"csv_noheaders", records, Options{Format: FormatCSV, NoHeaders: true}},
		{"yaml", records, Options{Format: FormatYAML}},
		{"gaps_table", gaps, Options{Format: FormatTable, ShowSession: true, Gaps: true}},
		{"gaps_csv", gaps, Options{Format: FormatCSV, Gaps: true}},
		{"gaps_json", gaps, Options{Format: FormatJSON, Gaps: true}},
		{"summary_table", summaries, Options{Format: FormatTable}},
		{"summary_table_color", summaries, Options{Format: FormatTable, Color: true}},
		{"summary_json", summaries, Options{Format: FormatJSON}},
		{"summary_jsonl", summaries, Options{Format: FormatJSONL}},
		{"summary_csv", summaries, Options{Format: FormatCSV}},
		{"summary_yaml", summaries, Options{Format: FormatYAML}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, tt.render(t, tt.opts))
		})
	}
}

// TestEmptyInput checks what each format writes when no record, or no
// summary, comes.
func TestEmptyInput(t *testing.T) {
	const summaryHeader = "session_id,status,entries,first,last,times_away,time_away_seconds,still_away,span_seconds,error\r\n"
	tests := []struct {
		opts               Options
		records, summaries string
	}{
		{Options{Format: FormatTable}, "", ""},
		{Options{Format: FormatTable, ShowSession: true, Color: true, Gaps: true}, "", ""},
		{Options{Format: FormatJSON}, "[]\n", "[]\n"},
		{Options{Format: FormatJSONL}, "", ""},
		{Options{Format: FormatCSV}, "session_id,position,date,action_type,text\r\n", summaryHeader},
		{Options{Format: FormatCSV, Gaps: true}, "session_id,position,date,action_type,text,gap_seconds\r\n", summaryHeader},
		{Options{Format: FormatCSV, NoHeaders: true}, "", ""},
		{Options{Format: FormatYAML}, "[]\n", "[]\n"},
		{Options{Format: FormatJSON, JQ: mustJQ(t, ".")}, "[]\n", "[]\n"},
		{Options{Format: FormatJSON, JQ: mustJQ(t, "length")}, "0\n", "0\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.opts, nil); got != tt.records {
			t.Errorf("records, %+v: got %q, want %q", tt.opts, got, tt.records)
		}
		if got := renderSummaries(t, tt.opts, nil); got != tt.summaries {
			t.Errorf("summaries, %+v: got %q, want %q", tt.opts, got, tt.summaries)
		}
	}
}

func TestFormats(t *testing.T) {
	want := []Format{"table", "json", "jsonl", "csv", "yaml", "wide", "markdown"}
	if got := Formats(); !slices.Equal(got, want) {
		t.Errorf("Formats() = %q, want %q", got, want)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr string
	}{
		{"table", FormatTable, ""},
		{"json", FormatJSON, ""},
		{"JSONL", FormatJSONL, ""},
		{"Csv", FormatCSV, ""},
		{" yaml ", FormatYAML, ""},
		{"HTML", FormatHTML, ""},
		{"Wide", FormatWide, ""},
		{"markdown", FormatMarkdown, ""},
		{"yml", "", `unknown output format "yml" (valid: table, json, jsonl, csv, yaml, wide, markdown; html for list and summary)`},
		{"", "", `unknown output format "" (valid: table, json, jsonl, csv, yaml, wide, markdown; html for list and summary)`},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseFormat(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	q := mustJQ(t, ".")
	for _, f := range []Format{FormatTable, FormatJSONL, FormatCSV, FormatYAML} {
		_, err := New(io.Discard, Options{Format: f, JQ: q})
		if !errors.Is(err, ErrJQNeedsJSON) {
			t.Errorf("New(%s with jq) error = %v, want ErrJQNeedsJSON", f, err)
		}
	}
	_, err := New(io.Discard, Options{Format: "xml"})
	if want := `unknown output format "xml" (valid: table, json, jsonl, csv, yaml, wide, markdown; html for list and summary)`; err == nil || err.Error() != want {
		t.Errorf("New(xml) error = %v, want %q", err, want)
	}
}

var errBroken = errors.New("broken pipe")

// brokenWriter fails every write.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errBroken }

func TestWriterErrorsPropagate(t *testing.T) {
	recs := fixture(t)[:1]
	tests := []struct {
		opts Options
		recs []Record
	}{
		{Options{Format: FormatTable}, recs},
		{Options{Format: FormatJSON}, recs},
		{Options{Format: FormatJSON}, nil},
		{Options{Format: FormatJSONL}, recs},
		{Options{Format: FormatCSV}, recs},
		{Options{Format: FormatCSV}, nil},
		{Options{Format: FormatYAML}, recs},
		{Options{Format: FormatYAML}, nil},
		{Options{Format: FormatJSON, JQ: mustJQ(t, ".[].text")}, recs},
	}
	for _, tt := range tests {
		w, err := New(brokenWriter{}, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tt.recs {
			if err = w.Write(r); err != nil {
				break
			}
		}
		if err == nil {
			err = w.Close()
		}
		if !errors.Is(err, errBroken) {
			t.Errorf("%+v with %d records: error = %v, want %v", tt.opts, len(tt.recs), err, errBroken)
		}
	}
}

// TestStreaming checks that the streaming formats hand each record to the
// underlying writer before Write returns.
func TestStreaming(t *testing.T) {
	recs := fixture(t)
	tests := []struct {
		opts  Options
		after []string // output after each of the first two Writes
	}{
		{Options{Format: FormatJSONL}, []string{
			`{"session_id":"1042","position":1,"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}` + "\n",
			`{"session_id":"1042","position":1,"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}` + "\n" +
				`{"session_id":"1042","position":2,"id":7,"text":"Customer temporarily left the session","date":"2:35 PM","action_type":"TEMPORARILY_LEFT","meta":{"ip":"10.0.0.1"}}` + "\n",
		}},
		{Options{Format: FormatCSV}, []string{
			"session_id,position,date,action_type,text\r\n1042,1,2:30 PM,ENTERED,Customer entered the session\r\n",
			"session_id,position,date,action_type,text\r\n1042,1,2:30 PM,ENTERED,Customer entered the session\r\n" +
				"1042,2,2:35 PM,TEMPORARILY_LEFT,Customer temporarily left the session\r\n",
		}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w, err := New(&buf, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range tt.after {
			if err := w.Write(recs[i]); err != nil {
				t.Fatal(err)
			}
			if buf.String() != want {
				t.Errorf("%s after Write #%d: got %q, want %q", tt.opts.Format, i+1, buf.String(), want)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// benchRecords returns n records cycling through the fixture.
func benchRecords(b *testing.B, n int) []Record {
	base := fixture(b)
	recs := make([]Record, n)
	for i := range recs {
		recs[i] = base[i%len(base)]
		recs[i].Position = i + 1
	}
	return recs
}

func BenchmarkWrite(b *testing.B) {
	recs := benchRecords(b, 10_000)
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w, err := New(io.Discard, Options{Format: f, ShowSession: true})
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range recs {
					if err := w.Write(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// stripANSI removes SGR escape sequences from s.
func stripANSI(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+strings.IndexByte(s[i:], 'm')+1:]
	}
	b.WriteString(s)
	return b.String()
}

func TestUnknownPosition(t *testing.T) {
	rec := fixture(t)[0]
	rec.Position = 0
	for format, want := range map[Format]string{
		FormatTable: "#  TIME     ACTION   DESCRIPTION\n-  2:30 PM  ENTERED  Customer entered the session\n",
		FormatCSV:   "session_id,position,date,action_type,text\r\n1042,,2:30 PM,ENTERED,Customer entered the session\r\n",
	} {
		if got := renderWith(t, New, Options{Format: format}, []Record{rec}); got != want {
			t.Errorf("%s: got %q, want %q", format, got, want)
		}
	}
}
