package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/safetext"
)

// FuzzEntryFormats checks that an entry the client accepts reads the same in
// every format: the table shows its fields made safe and nothing raw, json
// and jsonl are valid JSON that reads back as the same entry, and every
// output is valid UTF-8.
func FuzzEntryFormats(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}`,
		`{"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}`,
		`{"text":"A","text":"B","date":null,"x":{"text":"C"}}`,
		"{\"text\":\"a\xffb\",\"k\xc3\":[\"\xe2\x80\"]}",
		`{"text":"a\u001b[2J\u001b]0;t\u0007\r\u202eb","date":"=1+2","action_type":"@X"}`,
		`{"x":[[[[[[[[[[{"y":[1,{"z":[]}]}]]]]]]]]]]}`,
		`{"session_id":5,"gap_seconds":"x","text":"\ud800"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var e client.LogEntry
		if json.Unmarshal(raw, &e) != nil {
			return
		}
		rec := Record{SessionID: "1", Position: 1, Entry: e}
		for _, format := range Formats() {
			var buf bytes.Buffer
			w, err := New(&buf, Options{Format: format, Gaps: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(rec); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if err := w.Close(); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.String()
			if !utf8.ValidString(out) {
				t.Fatalf("%s output is not valid UTF-8: %q", format, out)
			}
			switch format {
			case FormatTable:
				if !safetext.Safe(strings.ReplaceAll(out, "\n", "")) || !strings.Contains(out, safetext.Terminal(string(e.ActionType))) {
					t.Fatalf("table %q for %+v", out, e)
				}
			case FormatJSON, FormatJSONL:
				if format == FormatJSONL {
					out = "[" + out + "]"
				}
				var back []client.LogEntry
				if err := json.Unmarshal([]byte(out), &back); err != nil || len(back) != 1 ||
					back[0].Text != e.Text || back[0].Date != e.Date || back[0].ActionType != e.ActionType {
					t.Fatalf("%s %q reads back as %+v (%v), not %+v", format, out, back, err, e)
				}
			}
		}
	})
}

// FuzzEntrySplice checks that splicing an entry's Raw into its output
// object writes what reading it token by token writes, for any Raw.
func FuzzEntrySplice(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}`,
		`{ "id" : 7, "meta": {"ip": [ "10.0.0.1" , true, null, -1.5e3 ] } }`,
		`{"session_id":99,"position":"x","gap_seconds":1,"session_id":"again"}`,
		`{"\u0041":1,"a<b":2,"x\u2028y":3,"e\"":4}`,
		"{\"k\xff\":\"v\xfe\"}",
		`{"a":1}x`, ` {"a":1}`, `{"a":}`, `[]`, `0}`, `{"a":[[[[[[[[[[1]]]]]]]]]]}`,
	} {
		f.Add([]byte(seed), true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, gaps bool) {
		if len(raw) == 0 { // an entry built in code, written from its fields
			return
		}
		c := entryCodec{Options{Gaps: gaps}}
		r := Record{SessionID: "1", Position: 3, Entry: client.LogEntry{Raw: raw}}
		spliced, err := c.object(nil, r)
		tokenised, tokErr := c.tokenised(nil, r, raw)
		if fmt.Sprint(err) != fmt.Sprint(tokErr) || !bytes.Equal(spliced, tokenised) {
			t.Fatalf("spliced %q (%v), tokenised %q (%v)", spliced, err, tokenised, tokErr)
		}
		if err == nil && !json.Valid(spliced) {
			t.Fatalf("invalid object %q", spliced)
		}
	})
}
