package cmd

import (
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

// storedActions lists the action types the mock holds for a session.
func storedActions(t *testing.T, srv *mockapi.Server, id string) string {
	t.Helper()
	entries, ok := srv.Handler().Entries(id)
	if !ok {
		t.Fatalf("session %s does not exist", id)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = string(e.ActionType)
	}
	return strings.Join(names, " ")
}

func TestCreateAppendsInOrder(t *testing.T) {
	srv := newMock(t)
	res := runCLI(t, "create", "1002", "temporarily_left", "Entered", "ENDED", "-o", "jsonl")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
	}
	want := "ENTERED TEMPORARILY_LEFT ENTERED TEMPORARILY_LEFT ENTERED ENDED SESSION_PERIOD"
	if got := storedActions(t, srv, "1002"); got != want {
		t.Errorf("stored %q, want %q", got, want)
	}
	if got := srv.Handler().RequestCount("POST"); got != 3 {
		t.Errorf("%d POSTs, want 3", got)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], `"action_type":"ENDED"`) || !strings.HasPrefix(lines[0], `{"session_id":"1002",`) {
		t.Errorf("stdout:\n%s", res.stdout)
	}
}

func TestCreateStopsAtFirstFailure(t *testing.T) {
	srv := newMock(t)
	res := runCLI(t, "create", "1002", "CANCELLED", "ENTERED", "LEFT", "-o", "json")
	if res.code != ExitRejected {
		t.Errorf("exit %d, want %d", res.code, ExitRejected)
	}
	if got := srv.Handler().RequestCount("POST"); got != 2 {
		t.Errorf("%d POSTs, want 2", got)
	}
	if got := storedActions(t, srv, "1002"); got != "ENTERED TEMPORARILY_LEFT ENTERED CANCELLED SESSION_PERIOD" {
		t.Errorf("stored %q", got)
	}
	// Under -o json stderr is the JSON object alone, with counts, not a sentence.
	wantErr := []string{
		`{"error":{"kind":"session_ended","status":422,"message":"session \"1002\": the session has already ended; no more log entries can be recorded (HTTP 422)","server_message":"لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة","session_id":"1002","created":1,"not_sent":["LEFT"]}}`,
	}
	if got := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(wantErr, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", res.stderr, strings.Join(wantErr, "\n"))
	}
	if !strings.Contains(res.stdout, `"action_type": "CANCELLED"`) || !strings.HasSuffix(res.stdout, "]\n") {
		t.Errorf("stdout is not the array of the one created entry:\n%s", res.stdout)
	}
}

func TestCreateValidation(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantCode  int
		wantPOSTs int
		wantErr   string
	}{
		{"unknown type refused before sending", []string{"create", "1002", "ENTERED", "ENTERD"}, ExitUsage, 0,
			`unknown action type "ENTERD" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD); did you mean ENTERED?`},
		{"no suggestion when nothing is close", []string{"create", "1002", "xyzzy"}, ExitUsage, 0,
			`unknown action type "xyzzy" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD)` + "\n"},
		{"missing action", []string{"create", "1002"}, ExitUsage, 0, "sessionlog create needs a session id and at least one action type"},
		{"no-validate lets the server judge", []string{"create", "1002", "entered", "--no-validate"}, ExitRejected, 1,
			"error: session \"1002\": invalid data: action_type: invalid action type (HTTP 422)\n" +
				"  server message: بيانات غير صالحة (\"Invalid data\")\n" +
				"  action_type: نوع الإجراء غير صالح (\"Invalid action type\")\n"},
		{"unknown session", []string{"create", "424242", "ENTERED"}, ExitNotFound, 1, "error: session \"424242\" not found (HTTP 404)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newMock(t)
			before := storedActions(t, srv, "1002")
			res := runCLI(t, tt.args...)
			if res.code != tt.wantCode || !strings.Contains(res.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", res.code, res.stderr, tt.wantCode, tt.wantErr)
			}
			if got := srv.Handler().RequestCount("POST"); got != tt.wantPOSTs {
				t.Errorf("%d POSTs, want %d", got, tt.wantPOSTs)
			}
			if after := storedActions(t, srv, "1002"); after != before {
				t.Errorf("stored entries changed: %q -> %q", before, after)
			}
		})
	}
}
