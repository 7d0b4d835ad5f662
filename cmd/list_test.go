package cmd

import (
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

// TestGoldenOutput compares what list and summary print with golden files.
func TestGoldenOutput(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		setup  func(*IOStreams)
	}{
		{"list_1001_table", []string{"list", "1001"}, nil},
		{"list_1001_table_tty", []string{"list", "1001"}, tty},
		{"list_1001_table", []string{"list", "1001", "--no-color"}, tty},
		{"list_1001_table", []string{"list", "1001"}, func(ios *IOStreams) { tty(ios); ios.SetColorEnv(false) }},
		{"list_1001_table_noheaders", []string{"list", "1001", "--no-headers"}, nil},
		{"list_1001_json", []string{"list", "1001", "-o", "json"}, nil},
		{"list_1001_jsonl", []string{"list", "1001", "-o", "jsonl"}, nil},
		{"list_1001_csv", []string{"list", "1001", "-o", "csv"}, nil},
		{"list_1001_csv_noheaders", []string{"list", "1001", "--output=csv", "--no-headers"}, nil},
		{"list_1001_yaml", []string{"list", "1001", "-o", "yaml"}, nil},
		{"list_1001_jq", []string{"list", "1001", "--jq", `.[] | select(.action_type == "ENTERED") | .date`}, nil},
		{"list_multi_table", []string{"list", "1001", "1003"}, nil},
		{"list_1001_filtered", []string{"list", "1001", "--action", "temporarily_left,ENTERED", "--action", "ended"}, nil},
		{"list_1001_gaps", []string{"list", "1001", "--gaps"}, nil},
		{"list_1001_gaps_filtered_jsonl", []string{"list", "1001", "--gaps", "--action", "ENTERED,ENDED", "-o", "jsonl"}, nil},
		{"summary_table", []string{"summary", "1001", "1002", "1003", "1005"}, nil},
		{"summary_csv", []string{"summary", "1001", "1003", "-o", "csv"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			newMock(t)
			setup := tt.setup
			if setup == nil {
				setup = func(*IOStreams) {}
			}
			res := runCLIWith(t, setup, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", res.code, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}

func TestListOutputFromConfig(t *testing.T) {
	newMock(t)
	t.Setenv("SESSIONLOG_OUTPUT", "jsonl")
	res := runCLI(t, "list", "1001", "--limit", "1")
	want := `{"session_id":"1001","position":1,"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"}` + "\n"
	if res.code != 0 || res.stdout != want {
		t.Errorf("exit %d, stdout %q, want %q; stderr %s", res.code, res.stdout, want, res.stderr)
	}
}

func TestListPaging(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantGETs  int
		wantFirst string // first data line's position and action, e.g. "3 ENTERED"
		wantRows  int
	}{
		{"follows every page", []string{"list", "1001", "--per-page", "2"}, 3, "1 ENTERED", 5},
		{"one page only", []string{"list", "1001", "--per-page", "2", "--page", "2"}, 1, "3 ENTERED", 2},
		{"page past the end", []string{"list", "1001", "--per-page", "2", "--page", "9"}, 1, "", 0},
		{"limit within the first page", []string{"list", "1001", "--per-page", "2", "--limit", "2"}, 1, "1 ENTERED", 2},
		{"limit stops early", []string{"list", "1001", "--per-page", "2", "--limit", "3"}, 2, "1 ENTERED", 3},
		{"long session", []string{"list", "1004"}, 7, "1 ENTERED", 350},
		{"per-page from env", []string{"list", "1004", "--limit", "200"}, 4, "1 ENTERED", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newMock(t)
			t.Setenv("SESSIONLOG_PER_PAGE", "50")
			res := runCLI(t, append(tt.args, "--no-headers")...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			if got := srv.Handler().RequestCount("GET"); got != tt.wantGETs {
				t.Errorf("GET requests = %d, want %d", got, tt.wantGETs)
			}
			lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
			if res.stdout == "" {
				lines = nil
			}
			if len(lines) != tt.wantRows {
				t.Fatalf("%d rows, want %d:\n%s", len(lines), tt.wantRows, res.stdout)
			}
			if tt.wantRows > 0 {
				if f := strings.Fields(lines[0]); f[0]+" "+f[3] != tt.wantFirst {
					t.Errorf("first row %q, want %q", lines[0], tt.wantFirst)
				}
			}
		})
	}
}

func TestListEmptyTimeline(t *testing.T) {
	for _, format := range []string{"table", "json"} {
		t.Run(format, func(t *testing.T) {
			newMock(t)
			res := runCLI(t, "list", "1005", "-o", format)
			wantOut := map[string]string{"table": "", "json": "[]\n"}[format]
			wantErr := map[string]string{
				"table": "session \"1005\": no log entries yet\n",
				"json":  `{"warning":{"message":"session \"1005\": no log entries yet"}}` + "\n",
			}[format]
			if res.code != 0 || res.stdout != wantOut || res.stderr != wantErr {
				t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
			}
		})
	}
}

func TestListSeveralSessionsWithFailure(t *testing.T) {
	newMock(t)
	res := runCLI(t, "list", "1003", "999", "1001", "-o", "csv")
	if res.code != ExitNotFound {
		t.Errorf("exit %d, want %d", res.code, ExitNotFound)
	}
	assertGolden(t, "list_multi_failure_csv", res.stdout)
	wantErr := "error: session \"999\" not found (HTTP 404)\n" +
		"  server message: لم يتم العثور على الجلسة (\"Session not found\")\n" +
		"1 of 3 sessions failed: 999 (not found)\n"
	if res.stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", res.stderr, wantErr)
	}
}

func TestListFirstFailureGivesExitCode(t *testing.T) {
	newMock(t, mockapi.WithToken("right"))
	t.Setenv("SESSIONLOG_TOKEN", "wrong")
	res := runCLI(t, "list", "1001", "999", "-o", "json")
	if res.code != ExitAuth {
		t.Errorf("exit %d, want %d; stderr:\n%s", res.code, ExitAuth, res.stderr)
	}
	if res.stdout != "[]\n" {
		t.Errorf("stdout %q, want an empty array", res.stdout)
	}
	if n := strings.Count(res.stderr, `{"error":{"kind":"auth","status":401,`); n != 2 {
		t.Errorf("want 2 JSON error lines, got %d:\n%s", n, res.stderr)
	}
}

func TestListUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no id", []string{"list"}, "sessionlog list needs a session id"},
		{"blank id", []string{"list", "  "}, `invalid session id "  ": it is blank`},
		{"unknown action", []string{"list", "1001", "--action", "ENTER"}, "did you mean ENTERED?"},
		{"unknown format", []string{"list", "1001", "-o", "xml"}, `unknown output format "xml"`},
		{"jq with csv", []string{"list", "1001", "-o", "csv", "--jq", "."}, "--jq works with -o json, not -o csv"},
		{"bad jq", []string{"list", "1001", "--jq", ".[] |"}, "invalid jq expression"},
		{"bad flag", []string{"list", "1001", "--pages", "2"}, "unknown flag: --pages"},
		{"negative limit", []string{"list", "1001", "--limit", "-1"}, "--page and --limit take a positive number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newMock(t)
			res := runCLI(t, tt.args...)
			if res.code != ExitUsage || !strings.Contains(res.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", res.code, res.stderr, tt.wantErr)
			}
			if n := srv.Handler().RequestCount(""); n != 0 {
				t.Errorf("%d requests sent before a usage error", n)
			}
		})
	}
}

func TestListProgressLine(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdout   bool // stdout is a terminal too
		wantLine bool
	}{
		{"table on a terminal, streamed", []string{"list", "1004", "--per-page", "100"}, true, false},
		{"table redirected to a file", []string{"list", "1004", "--per-page", "100"}, false, true},
		{"csv redirected to a file", []string{"list", "1004", "--per-page", "100", "-o", "csv"}, false, true},
		{"jsonl on the terminal", []string{"list", "1004", "--per-page", "100", "-o", "jsonl"}, true, false},
		{"a single page", []string{"list", "1001"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			res := runCLIWith(t, func(ios *IOStreams) {
				ios.SetStderrTTY(true)
				ios.SetStdoutTTY(tt.stdout)
				ios.SetColorEnv(false)
			}, tt.args...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			drawn := strings.HasPrefix(res.stderr, "\r\033[Kpages 1/4") &&
				strings.Contains(res.stderr, "\r\033[Kpages 4/4") && strings.HasSuffix(res.stderr, "\r\033[K")
			if drawn != tt.wantLine || (!tt.wantLine && res.stderr != "") {
				t.Errorf("stderr %q", res.stderr)
			}
			if strings.Contains(res.stdout, "pages") {
				t.Errorf("the progress line reached stdout")
			}
		})
	}
}

func TestSessionFailureOutranksJQError(t *testing.T) {
	newMock(t)
	res := runCLI(t, "list", "1001", "999", "--jq", ".[0].date | tonumber")
	if res.code != ExitNotFound {
		t.Errorf("exit %d, want %d (the failed session's)", res.code, ExitNotFound)
	}
	got := parseJSONStderr(t, res.stderr) // --jq implies json output, and JSON messages
	if want := []string{`session "999" not found (HTTP 404)`, `jq: tonumber cannot be applied to "2:30 PM": invalid number`,
		"1 of 2 sessions failed: 999 (not found)"}; strings.Join(got.messages, "\n") != strings.Join(want, "\n") {
		t.Errorf("the jq error is not reported:\n%s", res.stderr)
	}
	if res := runCLI(t, "list", "1001", "--jq", ".[0].date | tonumber"); res.code != ExitError {
		t.Errorf("jq error alone: exit %d, want %d", res.code, ExitError)
	}
}

// A table streamed after its first page is the table laid out from every
// row, where the first page holds the widest cells (the demo sessions).
func TestListTableStreamedIsTheHeldTable(t *testing.T) {
	for _, args := range [][]string{
		{"list", "1004"},
		{"list", "1004", "--gaps"},
		{"list", "1001", "1004", "1002"},
		{"list", "1004", "--last", "150"},
	} {
		newMock(t)
		held := runCLI(t, append(args, "--per-page", "1000")...)
		streamed := runCLI(t, append(args, "--per-page", "30")...)
		if held.code != 0 || streamed.code != 0 {
			t.Fatalf("%v: exit %d and %d: %s%s", args, held.code, streamed.code, held.stderr, streamed.stderr)
		}
		if strings.Count(held.stdout, "\n") < 100 {
			t.Fatalf("%v: only %d lines", args, strings.Count(held.stdout, "\n"))
		}
		if streamed.stdout != held.stdout {
			t.Errorf("%v: streamed table\n%s\ndiffers from\n%s", args, streamed.stdout, held.stdout)
		}
	}
}
