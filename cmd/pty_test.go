//go:build unix

package cmd

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// runAsSessionlog names the environment variable that makes the test
// binary run sessionlog itself (see TestSessionlogProcess), with the
// arguments it holds, separated by newlines.
const runAsSessionlog = "SESSIONLOG_TEST_RUN_ARGS"

// TestSessionlogProcess is not a test: it is sessionlog's main, for the
// tests that run sessionlog as a process on a pseudo-terminal.
func TestSessionlogProcess(t *testing.T) {
	args, ok := os.LookupEnv(runAsSessionlog)
	if !ok {
		t.Skip("runs sessionlog for the pseudo-terminal tests")
	}
	os.Args = append([]string{"sessionlog"}, strings.Split(args, "\n")...)
	os.Exit(Execute())
}

// ptyRun runs sessionlog with stdin and stderr on a pseudo-terminal, and
// stdout on it too unless piped. It returns what the terminal showed and,
// when piped, what went down the pipe.
func ptyRun(t *testing.T, piped bool, args ...string) (terminal, pipe string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSessionlogProcess$")
	cmd.Env = append(os.Environ(), runAsSessionlog+"="+strings.Join(args, "\n"), "TERM=xterm")
	var pipeOut bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	if piped {
		cmd.Stdout = &pipeOut
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child holds the terminal now
	var screen bytes.Buffer
	copied := make(chan struct{})
	go func() {
		_, _ = io.Copy(&screen, ptmx) // ends with EIO once the child has gone
		close(copied)
	}()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("sessionlog %q: %v; terminal:\n%s", args, err, screen.String())
	}
	<-copied
	return screen.String(), pipeOut.String()
}

// TestTerminalPagerAndColor runs the real command on a pseudo-terminal:
// the pager gets the coloured output on a terminal, and is not run when
// stdout is piped, where colour is off unless CLICOLOR_FORCE asks for it.
func TestTerminalPagerAndColor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs sessionlog as a process")
	}
	isolateEnv(t)
	command, file := fakePager(t)
	t.Setenv("SESSIONLOG_PAGER", command)
	args := []string{"--demo", "list", "1001"}
	const coloured = "\x1b[32mENTERED\x1b[0m"

	screen, _ := ptyRun(t, false, args...)
	paged := readPaged(t, file)
	if !strings.Contains(paged, coloured) || strings.Count(paged, "\n") != 6 {
		t.Errorf("on a terminal, the pager received:\n%q\nwant the coloured table", paged)
	}
	if strings.Contains(screen, "ENTERED") {
		t.Errorf("on a terminal, the table bypassed the pager:\n%q", screen)
	}

	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	screen, pipe := ptyRun(t, true, args...)
	if got := readPaged(t, file); got != "(no pager)" {
		t.Errorf("piped, the pager ran and received %q", got)
	}
	if strings.Contains(pipe, "\x1b[") || strings.Count(pipe, "ENTERED") != 2 || screen != "" {
		t.Errorf("piped: stdout %q, terminal %q; want the plain table and nothing on the terminal", pipe, screen)
	}

	t.Setenv("CLICOLOR_FORCE", "1")
	if _, pipe := ptyRun(t, true, args...); !strings.Contains(pipe, coloured) {
		t.Errorf("piped with CLICOLOR_FORCE=1: %q, want colour", pipe)
	}
	t.Setenv("CLICOLOR_FORCE", "")
	t.Setenv("NO_COLOR", "1")
	if screen, _ := ptyRun(t, false, append(args, "--no-pager")...); strings.Contains(screen, "\x1b[") || !strings.Contains(screen, "ENTERED") {
		t.Errorf("on a terminal with NO_COLOR: %q, want the plain table", screen)
	}
}
