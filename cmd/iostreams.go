package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// IOStreams are the standard streams a command reads and writes, with what is
// known about whether each is a terminal. Commands never touch os.Stdout
// directly, so tests can run them in-process with TTY on or off.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	colorMode ColorMode
	// noColorEnv is true when NO_COLOR is set and not empty.
	noColorEnv bool
	// colorForcedEnv is true when CLICOLOR_FORCE is set and not "0".
	colorForcedEnv bool
	// dumbTerm is true when TERM is "dumb".
	dumbTerm bool

	// terminalSize reports the size of the terminal standard output is
	// on; columnsEnv is $COLUMNS, which overrides its width.
	terminalSize func() (width, height int, err error)
	columnsEnv   string

	// jsonMessages makes stderr messages JSON objects: SetJSONMessages.
	jsonMessages bool

	pagerCommand string
	// pager is the running pager, between StartPager and StopPager.
	pager *pagerWriter
	// finalNotices wait for the pager to quit: FinalNotice.
	finalNotices []string
}

// ColorMode says when output is coloured: --color auto|always|never.
type ColorMode string

// The colour modes.
const (
	ColorAuto   ColorMode = "auto"   // on a terminal, unless NO_COLOR; or when CLICOLOR_FORCE
	ColorAlways ColorMode = "always" // always, even when piped
	ColorNever  ColorMode = "never"  // never
)

// parseColorMode reads a --color value.
func parseColorMode(s string) (ColorMode, error) {
	switch m := ColorMode(s); m {
	case ColorAuto, ColorAlways, ColorNever:
		return m, nil
	}
	return "", fmt.Errorf("unknown colour mode %q: want auto, always or never", s)
}

// SystemIO returns the process's own streams.
func SystemIO() *IOStreams {
	force := os.Getenv("CLICOLOR_FORCE")
	stdoutTTY := term.IsTerminal(int(os.Stdout.Fd()))
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		stdoutTTY: stdoutTTY,
		// The progress line on stderr redraws itself with escape sequences.
		stderrTTY:      term.IsTerminal(int(os.Stderr.Fd())) && enableVirtualTerminal(os.Stderr),
		noColorEnv:     os.Getenv("NO_COLOR") != "", // the convention: set and not empty
		colorForcedEnv: force != "" && force != "0",
		// A console that cannot take escape sequences is as good as dumb.
		dumbTerm:     os.Getenv("TERM") == "dumb" || (stdoutTTY && !enableVirtualTerminal(os.Stdout)),
		terminalSize: func() (int, int, error) { return term.GetSize(int(os.Stdout.Fd())) },
		columnsEnv:   os.Getenv("COLUMNS"),
	}
}

// TestIO returns streams backed by buffers, none of them a terminal, in an
// environment that neither forbids nor forces colour.
func TestIO() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// SetStdinTTY overrides terminal detection for standard input.
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// IsStdoutTTY reports whether standard output is a terminal. It stays true
// while a pager shows the output, since the pager writes to the terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdoutTTY overrides terminal detection for standard output.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = tty }

// SetStderrTTY overrides terminal detection for standard error.
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = tty }

// SetColorEnv says whether the environment allows colour (NO_COLOR unset).
func (s *IOStreams) SetColorEnv(allowed bool) { s.noColorEnv = !allowed }

// SetColorForced says whether the environment forces colour (CLICOLOR_FORCE).
func (s *IOStreams) SetColorForced(forced bool) { s.colorForcedEnv = forced }

// SetColorMode sets the --color mode; the zero value is ColorAuto.
func (s *IOStreams) SetColorMode(m ColorMode) { s.colorMode = m }

// ColorEnabled reports whether standard output gets colour. --color always
// and never decide alone. In auto mode NO_COLOR turns colour off, then
// CLICOLOR_FORCE turns it on even when piped (so `| less -R` keeps it);
// otherwise standard output must be a terminal, and TERM not "dumb".
func (s *IOStreams) ColorEnabled() bool {
	switch {
	case s.colorMode == ColorAlways:
		return true
	case s.colorMode == ColorNever, s.noColorEnv:
		return false
	case s.colorForcedEnv:
		return true
	}
	return s.stdoutTTY && !s.dumbTerm
}

// defaultTerminalWidth is the width assumed for a terminal whose size
// cannot be read, as gh assumes.
const defaultTerminalWidth = 80

// TerminalWidth returns the width, in columns, of the terminal that
// standard output is on: $COLUMNS when it is a positive number, else the
// terminal's own width, else 80. It stays the terminal's width while a
// pager shows the output, since the pager writes to that terminal; callers
// check IsStdoutTTY before they fit output to it.
func (s *IOStreams) TerminalWidth() int {
	if n, err := strconv.Atoi(strings.TrimSpace(s.columnsEnv)); err == nil && n > 0 {
		return n
	}
	if s.terminalSize != nil {
		if w, _, err := s.terminalSize(); err == nil && w > 0 {
			return w
		}
	}
	return defaultTerminalWidth
}

// SetTerminalWidth makes TerminalWidth report width, as $COLUMNS does.
func (s *IOStreams) SetTerminalWidth(width int) { s.columnsEnv = strconv.Itoa(width) }

// SetPager sets the command that StartPager runs; "" or "cat" means none.
func (s *IOStreams) SetPager(command string) { s.pagerCommand = command }

// StartPager sends standard output through the pager, when there is one and
// standard output is a terminal. The pager process starts at the first
// write, so that a command that prints nothing (one that fails at once)
// does not open an empty pager; a pager that cannot be started is reported
// once on stderr and the output is written directly. StopPager must follow.
func (s *IOStreams) StartPager() {
	if s.pager != nil || !s.stdoutTTY || s.pagerCommand == "" || s.pagerCommand == "cat" {
		return
	}
	s.pager = &pagerWriter{command: s.pagerCommand, out: s.Out, errOut: s.ErrOut, warn: s.Warn}
	s.Out = s.pager
}

// StopPager ends the pager's input, waits for the user to quit it and
// gives standard output back. It does nothing when no pager was started.
func (s *IOStreams) StopPager() {
	if s.pager == nil {
		return
	}
	s.pager.close()
	s.Out = s.pager.out
	s.pager = nil
	for _, msg := range s.finalNotices {
		s.Notice(msg)
	}
	s.finalNotices = nil
}
