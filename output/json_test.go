package output

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

func TestEntryObject(t *testing.T) {
	tests := []struct {
		name    string
		gaps    bool
		rec     Record
		want    string
		wantErr string
	}{
		{"built in code", false, Record{SessionID: "s", Entry: client.LogEntry{Text: "t", Date: "d", ActionType: client.ActionLeft}},
			`{"session_id":"s","position":null,"text":"t","date":"d","action_type":"LEFT"}`, ""},
		{"server order and values kept", false, Record{SessionID: "s", Entry: client.LogEntry{Raw: json.RawMessage(`{"z":1.50,"a":"\u00e9","n":null}`)}},
			`{"session_id":"s","position":null,"z":1.50,"a":"\u00e9","n":null}`, ""},
		{"server session_id replaced", false, Record{SessionID: "s", Entry: client.LogEntry{Raw: json.RawMessage(`{"a":1,"session_id":"other","b":2}`)}},
			`{"session_id":"s","position":null,"a":1,"b":2}`, ""},
		{"id is always a string", false, Record{SessionID: `42"`, Entry: client.LogEntry{Raw: json.RawMessage(`{}`)}},
			`{"session_id":"42\"","position":null}`, ""},
		{"not an object", false, Record{SessionID: "s", Position: 4, Entry: client.LogEntry{Raw: json.RawMessage(`null`)}},
			"", `entry 4 of session "s" is not a JSON object`},
		{"gap known", true, Record{SessionID: "s", Gap: after(11 * time.Minute), Entry: client.LogEntry{Raw: json.RawMessage(`{"a":1}`)}},
			`{"session_id":"s","position":null,"a":1,"gap_seconds":660}`, ""},
		{"gap zero", true, Record{SessionID: "s", Gap: after(0), Entry: client.LogEntry{Raw: json.RawMessage(`{}`)}},
			`{"session_id":"s","position":null,"gap_seconds":0}`, ""},
		{"gap unknown", true, Record{SessionID: "s", Gap: timeline.Gap{HasPrev: true}, Entry: client.LogEntry{Raw: json.RawMessage(`{}`)}},
			`{"session_id":"s","position":null,"gap_seconds":null}`, ""},
		{"first record has no gap", true, Record{SessionID: "s", Entry: client.LogEntry{Text: "t", Date: "d", ActionType: client.ActionLeft}},
			`{"session_id":"s","position":null,"text":"t","date":"d","action_type":"LEFT","gap_seconds":null}`, ""},
		{"server gap_seconds replaced", true, Record{SessionID: "s", Gap: after(time.Hour), Entry: client.LogEntry{Raw: json.RawMessage(`{"gap_seconds":"x","b":2}`)}},
			`{"session_id":"s","position":null,"b":2,"gap_seconds":3600}`, ""},
		{"server gap_seconds kept without gaps", false, Record{SessionID: "s", Gap: after(time.Hour), Entry: client.LogEntry{Raw: json.RawMessage(`{"gap_seconds":"x"}`)}},
			`{"session_id":"s","position":null,"gap_seconds":"x"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := entryCodec{Options{Gaps: tt.gaps}}.object(nil, tt.rec)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Errorf("got %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}
