package cmd

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the standard streams a command reads and writes, with what is
// known about whether each is a terminal. Commands never touch os.Stdout
// directly, so tests can run them in-process with TTY on or off.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY bool
	stderrTTY bool
	// colorEnv is false when NO_COLOR is set or TERM is "dumb".
	colorEnv bool
}

// SystemIO returns the process's own streams.
func SystemIO() *IOStreams {
	noColor := os.Getenv("NO_COLOR") != "" // the convention: set and not empty
	stdoutTTY := term.IsTerminal(int(os.Stdout.Fd()))
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdoutTTY: stdoutTTY,
		// The progress line on stderr redraws itself with escape sequences.
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())) && enableVirtualTerminal(os.Stderr),
		colorEnv:  !noColor && os.Getenv("TERM") != "dumb" && (!stdoutTTY || enableVirtualTerminal(os.Stdout)),
	}
}

// TestIO returns streams backed by buffers, none of them a terminal.
func TestIO() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, colorEnv: true}, in, out, errOut
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdoutTTY overrides terminal detection for standard output.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = tty }

// SetStderrTTY overrides terminal detection for standard error.
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = tty }

// SetColorEnv says whether the environment allows colour (NO_COLOR unset).
func (s *IOStreams) SetColorEnv(allowed bool) { s.colorEnv = allowed }

// ColorEnabled reports whether coloured output suits standard output: a
// terminal, and colour not turned off by NO_COLOR or TERM=dumb.
func (s *IOStreams) ColorEnabled() bool { return s.stdoutTTY && s.colorEnv }
