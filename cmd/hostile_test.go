package cmd

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// hostile is server text that would clear the screen, set the window title,
// write the clipboard, return the cursor and reverse what follows.
const hostile = "a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb"

// hostileShown is hostile as the human formats and messages show it.
const hostileShown = `a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb`

// hostileServer answers every request with server text that tries to drive
// the terminal: session 1's log has a hostile entry, session 2's log is a
// 500 and sessions 9... are not found, both with a hostile message, and
// every create is refused with a hostile message, field name and field
// message.
func hostileServer(t *testing.T) string {
	t.Helper()
	isolateEnv(t)
	text, _ := json.Marshal(hostile)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(`{"success":false,"message":` + string(text) + `,"data":{` + string(text) + `:[` + string(text) + `]},"statusCode":422}`))
		case strings.Contains(r.URL.Path, "/sessions/9"):
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"success":false,"message":` + string(text) + `,"statusCode":404}`))
		case strings.Contains(r.URL.Path, "/sessions/2/"):
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"success":false,"message":` + string(text) + `,"statusCode":500}`))
		default:
			_, _ = w.Write([]byte(`{"success":true,"message":` + string(text) + `,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[` +
				`{"text":` + string(text) + `,"date":"2:30 PM","action_type":"ENDED"}]}}`))
		}
	}))
	t.Cleanup(srv.Close)
	t.Setenv("SESSIONLOG_BASE_URL", srv.URL+"/api")
	t.Setenv("SESSIONLOG_TOKEN", "hostile-test-token")
	return srv.URL
}

// TestHostileServerText runs each command path that shows server text in a
// human format against a hostile server and checks the exact output: every
// control made visible, none reaching the terminal raw.
func TestHostileServerText(t *testing.T) {
	hostileServer(t)
	tests := []struct {
		name           string
		args           []string
		stdout, stderr string
		code           int
	}{
		{"list table", []string{"list", "1"},
			"#  TIME     ACTION  DESCRIPTION\n1  2:30 PM  ENDED   " + hostileShown + "\n", "", 0},
		{"summary table", []string{"summary", "1"},
			"SESSION  STATUS  ENTRIES  FIRST    LAST     DURATION  AWAY  TIME AWAY\n1        ended   1        2:30 PM  2:30 PM  0m        0     0m\n", "", 0},
		{"server error message", []string{"list", "2", "--retries", "0"}, "",
			"error: session \"2\": internal server error (HTTP 500)\n  server message: " + hostileShown + "\n", ExitUnavailable},
		{"validation message, field name and field message", []string{"create", "1", "ENTERED"}, "",
			"error: session \"1\": invalid data: " + hostileShown + ": " + hostileShown + " (HTTP 422)\n" +
				"  server message: " + hostileShown + "\n" +
				"  " + hostileShown + ": " + hostileShown + "\n", ExitRejected},
		{"session id echo", []string{"list", "9\u202e"}, "",
			"error: session \"9\\u202e\" not found (HTTP 404)\n  server message: " + hostileShown + "\n", ExitNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, tt.args...)
			if res.stdout != tt.stdout || res.stderr != tt.stderr || res.code != tt.code {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nwant exit %d\nstdout %q\nstderr %q", res.code, res.stdout, res.stderr, tt.code, tt.stdout, tt.stderr)
			}
			if raw := res.stdout + res.stderr; strings.ContainsAny(raw, "\x1b\x07\r\u202e") {
				t.Errorf("a raw control reached the output: %q", raw)
			}
		})
	}
}

// TestHostileDebugTrace checks that --debug shows hostile bodies escaped.
func TestHostileDebugTrace(t *testing.T) {
	hostileServer(t)
	res := runCLI(t, "list", "1", "--debug")
	if res.code != 0 || strings.ContainsAny(res.stderr, "\x1b\x07\r\u202e") {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	// The body is JSON, so the trace shows the server's own JSON escapes.
	if want := `"text":"a\u001b[2J\u001b]0;title\u0007\u001b]52;c;cHduZWQ=\u0007\r` + `\u202eb"`; !strings.Contains(res.stderr, want) {
		t.Errorf("trace lacks %s:\n%s", want, res.stderr)
	}
}

// TestHostileTextInJSONErrorStaysExact checks that the JSON error object
// carries the server's words exactly, escaped.
func TestHostileTextInJSONErrorStaysExact(t *testing.T) {
	hostileServer(t)
	res := runCLI(t, "create", "1", "ENTERED", "-o", "json")
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	var got struct {
		Error struct {
			ServerMessage string              `json:"server_message"`
			Fields        map[string][]string `json:"fields"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil {
		t.Fatalf("%v in %q", err, res.stderr)
	}
	if got.Error.ServerMessage != hostile || len(got.Error.Fields[hostile]) != 1 || got.Error.Fields[hostile][0] != hostile {
		t.Errorf("JSON error %+v", got.Error)
	}
}

// TestWarningsAreSanitised checks a warning that quotes a path holding a
// bidi override.
func TestWarningsAreSanitised(t *testing.T) {
	newMock(t)
	dir := t.TempDir() + "/x\u202e"
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := dir + "/config.yaml"
	if err := os.WriteFile(path, []byte("colour: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res := runCLI(t, "list", "1001", "--config", path)
	want := "warning: config file " + strings.ReplaceAll(path, "\u202e", `\u202e`) + ": unknown key \"colour\" is ignored; did you mean color?\n"
	if res.code != 0 || res.stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", res.code, res.stderr, want)
	}
}
