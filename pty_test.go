//go:build linux || darwin

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// eventLimit bounds the wait for what a working run surely does.
const eventLimit = 30 * time.Second

// ptyOutput collects what the program writes to its terminal.
type ptyOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *ptyOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *ptyOutput) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// TestCreateFromTerminalEndsOnInterrupt runs `sessionlog create -f -` on a
// real terminal, waits for its hint, then presses Ctrl-C (or sends
// SIGTERM): the run must end at once with exit 130, without Ctrl-D.
func TestCreateFromTerminalEndsOnInterrupt(t *testing.T) {
	tests := []struct {
		name      string
		interrupt func(c *exec.Cmd, tty *os.File) error
	}{
		{"Ctrl-C", func(_ *exec.Cmd, tty *os.File) error { _, err := tty.Write([]byte{3}); return err }},
		{"SIGTERM", func(c *exec.Cmd, _ *os.File) error { return c.Process.Signal(syscall.SIGTERM) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exec.Command("sessionlog", "create", "-f", "-")
			c.Env = append(os.Environ(), "SESSIONLOG_BASE_URL=http://127.0.0.1:9/api",
				"SESSIONLOG_TOKEN=t", "XDG_CONFIG_HOME="+t.TempDir())
			tty, err := pty.Start(c) // the terminal is its stdin, stdout, stderr and controlling terminal
			if err != nil {
				t.Fatal(err)
			}
			defer tty.Close()
			out := &ptyOutput{}
			copied := make(chan struct{})
			go func() {
				defer close(copied)
				_, _ = out.copyFrom(tty)
			}()
			const hint = "reading rows from standard input; end with Ctrl-D"
			for deadline := time.Now().Add(eventLimit); !strings.Contains(out.String(), hint); time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					_ = c.Process.Kill()
					t.Fatalf("no hint on the terminal; it shows:\n%s", out)
				}
			}
			if err := tt.interrupt(c, tty); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- c.Wait() }()
			select {
			case err = <-exited:
			case <-time.After(eventLimit):
				_ = c.Process.Kill()
				t.Fatalf("still reading standard input after %s; the terminal shows:\n%s", tt.name, out)
			}
			var exitErr *exec.ExitError
			if !errors.As(err, &exitErr) || exitErr.ExitCode() != 130 {
				t.Errorf("ended with %v, want exit 130; the terminal shows:\n%s", err, out)
			}
			<-copied
			if got := out.String(); strings.Count(got, hint) != 1 || !strings.Contains(got, "error: interrupted") {
				t.Errorf("the terminal shows:\n%s\nwant the hint once, then \"error: interrupted\"", got)
			}
		})
	}
}

// copyFrom copies r into o until r ends (a terminal whose program exited).
func (o *ptyOutput) copyFrom(r *os.File) (int64, error) {
	buf := make([]byte, 4096)
	var total int64
	for {
		n, err := r.Read(buf)
		_, _ = o.Write(buf[:n])
		total += int64(n)
		if err != nil {
			return total, err
		}
	}
}
