package cmd

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
)

const injectionFile = `{"session_id":"1002","action_type":"TEMPORARILY_LEFT"}
{"session_id":"1001","action_type":"ENTERED"}
{"session_id":"1002","action_type":"entered"}
{"session_id":"1001","action_type":"LEFT"}
{"session_id":"1005","action_type":"ENTERED"}
{"session_id":"1005","action_type":"ENDED"}
`

// fixedClock is a mock clock at 4:20 PM UTC.
func fixedClock() time.Time { return time.Date(2026, 11, 26, 16, 20, 0, 0, time.UTC) }

func TestCreateFromFileWithFailingSession(t *testing.T) {
	srv := newMock(t, mockapi.WithClock(fixedClock))
	path := writeFile(t, "scenario.jsonl", injectionFile, 0o600)
	res := runCLI(t, "create", "--from-file", path, "-o", "csv", "--concurrency", "3")
	if res.code != ExitRejected {
		t.Errorf("exit %d, want %d (the first failure's)", res.code, ExitRejected)
	}
	assertGolden(t, "create_from_file_csv", res.stdout)
	if res.stderr != "4 of 6 rows created, 1 failed, 1 skipped\n" {
		t.Errorf("stderr %q", res.stderr)
	}
	if got := srv.Handler().RequestCount("POST"); got != 5 {
		t.Errorf("%d POSTs, want 5 (the skipped row is never sent)", got)
	}
	for id, want := range map[string]string{
		"1001": "ENTERED TEMPORARILY_LEFT ENTERED ENDED SESSION_PERIOD",
		"1002": "ENTERED TEMPORARILY_LEFT ENTERED TEMPORARILY_LEFT ENTERED",
		"1005": "ENTERED ENDED SESSION_PERIOD",
	} {
		if got := storedActions(t, srv, id); got != want {
			t.Errorf("session %s stored %q, want %q", id, got, want)
		}
	}
}

func TestCreateFromStdinJSON(t *testing.T) {
	newMock(t)
	res := runCLIWith(t, func(ios *IOStreams) {
		ios.In = strings.NewReader("session_id,action_type\n1002,LEFT\n")
	}, "create", "-f", "-", "-o", "json", "--jq", `.[] | "\(.line) \(.status) \(.entry.action_type)"`)
	if res.code != 0 || res.stdout != "2 created LEFT\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
}

func TestCreateDryRunSendsNothing(t *testing.T) {
	tests := [][]string{
		{"create", "--from-file", "FILE", "--dry-run=client", "-o", "jsonl"},
		{"create", "1002", "left", "ended", "--dry-run=client", "-o", "jsonl"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			srv := newMock(t)
			path := writeFile(t, "rows.csv", "session_id,action_type\n1002,left\n1002,ended\n", 0o600)
			for i := range args {
				args[i] = strings.ReplaceAll(args[i], "FILE", path)
			}
			res := runCLI(t, args...)
			if res.code != 0 || srv.Handler().RequestCount("") != 0 {
				t.Fatalf("exit %d, %d requests, stderr %s", res.code, srv.Handler().RequestCount(""), res.stderr)
			}
			lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
			if len(lines) != 2 || !strings.Contains(lines[1], `"session_id":"1002","action_type":"ENDED","status":"would_create","entry":null,"error":null,"dry_run":true}`) {
				t.Errorf("stdout:\n%s", res.stdout)
			}
			if res.stderr != `{"warning":{"message":"dry run: 2 of 2 rows would be sent; nothing was sent"}}`+"\n" {
				t.Errorf("stderr %q", res.stderr)
			}
		})
	}
}

func TestCreateFromFileRefusesInvalidRows(t *testing.T) {
	srv := newMock(t)
	path := writeFile(t, "rows.jsonl", "{\"session_id\":\"1002\",\"action_type\":\"LEFT\"}\n{\"session_id\":\"1002\",\"action_type\":\"GONE\"}\n", 0o600)
	res := runCLI(t, "create", "--from-file", path)
	if res.code != ExitUsage || srv.Handler().RequestCount("") != 0 {
		t.Errorf("exit %d, %d requests", res.code, srv.Handler().RequestCount(""))
	}
	want := "error: " + path + ": 1 invalid row(s), nothing was sent:\n  line 2: unknown action type \"GONE\""
	if !strings.HasPrefix(res.stderr, want) {
		t.Errorf("stderr:\n%s\nwant prefix:\n%s", res.stderr, want)
	}
	if res := runCLI(t, "create", "1002", "ENTERED", "--from-file", path); res.code != ExitUsage || !strings.Contains(res.stderr, "not both") {
		t.Errorf("id and --from-file together: exit %d, %s", res.code, res.stderr)
	}
}

func TestCreateDelay(t *testing.T) {
	for _, args := range [][]string{
		{"create", "--from-file", "FILE", "--delay", "150ms"},
		{"create", "1005", "ENTERED", "TEMPORARILY_LEFT", "--delay", "150ms"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var mu sync.Mutex
			var times []time.Time
			srv := newMock(t, mockapi.WithClock(func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				now := time.Now()
				times = append(times, now)
				return now
			}))
			path := writeFile(t, "rows.csv", "session_id,action_type\n1005,ENTERED\n1005,TEMPORARILY_LEFT\n", 0o600)
			args = append([]string(nil), args...)
			for i := range args {
				args[i] = strings.ReplaceAll(args[i], "FILE", path)
			}
			res := runCLI(t, args...)
			if res.code != 0 || srv.Handler().RequestCount("POST") != 2 {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(times) != 2 || times[1].Sub(times[0]) < 150*time.Millisecond {
				t.Errorf("entries were not %s apart: %v", 150*time.Millisecond, times)
			}
		})
	}
}

func TestCreateFromFileStartsSessionsInFileOrder(t *testing.T) {
	srv := newMock(t)
	ids := []string{"s5", "s1", "s4", "s2", "s3"}
	rows := "session_id,action_type\n"
	for _, id := range ids {
		srv.Handler().AddSession(id)
		rows += id + ",ENTERED\n"
	}
	res := runCLI(t, "create", "--from-file", writeFile(t, "rows.csv", rows, 0o600), "--concurrency", "1")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var sent []string
	for _, r := range srv.Handler().Requests() {
		sent = append(sent, r.SessionID)
	}
	if strings.Join(sent, " ") != strings.Join(ids, " ") {
		t.Errorf("sent in the order %v, want the file's %v", sent, ids)
	}
}

func TestCreateFromFileProgressOnTerminal(t *testing.T) {
	newMock(t)
	path := writeFile(t, "rows.csv", "session_id,action_type\n1005,ENTERED\n", 0o600)
	res := runCLIWith(t, func(ios *IOStreams) { ios.SetStderrTTY(true) }, "create", "--from-file", path)
	if want := "\r\033[Krows 1/1\r\033[K1 of 1 rows created, 0 failed, 0 skipped\n"; res.stderr != want {
		t.Errorf("stderr %q, want %q", res.stderr, want)
	}
}

func TestCreateFromFileFormatFlag(t *testing.T) {
	srv := newMock(t, mockapi.WithClock(fixedClock))
	// JSONL that a script saved as .csv: the extension would say CSV.
	path := writeFile(t, "rows.csv", "# QA\n{\"session_id\":\"1002\",\"action_type\":\"LEFT\"}\n", 0o600)
	res := runCLI(t, "create", "-f", path, "--format", "JSONL", "--jq", resultLines)
	if res.code != 0 || res.stdout != "2 1002 created - \n" {
		t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	if n := srv.Handler().RequestCount("POST"); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
}
