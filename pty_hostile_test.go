//go:build linux || darwin

package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// hostileText would clear the screen, set the window title, write the
// clipboard, return the cursor and reverse the line, written raw.
const hostileText = "a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb"

// TestHostileServerOnATerminal runs the real binary on a pseudo-terminal
// against a server whose entries and error messages try to drive the
// terminal, and checks that none of it reaches the terminal raw.
func TestHostileServerOnATerminal(t *testing.T) {
	text, _ := json.Marshal(hostileText)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(`{"success":false,"message":` + string(text) + `,"data":{` + string(text) + `:[` + string(text) + `]},"statusCode":422}`))
			return
		}
		_, _ = w.Write([]byte(`{"success":true,"message":` + string(text) + `,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[` +
			`{"text":` + string(text) + `,"date":` + string(text) + `,"action_type":` + string(text) + `}]}}`))
	}))
	defer srv.Close()

	env := []string{"SESSIONLOG_BASE_URL=" + srv.URL + "/api", "SESSIONLOG_TOKEN=pty-test-token"}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"list table", []string{"list", "1", "--no-color"}, 0},
		{"summary table", []string{"summary", "1", "--no-color"}, 0},
		{"error message, field name and field message", []string{"create", "1", "ENTERED", "--no-color"}, 5},
		{"debug trace", []string{"list", "1", "--no-color", "--debug"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// --wide: the whole escaped text must show, not cut to the terminal.
			// --no-pager: the escapes of less are not the server's.
			shown, code := startOnTerminal(t, 80, env, append(tt.args, "--no-pager", "--wide")...)
			if code != tt.code || !strings.Contains(shown, `a\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\r\u202eb`) {
				t.Fatalf("exit %d (want %d), the terminal showed %q", code, tt.code, shown)
			}
			// The terminal turns \n into \r\n; a progress line is erased with \r ESC[K.
			rest := strings.NewReplacer("\r\n", "\n", "\r\x1b[K", "").Replace(shown)
			if raw := regexp.MustCompile("[\x1b\x07\r\u202e]").FindString(rest); raw != "" {
				t.Errorf("%q reached the terminal raw in %q", raw, shown)
			}
		})
	}
}
