package cmd

import (
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"summary_table", []string{"summary", "1001", "1002", "1003", "1005"}},
		{"summary_csv", []string{"summary", "1001", "1003", "-o", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			res := runCLI(t, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}

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

func TestListGaps(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"list_1001_gaps", []string{"list", "1001", "--gaps"}},
		{"list_1001_gaps_filtered_jsonl", []string{"list", "1001", "--gaps", "--action", "ENTERED,ENDED", "-o", "jsonl"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			res := runCLI(t, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}
