//go:build linux || darwin

package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// runOnTerminal runs the real binary on a pseudo-terminal cols columns
// wide, its stdin, stdout and stderr, and returns what the terminal showed,
// with the terminal's \r\n as \n and progress lines, which are erased, removed.
func runOnTerminal(t *testing.T, cols uint16, env []string, args ...string) string {
	t.Helper()
	out, code := startOnTerminal(t, cols, env, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d; the terminal showed:\n%s", args, code, out)
	}
	// A progress line is drawn with \r and erased with \r ESC[K: what stays
	// visible of a line is what follows its last \r.
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	for i, line := range lines {
		segments := strings.Split(line, "\r")
		lines[i] = strings.ReplaceAll(segments[len(segments)-1], "\x1b[K", "")
	}
	return strings.Join(lines, "\n")
}

// startOnTerminal runs the real binary on a pseudo-terminal cols columns
// wide (its stdin, stdout and stderr) in this process's environment without
// the variables that change its output, plus env, and returns every byte the
// terminal received and the exit code.
func startOnTerminal(t *testing.T, cols uint16, env []string, args ...string) (string, int) {
	t.Helper()
	bin, err := exec.LookPath("sessionlog") // put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	c := exec.Command(bin, args...)
	c.Env = append([]string{"XDG_CONFIG_HOME=" + t.TempDir(), "TERM=xterm-256color"}, env...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SESSIONLOG_") && !strings.HasPrefix(kv, "COLUMNS=") && !strings.HasPrefix(kv, "TERM=") &&
			!strings.HasPrefix(kv, "PAGER=") && !strings.HasPrefix(kv, "XDG_CONFIG_HOME=") && !strings.HasPrefix(kv, "NO_COLOR=") {
			c.Env = append(c.Env, kv)
		}
	}
	term, err := pty.StartWithSize(c, &pty.Winsize{Cols: cols, Rows: 50})
	if err != nil {
		t.Fatal(err)
	}
	defer term.Close()
	out, _ := io.ReadAll(term) // ends with EIO once the binary has exited
	if err := c.Wait(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			t.Fatal(err)
		}
		return string(out), exitErr.ExitCode()
	}
	return string(out), 0
}

// TestTablesFitTheTerminal runs the real binary on terminals 60 and 30
// columns wide: no line of the table is wider than the terminal, the
// description is cut with "…", and rows never wrap.
func TestTablesFitTheTerminal(t *testing.T) {
	tests := []struct {
		name string
		cols uint16
		env  []string
		args []string
		// paged runs without --no-pager.
		paged bool
		// want matches one line of the output; width is the widest allowed.
		want  string
		width int
	}{
		{"list at 60", 60, nil, []string{"list", "1004"}, false, `(?m)^2 +\d+:\d\d [AP]M +TEMPORARILY_LEFT +Customer temporarily le.*…$`, 60},
		{"list at 30", 30, nil, []string{"list", "1004"}, false, `(?m)^2 +\d+:\d\d [AP]M +TEMPORAR… +Cus…$`, 30},
		{"several sessions with gaps at 60", 60, nil, []string{"list", "1001", "1003", "--gaps"}, false, `(?m)^1003 +2 +10:07 AM +\+7m +CANCEL_REQUEST +Request to ca…$`, 60},
		{"summary at 60", 60, nil, []string{"summary", "1001", "1004"}, false, `(?m)^1004 +in progress +\d+h\d\dm +144 +\d+h\d\dm \(still away\)$`, 60},
		{"follow's streamed table at 30", 30, nil, []string{"list", "1001", "--follow"}, false, `(?m)^2 +2:41 PM +TEMPORA… +Cus…$`, 30},
		{"COLUMNS overrides the terminal's width", 60, []string{"COLUMNS=40"}, []string{"list", "1004"}, false, `(?m)^2 +\d+:\d\d [AP]M +TEMPORARIL… +Customer te…$`, 40},
		{"through a pager, the terminal's width counts", 60, []string{"SESSIONLOG_PAGER=cat -u"}, []string{"list", "1004"}, true, `(?m)^2 +\d+:\d\d [AP]M +TEMPORARILY_LEFT +Customer temporarily le.*…$`, 60},
		{"--wide shows everything", 30, nil, []string{"list", "1004", "--wide"}, false, `(?m)^2 +\d+:\d\d [AP]M +TEMPORARILY_LEFT +Customer temporarily left the session$`, 0},
		{"-o wide shows everything", 30, nil, []string{"list", "1004", "-o", "wide"}, false, `(?m)^2 +\d+:\d\d [AP]M +TEMPORARILY_LEFT +Customer temporarily left the session$`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--demo"}, tt.args...)
			args = append(args, "--no-color")
			if !tt.paged {
				args = append(args, "--no-pager")
			}
			shown := runOnTerminal(t, tt.cols, tt.env, args...)
			if !regexp.MustCompile(tt.want).MatchString(shown) {
				t.Errorf("no line matches %s; the terminal showed:\n%s", tt.want, shown)
			}
			if tt.width == 0 {
				return
			}
			for _, line := range strings.Split(shown, "\n") {
				if w := twwidth.Width(line); w > tt.width {
					t.Errorf("a line %d columns wide on a %d-column terminal: %q", w, tt.width, line)
				}
			}
		})
	}
}

// TestSummaryKeepsWhatMattersOnTerminal runs summary on a 60-column
// terminal, straight and through a pager: FIRST, ENTRIES and LAST are left
// out so that no line is wider than 60 and the statuses and the time away
// are whole, and the note saying so comes once, after the table.
func TestSummaryKeepsWhatMattersOnTerminal(t *testing.T) {
	const note = "FIRST, ENTRIES and LAST left out to fit; --wide shows all\n"
	for _, paged := range []bool{false, true} {
		args := []string{"--demo", "summary", "1001", "1002", "1003", "1004", "--no-color"}
		env := []string{"SESSIONLOG_PAGER=cat -u"}
		if !paged {
			args, env = append(args, "--no-pager"), nil
		}
		shown := runOnTerminal(t, 60, env, args...)
		for _, line := range strings.Split(shown, "\n") {
			if w := twwidth.Width(line); w > 60 {
				t.Errorf("paged %v: a line %d columns wide on a 60-column terminal: %q", paged, w, line)
			}
		}
		for _, want := range []string{
			"\nSESSION  STATUS       DURATION  AWAY  TIME AWAY\n",
			"\n1001     ended        35m       1     3m\n",
			"\n1003     cancelled    9m        0     0m\n",
		} {
			if !strings.Contains("\n"+shown, want) {
				t.Errorf("paged %v: no line %q; the terminal showed:\n%s", paged, want, shown)
			}
		}
		inProgress := regexp.MustCompile(`(?m)^1004     in progress  \d+h\d\dm +144   \d+h\d\dm \(still away\)$`)
		if !inProgress.MatchString(shown) || !strings.HasSuffix(shown, "\n"+note) || strings.Count(shown, note) != 1 {
			t.Errorf("paged %v: want 1004 in progress and still away, then the note %q once, last; the terminal showed:\n%s", paged, note, shown)
		}
	}
}

// TestArabicIsolatedOnTerminalOnly checks that on a terminal each cell with
// Arabic text is wrapped in U+2068 ... U+2069, and that piped output has
// none: it is the server's text, exactly.
func TestArabicIsolatedOnTerminalOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"success":true,"message":"ok","data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[` +
			`{"text":"دخل العميل الجلسة","date":"2:30 م","action_type":"ENTERED"}]}}`))
	}))
	defer srv.Close()
	env := []string{"SESSIONLOG_BASE_URL=" + srv.URL + "/api", "SESSIONLOG_TOKEN=pty-test-token"}

	shown := runOnTerminal(t, 60, env, "list", "1", "--no-pager", "--no-color")
	if want := "1  \u20682:30 م\u2069  ENTERED  \u2068دخل العميل الجلسة\u2069\n"; !strings.HasSuffix(shown, want) {
		t.Errorf("the terminal showed %q, want it to end with %q", shown, want)
	}

	c := exec.Command("sessionlog", "list", "1")
	c.Env = append(os.Environ(), env...)
	c.Env = append(c.Env, "XDG_CONFIG_HOME="+t.TempDir())
	piped, err := c.Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "#  TIME    ACTION   DESCRIPTION\n1  2:30 م  ENTERED  دخل العميل الجلسة\n"; string(piped) != want {
		t.Errorf("piped output %q, want %q", piped, want)
	}
}
