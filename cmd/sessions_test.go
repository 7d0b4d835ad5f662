package cmd

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSessionIDs(t *testing.T) {
	tests := []struct {
		args    []string
		want    []string
		wantErr string
	}{
		{[]string{"1001"}, []string{"1001"}, ""},
		{[]string{" 1001 "}, []string{"1001"}, ""},
		{[]string{"#1001"}, []string{"1001"}, ""},
		{[]string{" #1001\t"}, []string{"1001"}, ""},
		{[]string{"1001,1002"}, []string{"1001", "1002"}, ""},
		{[]string{"1001, 1002"}, []string{"1001", "1002"}, ""},
		{[]string{"#1001, #1002,"}, []string{"1001", "1002"}, ""},
		{[]string{"1001", "1002,1003"}, []string{"1001", "1002", "1003"}, ""},
		{[]string{"two words"}, []string{"two words"}, ""},
		{[]string{""}, nil, `invalid session id "": it is empty`},
		{[]string{"  "}, nil, `invalid session id "  ": it is blank`},
		{[]string{","}, nil, `"," names no session id`},
		{[]string{"#"}, nil, `"#" names no session id`},
		{[]string{"1001,.."}, nil, `invalid session id "..": it is not allowed`},
		{[]string{"1001", "a\x1bb"}, nil, `invalid session id "a\x1bb": it contains the control character U+001B at byte 1`},
	}
	for _, tt := range tests {
		got, err := parseSessionIDs(tt.args)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr || ExitCode(err) != ExitUsage {
				t.Errorf("parseSessionIDs(%q) = %q, %v (exit %d), want error %q", tt.args, got, err, ExitCode(err), tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("parseSessionIDs(%q) = %q, %v, want %q", tt.args, got, err, tt.want)
		}
	}
}

func TestCommandsTakePastedSessionIDs(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		plainArgs []string // the same command with the ids as typed by hand
	}{
		{"list spaces", []string{"list", " 1001 "}, []string{"list", "1001"}},
		{"list hash", []string{"list", "#1001"}, []string{"list", "1001"}},
		{"list comma", []string{"list", "1001,1003"}, []string{"list", "1001", "1003"}},
		{"list comma space", []string{"list", "1001, 1003", "-o", "csv"}, []string{"list", "1001", "1003", "-o", "csv"}},
		{"summary comma", []string{"summary", "#1001, #1003"}, []string{"summary", "1001", "1003"}},
		{"summary spaces", []string{"summary", " 1001", "1003 "}, []string{"summary", "1001", "1003"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			want := runCLI(t, tt.plainArgs...)
			got := runCLI(t, tt.args...)
			if got.code != 0 || want.code != 0 || got.stdout != want.stdout || got.stderr != want.stderr {
				t.Errorf("%q: exit %d, stdout\n%s\nstderr %q\nwant (as %q) exit %d, stdout\n%s\nstderr %q",
					tt.args, got.code, got.stdout, got.stderr, tt.plainArgs, want.code, want.stdout, want.stderr)
			}
		})
	}
}

func TestCreateTakesOnePastedSessionID(t *testing.T) {
	for _, id := range []string{" 1005 ", "#1005", " #1005"} {
		t.Run(id, func(t *testing.T) {
			srv := newMock(t)
			res := runCLI(t, "create", id, "ENTERED", "-o", "json")
			if res.code != 0 || !strings.Contains(res.stdout, `"session_id": "1005"`) {
				t.Fatalf("exit %d, stdout %s, stderr %s", res.code, res.stdout, res.stderr)
			}
			entries, _ := srv.Handler().Entries("1005")
			if len(entries) != 1 || entries[0].ActionType != "ENTERED" {
				t.Errorf("session 1005 holds %v, want one ENTERED", entries)
			}
		})
	}
	t.Run("two ids", func(t *testing.T) {
		srv := newMock(t)
		res := runCLI(t, "create", "1005, 1002", "ENTERED")
		want := "error: \"1005, 1002\" names 2 sessions; this command takes one session id\n"
		if res.code != ExitUsage || !strings.HasPrefix(res.stderr, want) {
			t.Errorf("exit %d, stderr %q, want exit 2 and %q", res.code, res.stderr, want)
		}
		if n := srv.Handler().RequestCount("POST"); n != 0 {
			t.Errorf("%d POSTs sent, want none", n)
		}
	})
}

// TestMessagesQuoteSessionIDs checks that every message naming a session
// quotes its id, so that a space or an invisible character shows.
func TestMessagesQuoteSessionIDs(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"not found", []string{"list", "1001 x"}, ExitNotFound, "error: session \"1001 x\" not found (HTTP 404)\n"},
		{"empty", []string{"list", "1005"}, 0, "session \"1005\": no log entries yet\n"},
		{"ended", []string{"create", "1001", "ENTERED"}, ExitRejected, "error: session \"1001\": the session has already ended"},
		{"bidi override", []string{"summary", "x\u202ey"}, ExitNotFound, "error: session \"x\\u202ey\" not found (HTTP 404)\n"},
		{"invalid", []string{"summary", "1001", "x\ty"}, ExitUsage, "error: invalid session id \"x\\ty\": it contains the control character U+0009 at byte 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			res := runCLI(t, tt.args...)
			if res.code != tt.wantCode || !strings.HasPrefix(res.stderr, tt.wantStderr) {
				t.Errorf("exit %d, stderr %q; want exit %d, stderr starting %q", res.code, res.stderr, tt.wantCode, tt.wantStderr)
			}
		})
	}
}

func TestIDInList(t *testing.T) {
	tests := []struct{ id, want string }{
		{"999", "999"},
		{"abc-1_2.3", "abc-1_2.3"},
		{"١٠٠١", "١٠٠١"},
		{"1001 x", `"1001 x"`},
		{"10,01", `"10,01"`},
		{"a\x1b[2J", `"a\x1b[2J"`},
	}
	for _, tt := range tests {
		if got := idInList(tt.id); got != tt.want {
			t.Errorf("idInList(%q) = %s, want %s", tt.id, got, tt.want)
		}
	}
}

// TestSeveralFailuresSummedUp checks the last line with two failed
// sessions, each with its error kind in words.
func TestSeveralFailuresSummedUp(t *testing.T) {
	newMock(t)
	res := runCLI(t, "list", "1001", "999", "1003", "x y")
	lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
	if want := `2 of 4 sessions failed: 999 (not found), "x y" (not found)`; res.code != ExitNotFound || lines[len(lines)-1] != want {
		t.Errorf("exit %d, stderr:\n%s\nwant its last line %q", res.code, res.stderr, want)
	}
}
