package cmd

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// fixtureIDs are the sessions of the default fixture.
var fixtureIDs = []string{"1001", "1002", "1003", "1004", "1005"}

// storedState is every fixture session's stored action types, by id.
func storedState(t *testing.T, srv *mockapi.Server) map[string]string {
	t.Helper()
	state := map[string]string{}
	for _, id := range fixtureIDs {
		state[id] = storedActions(t, srv, id)
	}
	return state
}

// assertUnchanged fails unless the mock stores what it stored before, and
// received no POST.
func assertUnchanged(t *testing.T, srv *mockapi.Server, before map[string]string) {
	t.Helper()
	if n := srv.Handler().RequestCount(http.MethodPost); n != 0 {
		t.Errorf("%d POSTs, want none", n)
	}
	for id, want := range before {
		if got := storedActions(t, srv, id); got != want {
			t.Errorf("session %s now stores %q, want %q", id, got, want)
		}
	}
	if _, ok := srv.Handler().Entries("999"); ok {
		t.Error("session 999 was created")
	}
}

// getsBySession counts the GETs the mock received for each session.
func getsBySession(srv *mockapi.Server) map[string]int {
	gets := map[string]int{}
	for _, r := range srv.Handler().Requests() {
		if r.Method == http.MethodGet {
			gets[r.SessionID]++
		}
	}
	return gets
}

// resultLines is a --jq program that prints a result per line: line,
// session, status, error kind and error message.
const resultLines = `.[] | "\(.line) \(.session_id) \(.status) \(.error.kind // "-") \(.error.message // "")"`

func TestCreateDryRunChecksSessionsOnTheServer(t *testing.T) {
	srv := newMock(t)
	before := storedState(t, srv)
	// No extension: JSONL by its first row, after the comment.
	path := writeFile(t, "scenario", `# every kind of session
{"session_id":"1002","action_type":"LEFT"}
{"session_id":"1002","action_type":"ENDED"}
{"session_id":"999","action_type":"ENTERED"}
{"session_id":"1002","action_type":"ENTERED"}
{"session_id":"1001","action_type":"ENTERED"}
{"session_id":"1003","action_type":"LEFT"}
{"session_id":"1004","action_type":"ENTERED"}
{"session_id":"1005","action_type":"ENTERED"}
`, 0o600)
	res := runCLI(t, "create", "-f", path, "--dry-run", "--jq", resultLines)
	want := `2 1002 would_create - 
3 1002 would_create - 
4 999 would_fail not_found session "999" not found (HTTP 404)
5 1002 would_fail session_ended session "1002": the session has already ended (ended by line 3); no more log entries can be recorded
6 1001 would_fail session_ended session "1001": the session has already ended (ended at 3:05 PM); no more log entries can be recorded
7 1003 would_fail session_ended session "1003": the session has already ended (cancelled at 10:09 AM); no more log entries can be recorded
8 1004 would_create - 
9 1005 would_create - 
`
	if res.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", res.stdout, want)
	}
	if res.code != ExitNotFound {
		t.Errorf("exit %d, want %d (the first row that would fail: not found)", res.code, ExitNotFound)
	}
	if want := `{"warning":{"message":"dry run: 4 of 8 rows would be sent, 4 would fail; nothing was sent"}}` + "\n"; res.stderr != want {
		t.Errorf("stderr %q, want %q", res.stderr, want)
	}
	// One GET per session, two for 1004: its 350 entries take four pages
	// of 100, and its last two entries are on the fourth.
	gets := getsBySession(srv)
	wantGets := map[string]int{"1001": 1, "1002": 1, "1003": 1, "1004": 2, "1005": 1, "999": 1}
	if len(gets) != len(wantGets) {
		t.Errorf("GETs by session %v, want %v", gets, wantGets)
	}
	for id, n := range wantGets {
		if gets[id] != n {
			t.Errorf("session %s: %d GETs, want %d (all: %v)", id, gets[id], n, gets)
		}
	}
	assertUnchanged(t, srv, before)
}

func TestCreateDryRunCommandLine(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"create", "1002", "left", "ended", "temporarily_left", "--dry-run", "-o", "csv", "--no-headers"}, ExitRejected,
			",1002,LEFT,would_create,,,\r\n,1002,ENDED,would_create,,,\r\n" +
				",1002,TEMPORARILY_LEFT,would_fail,,,\"session \"\"1002\"\": the session has already ended (ended by the ENDED before it); no more log entries can be recorded\"\r\n",
			"dry run: 2 of 3 rows would be sent, 1 would fail; nothing was sent\n"},
		{[]string{"create", "1001", "ENTERED", "--dry-run=server", "--jq", resultLines}, ExitRejected,
			"null 1001 would_fail session_ended session \"1001\": the session has already ended (ended at 3:05 PM); no more log entries can be recorded\n",
			`{"warning":{"message":"dry run: 0 of 1 rows would be sent, 1 would fail; nothing was sent"}}` + "\n"},
		{[]string{"create", "#999", "ENTERED", "--dry-run", "--jq", resultLines}, ExitNotFound,
			"null 999 would_fail not_found session \"999\" not found (HTTP 404)\n",
			`{"warning":{"message":"dry run: 0 of 1 rows would be sent, 1 would fail; nothing was sent"}}` + "\n"},
		{[]string{"create", "1005", "ENTERED", "--dry-run", "--jq", resultLines}, ExitOK,
			"null 1005 would_create - \n",
			`{"warning":{"message":"dry run: 1 of 1 rows would be sent; nothing was sent"}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			srv := newMock(t)
			before := storedState(t, srv)
			res := runCLI(t, tt.args...)
			if res.code != tt.code || res.stdout != tt.stdout || res.stderr != tt.stderr {
				t.Errorf("exit %d, stdout:\n%q\nstderr %q\nwant exit %d, stdout:\n%q\nstderr %q",
					res.code, res.stdout, res.stderr, tt.code, tt.stdout, tt.stderr)
			}
			if n := srv.Handler().RequestCount(http.MethodGet); n != 1 {
				t.Errorf("%d GETs, want 1", n)
			}
			assertUnchanged(t, srv, before)
		})
	}
}

func TestCreateDryRunClientSendsNoRequest(t *testing.T) {
	srv := newMock(t)
	res := runCLI(t, "create", "999", "ENTERED", "--dry-run=client", "--jq", resultLines)
	if res.code != 0 || res.stdout != "null 999 would_create - \n" {
		t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	if n := srv.Handler().RequestCount(""); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

func TestCreateDryRunRowsThatCannotBeChecked(t *testing.T) {
	srv := newMock(t)
	srv.Handler().AddFaults(faults.Rule{Method: http.MethodGet, Target: "/1002/", Fault: faults.Status(http.StatusServiceUnavailable, nil, "")})
	before := storedState(t, srv)
	path := writeFile(t, "rows.csv", "session_id,action_type\n1005,ENTERED\n1002,LEFT\n1002,ENTERED\n", 0o600)
	res := runCLI(t, "create", "-f", path, "--dry-run", "--retries", "0", "--jq", resultLines)
	want := "2 1005 would_create - \n3 1002 failed server session \"1002\": the service is unavailable; the reply body is empty (HTTP 503)\n4 1002 failed server session \"1002\": the service is unavailable; the reply body is empty (HTTP 503)\n"
	if res.code != ExitUnavailable || res.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant exit %d, stdout:\n%s", res.code, res.stdout, ExitUnavailable, want)
	}
	if want := `{"warning":{"message":"dry run: 1 of 3 rows would be sent, 2 could not be checked; nothing was sent"}}` + "\n"; res.stderr != want {
		t.Errorf("stderr %q, want %q", res.stderr, want)
	}
	if gets := getsBySession(srv); gets["1002"] != 1 || gets["1005"] != 1 {
		t.Errorf("GETs by session %v, want one each", gets)
	}
	assertUnchanged(t, srv, before)
}

func TestCreateDryRunChecksSessionsConcurrently(t *testing.T) {
	isolateEnv(t)
	mock := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()), mockapi.WithBasePath("/api"))
	// Every GET waits until release: the run gets on only if it sends the
	// first two at once.
	arrived := make(chan string, 8)
	release := make(chan struct{})
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		arrived <- r.URL.Path
		select {
		case <-release:
		case <-r.Context().Done():
		}
		inFlight.Add(-1)
		mock.ServeHTTP(w, r)
	}))
	defer srv.Close()
	t.Setenv("SESSIONLOG_BASE_URL", srv.URL+"/api")

	path := writeFile(t, "rows.csv", "session_id,action_type\n1001,LEFT\n1002,LEFT\n1003,LEFT\n", 0o600)
	done := make(chan cliResult, 1)
	go func() {
		done <- runCLI(t, "create", "-f", path, "--dry-run", "--concurrency", "2", "--jq", resultLines)
	}()
	for range 2 {
		select {
		case <-arrived:
		case <-time.After(eventLimit):
			close(release)
			t.Fatal("the first two sessions were not checked at once")
		}
	}
	close(release)
	var res cliResult
	select {
	case res = <-done:
	case <-time.After(eventLimit):
		t.Fatal("the dry run did not end")
	}
	if p := peak.Load(); p > 2 {
		t.Errorf("%d GETs in flight at once, want at most --concurrency 2", p)
	}
	want := "2 1001 would_fail session_ended session \"1001\": the session has already ended (ended at 3:05 PM); no more log entries can be recorded\n" +
		"3 1002 would_create - \n" +
		"4 1003 would_fail session_ended session \"1003\": the session has already ended (cancelled at 10:09 AM); no more log entries can be recorded\n"
	if res.code != ExitRejected || res.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr %s", res.code, res.stdout, want, res.stderr)
	}
	if n, gets := mock.RequestCount(""), mock.RequestCount(http.MethodGet); n != 3 || gets != 3 {
		t.Errorf("%d requests, %d GETs; want 3 GETs only", n, gets)
	}
}

func TestCreateDryRunAndFormatUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // stderr's first line
	}{
		{[]string{"create", "1002", "LEFT", "--dry-run", "client"},
			`error: "client" after --dry-run is read as an argument; write --dry-run=client`},
		{[]string{"create", "-f", "FILE", "--dry-run", "server"},
			`error: "server" after --dry-run is read as an argument; write --dry-run=server`},
		{[]string{"create", "1002", "LEFT", "--dry-run=offline"},
			`error: invalid argument "offline" for "--dry-run" flag: "offline" is not server or client`},
		{[]string{"create", "1002", "LEFT", "--format", "csv"},
			`error: --format is the format of --from-file: give it with --from-file`},
		{[]string{"create", "-f", "FILE", "--format", "xml"},
			`error: --format "xml": the formats are jsonl and csv`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			srv := newMock(t)
			path := writeFile(t, "rows.csv", "session_id,action_type\n1002,LEFT\n", 0o600)
			args := append([]string(nil), tt.args...)
			for i := range args {
				args[i] = strings.ReplaceAll(args[i], "FILE", path)
			}
			res := runCLI(t, args...)
			if first, _, _ := strings.Cut(res.stderr, "\n"); res.code != ExitUsage || first != tt.want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, first line:\n%s", res.code, res.stderr, ExitUsage, tt.want)
			}
			if n := srv.Handler().RequestCount(""); n != 0 {
				t.Errorf("%d requests, want none", n)
			}
		})
	}
}

func TestCompleteDryRunAndFormat(t *testing.T) {
	isolateEnv(t)
	for _, args := range [][]string{{"create", "1001", "ENTERED", "--dry-run="}, {"create", "-f", "rows.txt", "--format", ""}} {
		got, directive := complete(t, args...)
		want := map[string]string{"--dry-run=": "server client", "": "jsonl csv"}[args[len(args)-1]]
		if strings.Join(got, " ") != want || directive != ":4" {
			t.Errorf("%q: got %q %s, want %q :4 (no file completion)", args, got, directive, want)
		}
	}
}

func TestCreateDryRunWithoutABaseURL(t *testing.T) {
	isolateEnv(t)
	res := runCLI(t, "create", "1002", "LEFT", "--dry-run")
	if res.code != ExitUsage || !strings.HasSuffix(res.stderr, "; --dry-run=client checks the rows without the server\n") {
		t.Errorf("--dry-run: exit %d, stderr %q", res.code, res.stderr)
	}
	res = runCLI(t, "create", "1002", "LEFT", "--dry-run=client", "--jq", resultLines)
	if res.code != 0 || res.stdout != "null 1002 would_create - \n" {
		t.Errorf("--dry-run=client: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
}
