package output

import (
	"encoding/json"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

// resultFixture is one row of each status, behind the result golden files.
func resultFixture(t *testing.T) []Result {
	t.Helper()
	var entry client.LogEntry
	if err := json.Unmarshal([]byte(`{"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED","id":7}`), &entry); err != nil {
		t.Fatal(err)
	}
	return []Result{
		{Line: 1, SessionID: "42", Action: client.ActionEntered, Status: ResultCreated, Entry: &entry},
		{Line: 2, SessionID: "43", Action: client.ActionEnded, Status: ResultFailed, Error: &ErrorInfo{
			Kind: "session_ended", Status: 422, Message: "session 43: the session has already ended (HTTP 422)",
			ServerMessage: "لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة", SessionID: "43"}},
		{Line: 3, SessionID: "43", Action: client.ActionLeft, Status: ResultSkipped},
		{SessionID: "44", Action: client.ActionCancelRequest, Status: ResultWouldCreate},
	}
}

func TestResultGolden(t *testing.T) {
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			golden(t, "result_"+string(f), renderWith(t, NewResultWriter, Options{Format: f}, resultFixture(t)))
		})
	}
}

func TestResultTableColorKeepsAlignment(t *testing.T) {
	plain := renderWith(t, NewResultWriter, Options{Format: FormatTable}, resultFixture(t))
	colored := renderWith(t, NewResultWriter, Options{Format: FormatTable, Color: true}, resultFixture(t))
	if colored == plain || stripANSI(colored) != plain {
		t.Errorf("coloured table without escapes differs from the plain one:\n%s\n%s", colored, plain)
	}
}

// TestResultObject checks the keys of one row: line null for a row from the
// command line, "dry_run" only in a dry run, the error's rows and counts.
func TestResultObject(t *testing.T) {
	line := 3
	tests := []struct {
		name string
		r    Result
		want string
	}{
		{"dry run, command line", Result{SessionID: "1", Action: client.ActionLeft, Status: ResultWouldCreate, DryRun: true},
			`{"line":null,"session_id":"1","action_type":"LEFT","status":"would_create","entry":null,"error":null,"dry_run":true}`},
		{"file row", Result{Line: 2, SessionID: "1", Action: client.ActionLeft, Status: ResultSkipped},
			`{"line":2,"session_id":"1","action_type":"LEFT","status":"skipped","entry":null,"error":null}`},
		{"error with rows and counts", Result{Line: 2, SessionID: "1", Action: client.ActionLeft, Status: ResultFailed, Error: &ErrorInfo{
			Kind: "invalid_input", Message: "m", Rows: []RowError{{Line: &line, Error: "bad"}, {Error: "no line"}},
			CreateProgress: &CreateProgress{Created: 0, NotSent: []client.ActionType{}}}},
			`{"line":2,"session_id":"1","action_type":"LEFT","status":"failed","entry":null,"error":{"kind":"invalid_input","message":"m",` +
				`"rows":[{"line":3,"error":"bad"},{"line":null,"error":"no line"}],"created":0,"not_sent":[]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := resultCodec{}.object(nil, tt.r)
			if err != nil || string(got) != tt.want {
				t.Errorf("got %s, %v\nwant %s", got, err, tt.want)
			}
		})
	}
}
