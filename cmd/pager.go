package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

// defaultPager pages a terminal's output when neither SESSIONLOG_PAGER, the
// pager setting nor PAGER names a pager: it quits at once when the output
// fits on the screen (-F), shows colour (-R) and leaves the output on the
// screen when it quits (-X).
const defaultPager = "less -FRX"

// pagerCommand is the run's pager: SESSIONLOG_PAGER or the pager setting
// (environment before profile before file, as for every setting), else
// PAGER, else defaultPager. A variable set to "" counts, as in gh and git:
// SESSIONLOG_PAGER= turns paging off. "" or "cat" means no pager.
func pagerCommand(s *Settings) string {
	if s.sources[keyPager] != sourceDefault {
		return strings.TrimSpace(s.Pager)
	}
	for _, name := range []string{envName(keyPager), "PAGER"} {
		if v, ok := os.LookupEnv(name); ok {
			return strings.TrimSpace(v)
		}
	}
	return defaultPager
}

// shellMetaChars make a pager command run with sh -c, as git does; other
// commands ("less -FRX") are split on spaces and run directly, so that a
// pager that does not exist is found out before any output is sent to it.
const shellMetaChars = "|&;<>()$`\\\"'*?[#~=%"

// newPagerCmd returns the process of a pager command, ready to start.
func newPagerCmd(command string) (*exec.Cmd, error) {
	args := strings.Fields(command)
	if strings.ContainsAny(command, shellMetaChars) {
		args = []string{"sh", "-c", command}
	}
	if len(args) == 0 {
		return nil, errors.New("the pager command is empty")
	}
	path, err := exec.LookPath(args[0])
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Env = pagerEnv(os.Environ())
	return cmd, nil
}

// pagerEnv is the pager's environment: ours without PAGER, with the
// defaults gh gives less and lv when the user chose none (LESS=FRX, LV=-c).
func pagerEnv(env []string) []string {
	out := make([]string, 0, len(env)+2)
	var hasLess, hasLV bool
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "PAGER":
			continue
		case "LESS":
			hasLess = true
		case "LV":
			hasLV = true
		}
		out = append(out, kv)
	}
	if !hasLess {
		out = append(out, "LESS=FRX")
	}
	if !hasLV {
		out = append(out, "LV=-c")
	}
	return out
}

// pagerWriter is standard output while a pager runs: it starts the pager
// at the first write and feeds it everything written.
type pagerWriter struct {
	command     string
	out, errOut io.Writer // the terminal the pager writes to, and stderr
	warn        func(string)

	cmd    *exec.Cmd
	stdin  io.WriteCloser
	failed bool // the pager could not start: output goes to out
}

func (p *pagerWriter) Write(b []byte) (int, error) {
	if p.cmd == nil && !p.failed {
		p.start()
	}
	if p.failed {
		return p.out.Write(b)
	}
	n, err := p.stdin.Write(b)
	if err != nil && (errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed)) {
		return n, &pagerClosedError{err: err}
	}
	return n, err
}

// start runs the pager, or reports once that it cannot.
func (p *pagerWriter) start() {
	cmd, err := newPagerCmd(p.command)
	if err == nil {
		cmd.Stdout, cmd.Stderr = p.out, p.errOut
		p.stdin, err = cmd.StdinPipe()
	}
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		p.warn(fmt.Sprintf("cannot run the pager %q: %v; printing without it", p.command, err))
		p.failed = true
		return
	}
	p.cmd = cmd
}

// close ends the pager's input and waits until the user quits it. How the
// pager ended does not change the run's outcome, as in gh and git.
func (p *pagerWriter) close() {
	if p.cmd == nil {
		return
	}
	_ = p.stdin.Close()
	_ = p.cmd.Wait()
}

// pagerClosedError is a write to a pager that the user has quit (q before
// the end of the output): the run ends there, and it is not a failure.
type pagerClosedError struct{ err error }

func (e *pagerClosedError) Error() string { return "the pager was closed: " + e.err.Error() }
func (e *pagerClosedError) Unwrap() error { return e.err }

// pagerQuit reports whether err comes from writing to a pager the user quit.
func pagerQuit(err error) bool {
	var closed *pagerClosedError
	return errors.As(err, &closed)
}
