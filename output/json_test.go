package output

import (
	"encoding/json"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

func TestAppendObject(t *testing.T) {
	tests := []struct {
		name    string
		rec     Record
		want    string
		wantErr string
	}{
		{"built in code", Record{SessionID: "s", Entry: client.LogEntry{Text: "t", Date: "d", ActionType: client.ActionLeft}},
			`{"session_id":"s","text":"t","date":"d","action_type":"LEFT"}`, ""},
		{"server order and values kept", Record{SessionID: "s", Entry: client.LogEntry{Raw: json.RawMessage(`{"z":1.50,"a":"\u00e9","n":null}`)}},
			`{"session_id":"s","z":1.50,"a":"\u00e9","n":null}`, ""},
		{"server session_id replaced", Record{SessionID: "s", Entry: client.LogEntry{Raw: json.RawMessage(`{"a":1,"session_id":"other","b":2}`)}},
			`{"session_id":"s","a":1,"b":2}`, ""},
		{"id is always a string", Record{SessionID: `42"`, Entry: client.LogEntry{Raw: json.RawMessage(`{}`)}},
			`{"session_id":"42\""}`, ""},
		{"not an object", Record{SessionID: "s", Position: 4, Entry: client.LogEntry{Raw: json.RawMessage(`null`)}},
			"", "entry 4 of session s is not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendObject(nil, tt.rec)
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
