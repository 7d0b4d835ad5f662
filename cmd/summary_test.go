package cmd

import (
	"strings"
	"testing"
)

func TestSummaryFailureDoesNotStopOthers(t *testing.T) {
	newMock(t)
	res := runCLI(t, "summary", "999", "1002", "-o", "jsonl")
	want := `{"session_id":"1002","status":"in_progress","entries":3,"first":"4:00 PM","last":"4:15 PM","times_away":1,"time_away_seconds":180,"still_away":false,"span_seconds":900}` + "\n"
	if res.code != ExitNotFound || res.stdout != want {
		t.Errorf("exit %d, stdout %q", res.code, res.stdout)
	}
	if !strings.Contains(res.stderr, `{"error":{"kind":"not_found","status":404,`) {
		t.Errorf("stderr lacks the JSON error: %s", res.stderr)
	}
}
