package cmd

import (
	"strings"
	"testing"
)

func TestSummaryFailureDoesNotStopOthers(t *testing.T) {
	newMock(t)
	res := runCLI(t, "summary", "999", "1002", "-o", "jsonl")
	errObj := `{"kind":"not_found","status":404,"message":"session \"999\" not found (HTTP 404)","server_message":"لم يتم العثور على الجلسة","session_id":"999"}`
	want := `{"session_id":"999","status":"not_found","entries":null,"first":null,"last":null,"times_away":null,"time_away_seconds":null,"still_away":null,"span_seconds":null,"error":` + errObj + "}\n" +
		`{"session_id":"1002","status":"in_progress","entries":3,"first":"4:00 PM","last":"4:15 PM","times_away":1,"time_away_seconds":180,"still_away":false,"span_seconds":900,"error":null}` + "\n"
	if res.code != ExitNotFound || res.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", res.code, res.stdout, want)
	}
	wantErr := `{"error":` + errObj + "}\n" + `{"warning":{"message":"1 of 2 sessions failed: 999 (not found)"}}` + "\n"
	if res.stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", res.stderr, wantErr)
	}
}

// TestSeveralSessionsSummedUp runs list and summary on the demo sessions
// with a missing one among them: every output and its stderr, whose last
// line names the failed session, are golden.
func TestSeveralSessionsSummedUp(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"demo_list_1001_999_1005", []string{"--demo", "list", "1001", "999", "1005"}},
		{"demo_list_1001_999_1005_jsonl", []string{"--demo", "list", "1001", "999", "1005", "-o", "jsonl"}},
		{"demo_summary_1001_999", []string{"--demo", "summary", "1001", "999"}},
		{"demo_summary_1001_999_json", []string{"--demo", "summary", "1001", "999", "-o", "json"}},
		{"demo_summary_1001_999_csv", []string{"--demo", "summary", "1001", "999", "-o", "csv"}},
		{"demo_summary_1001_999_yaml", []string{"--demo", "summary", "1001", "999", "-o", "yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			isolateEnv(t)
			res := runCLI(t, tt.args...)
			if res.code != ExitNotFound {
				t.Errorf("exit %d, want %d", res.code, ExitNotFound)
			}
			assertGolden(t, tt.golden, res.stdout+"--- stderr ---\n"+res.stderr)
		})
	}
}

// TestSummaryOnNarrowTerminal runs summary on the demo sessions, a failed
// one among them, on terminals 60 and 30 columns wide and piped: on the
// terminal FIRST, ENTRIES and LAST are left out and stderr says so once,
// before the line naming the failed session; piped output, and --wide on
// the terminal, are whole, with no such note. stdout and stderr are golden.
func TestSummaryOnNarrowTerminal(t *testing.T) {
	args := []string{"summary", "1001", "1002", "1003", "1004", "1005", "999", "--no-color", "--no-pager"}
	tests := []struct {
		golden string
		width  int // 0: piped
		flags  []string
	}{
		{"summary_narrow_60", 60, nil},
		{"summary_narrow_30", 30, nil},
		{"summary_narrow_piped", 0, nil},
		{"summary_narrow_60_wide", 60, []string{"--wide"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			res := runCLIWith(t, func(ios *IOStreams) {
				if tt.width > 0 {
					tty(ios)
					ios.SetTerminalWidth(tt.width)
				}
			}, append(args, tt.flags...)...)
			if res.code != ExitNotFound {
				t.Errorf("exit %d, want %d", res.code, ExitNotFound)
			}
			const note = "FIRST, ENTRIES and LAST left out to fit; --wide shows all\n"
			if want := map[bool]int{true: 1, false: 0}[tt.width > 0 && tt.flags == nil]; strings.Count(res.stderr, note) != want {
				t.Errorf("stderr has the note %d times, want %d:\n%s", strings.Count(res.stderr, note), want, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout+"--- stderr ---\n"+res.stderr)
		})
	}
}
