package client

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestLogEntryExactKeys checks that an entry is read by its exact keys and
// that Raw, which JSON output prints, agrees with the fields read.
func TestLogEntryExactKeys(t *testing.T) {
	tests := []struct {
		name, body         string
		text, date, action string
		raw                string
	}{
		{
			name: "case variants ignored",
			body: `{"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}`,
			text: "A", action: "ENTERED",
			raw: `{"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}`,
		},
		{
			name: "only a case variant",
			body: `{"Text":"B","DATE":"2:30 PM"}`,
			raw:  `{"Text":"B","DATE":"2:30 PM"}`,
		},
		{
			name: "key sent twice keeps its first place and last value",
			body: `{"text":"A","date":"d","text":"B","x":{"text":"C"}}`,
			text: "B", date: "d",
			raw: `{"text":"B","date":"d","x":{"text":"C"}}`,
		},
		{
			name: "invalid UTF-8 becomes U+FFFD in fields and Raw",
			body: "{\"text\":\"a\xffb\",\"x\\u00e9\xfe\":[\"\xc3\"]}",
			text: "a\uFFFDb",
			raw:  "{\"text\":\"a\uFFFDb\",\"x\\u00e9\uFFFD\":[\"\uFFFD\"]}",
		},
		{
			name: "valid entry kept byte for byte",
			body: "{ \"text\" : \"t\",\n\"date\":\"d\", \"action_type\":\"LEFT\" }",
			text: "t", date: "d", action: "LEFT",
			raw: "{ \"text\" : \"t\",\n\"date\":\"d\", \"action_type\":\"LEFT\" }",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e LogEntry
			if err := json.Unmarshal([]byte(tt.body), &e); err != nil {
				t.Fatal(err)
			}
			if e.Text != tt.text || e.Date != tt.date || string(e.ActionType) != tt.action {
				t.Errorf("entry %q/%q/%q, want %q/%q/%q", e.Text, e.Date, e.ActionType, tt.text, tt.date, tt.action)
			}
			if string(e.Raw) != tt.raw {
				t.Errorf("Raw %s\nwant %s", e.Raw, tt.raw)
			}
			if !json.Valid(e.Raw) {
				t.Errorf("Raw is not valid JSON: %q", e.Raw)
			}
			var again LogEntry // Raw reads back as the same entry
			if err := json.Unmarshal(e.Raw, &again); err != nil || again.Text != e.Text || again.Date != e.Date || again.ActionType != e.ActionType {
				t.Errorf("Raw reads back as %+v (%v)", again, err)
			}
		})
	}
}

func TestLogEntryRefusesDeepNesting(t *testing.T) {
	nested := func(depth int) string {
		return `{"text":"t","x":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`
	}
	var e LogEntry
	if err := json.Unmarshal([]byte(nested(maxEntryDepth)), &e); err != nil {
		t.Fatalf("depth %d: %v", maxEntryDepth, err)
	}
	err := json.Unmarshal([]byte(nested(maxEntryDepth+1)), &e)
	if !errors.Is(err, errTooDeep) {
		t.Fatalf("depth %d: %v, want %v", maxEntryDepth+1, err, errTooDeep)
	}
	// Brackets inside strings are not nesting.
	if err := json.Unmarshal([]byte(`{"text":"`+strings.Repeat(`[{\"`, 100)+`"}`), &e); err != nil {
		t.Fatalf("brackets in a string: %v", err)
	}
}

func TestListReplyWithDeepEntryIsInvalid(t *testing.T) {
	body := `{"success":true,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[{"text":"t","x":` +
		strings.Repeat("[", 9990) + strings.Repeat("]", 9990) + `}]}}`
	_, err := decodeListReply(&reply{status: 200, body: []byte(body)}, 1)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindInvalidResponse || !strings.Contains(e.Explanation, "nested more than 64 levels deep") {
		t.Fatalf("error %v", err)
	}
}

// TestEnvelopeReadsExactKeys checks that the envelope, the paginator and an
// error body are read by their exact keys too: case variants are ignored.
func TestEnvelopeReadsExactKeys(t *testing.T) {
	list := `{"Success":false,"MESSAGE":"x","StatusCode":500,"success":true,"data":{"Current_Page":9,"DATA":[{}],` +
		`"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[{"text":"t"}]}}`
	page, err := decodeListReply(&reply{status: 200, body: []byte(list)}, 1)
	if err != nil || page.CurrentPage != 1 || len(page.Entries) != 1 || page.Entries[0].Text != "t" {
		t.Fatalf("page %+v, error %v", page, err)
	}

	failed := `{"success":false,"MESSAGE":"B","message":"A","Errors":{"y":["no"]},"errors":{"x":["bad"]},"statusCode":422}`
	_, err = decodeListReply(&reply{status: 422, body: []byte(failed)}, 1)
	var e *Error
	if !errors.As(err, &e) || e.Message != "A" || len(e.Fields) != 1 || e.Fields["x"][0] != "bad" {
		t.Fatalf("error %#v", err)
	}
}

func TestLogEntryMarshalsWhatItHolds(t *testing.T) {
	const raw = `{ "text": "a <b>", "extra": {"k": [1, 2]}, "date": "2:30 PM", "action_type": "ENTERED" }`
	tests := []struct {
		name   string
		change func(*LogEntry)
		want   string
	}{
		{"unchanged: Raw byte for byte", func(*LogEntry) {}, raw},
		{"text changed: the new text, other keys in place", func(e *LogEntry) { e.Text = "edited" },
			`{"text":"edited","extra":{"k": [1, 2]},"date":"2:30 PM","action_type":"ENTERED"}`},
		{"action changed", func(e *LogEntry) { e.ActionType = ActionLeft },
			`{"text":"a <b>","extra":{"k": [1, 2]},"date":"2:30 PM","action_type":"LEFT"}`},
		{"set to what it held: Raw again", func(e *LogEntry) { e.Text = "a <b>" }, raw},
		{"no Raw: the fields", func(e *LogEntry) { e.Raw = nil },
			`{"text":"a \u003cb\u003e","date":"2:30 PM","action_type":"ENTERED"}`},
		{"Raw without a documented key: it is added", func(e *LogEntry) {
			e.Raw = json.RawMessage(`{"text":"a <b>","action_type":"ENTERED","n":1}`)
		}, `{"text":"a <b>","action_type":"ENTERED","n":1,"date":"2:30 PM"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e LogEntry
			if err := json.Unmarshal([]byte(raw), &e); err != nil {
				t.Fatal(err)
			}
			tt.change(&e)
			got, err := e.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			var back LogEntry // what is written reads back as the entry
			if err := json.Unmarshal(got, &back); err != nil || back.Text != e.Text || back.Date != e.Date || back.ActionType != e.ActionType {
				t.Errorf("%s reads back as %+v (%v)", got, back, err)
			}
		})
	}
}
