//go:build unix

package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestPagerReceivesTheOutput(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"list table", []string{"list", "1001", "1004"}},
		{"list with a failure", []string{"list", "1001", "999", "1003"}},
		{"list json", []string{"list", "1001", "-o", "json"}},
		{"summary", []string{"summary", "1001", "1002", "1003"}},
		{"create", []string{"create", "1005", "ENTERED", "LEFT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			want := runCLIWith(t, stdoutTTY, append(tt.args, "--no-pager")...)
			newMock(t) // a fresh mock: create changes it
			command, file := fakePager(t)
			t.Setenv("SESSIONLOG_PAGER", command)
			res := runCLIWith(t, stdoutTTY, tt.args...)
			// The error of a failed session is on stderr, not in the pager.
			if res.code != want.code || res.stdout != "" || res.stderr != want.stderr {
				t.Fatalf("exit %d, stdout %q, stderr %q (without pager: exit %d, stderr %q)", res.code, res.stdout, res.stderr, want.code, want.stderr)
			}
			if !strings.Contains(want.stdout, "\x1b[") && tt.name != "list json" {
				t.Errorf("no colour on a terminal:\n%s", want.stdout)
			}
			if got := readPaged(t, file); got != want.stdout {
				t.Errorf("the pager received:\n%s\nwant exactly:\n%s", got, want.stdout)
			}
		})
	}
}

func TestPagerChoice(t *testing.T) {
	command, _ := fakePager(t)
	tests := []struct {
		name   string
		env    map[string]string
		config string
		want   string
	}{
		{"default", nil, "", defaultPager},
		{"PAGER", map[string]string{"PAGER": "more"}, "", "more"},
		{"setting over PAGER", map[string]string{"PAGER": "more"}, "pager: most -s\n", "most -s"},
		{"SESSIONLOG_PAGER over setting", map[string]string{"SESSIONLOG_PAGER": command, "PAGER": "more"}, "pager: most\n", command},
		{"profile", nil, "default_profile: p\nprofiles:\n  p:\n    pager: lv\n", "lv"},
		{"empty setting turns it off", map[string]string{"PAGER": "more"}, "pager: \"\"\n", ""},
		{"empty SESSIONLOG_PAGER turns it off", map[string]string{"SESSIONLOG_PAGER": "", "PAGER": "more"}, "", ""},
		{"empty PAGER turns it off", map[string]string{"PAGER": ""}, "", ""},
		{"cat", nil, "pager: cat\n", "cat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			os.Unsetenv("PAGER")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			if tt.config != "" {
				t.Setenv("SESSIONLOG_CONFIG", writeFile(t, "config.yaml", tt.config, 0o600))
			}
			f := NewFactory(nil, "test")
			ios, _, _, _ := TestIO()
			f.IOStreams = ios
			s, err := f.Settings()
			if err != nil {
				t.Fatal(err)
			}
			if got := pagerCommand(s); got != tt.want {
				t.Errorf("pager %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoPager(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(*IOStreams)
		args   []string
		config string
	}{
		{"piped", func(*IOStreams) {}, []string{"list", "1001"}, ""},
		{"--no-pager", stdoutTTY, []string{"list", "1001", "--no-pager"}, ""},
		{"--follow", stdoutTTY, []string{"list", "1001", "--follow"}, ""},
		{"pager: cat", stdoutTTY, []string{"list", "1001"}, "pager: cat\n"},
		{"pager: empty", stdoutTTY, []string{"summary", "1001"}, "pager: ''\n"},
		{"config view", stdoutTTY, []string{"config", "view"}, ""},
		{"completion", stdoutTTY, []string{"completion", "bash"}, ""},
		{"actions", stdoutTTY, []string{"actions"}, ""},
		{"help", stdoutTTY, []string{"list", "--help"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			command, file := fakePager(t)
			t.Setenv("PAGER", command)
			if tt.config != "" {
				t.Setenv("SESSIONLOG_CONFIG", writeFile(t, "config.yaml", tt.config, 0o600))
			}
			res := runCLIWith(t, tt.setup, tt.args...)
			if res.code != 0 || res.stdout == "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
			}
			if got := readPaged(t, file); got != "(no pager)" {
				t.Errorf("the pager ran and received %q", got)
			}
		})
	}
}

// TestOnlyDataCommandsArePaged: mock, completion, config and the others
// never start the pager.
func TestOnlyDataCommandsArePaged(t *testing.T) {
	ios, _, _, _ := TestIO()
	var paged []string
	for _, c := range NewRootCmd(NewFactory(ios, "test")).Commands() {
		if c.Annotations[terminalOutputAnnotation] != "" {
			paged = append(paged, c.Name())
		}
	}
	if want := []string{"create", "list", "summary"}; !slices.Equal(paged, want) {
		t.Errorf("paged commands %q, want %q", paged, want)
	}
}

func TestPagerThatCannotStart(t *testing.T) {
	newMock(t)
	want := runCLIWith(t, stdoutTTY, "list", "1001", "--no-pager")
	t.Setenv("SESSIONLOG_PAGER", "no-such-pager-7f3a -R")
	res := runCLIWith(t, stdoutTTY, "list", "1001")
	wantErr := `warning: cannot run the pager "no-such-pager-7f3a -R": exec: "no-such-pager-7f3a": executable file not found in $PATH; printing without it` + "\n"
	if res.code != 0 || res.stdout != want.stdout || res.stderr != wantErr {
		t.Errorf("exit %d, stdout:\n%s\nstderr %q\nwant the plain output and stderr %q", res.code, res.stdout, res.stderr, wantErr)
	}
}

// TestPagerQuitEarly quits the pager after 100 bytes of output far larger
// than a pipe holds, so that the writes after it fail with EPIPE: the run
// still exits 0 without a message.
func TestPagerQuitEarly(t *testing.T) {
	newMock(t)
	args := []string{"list", "1004", "1004", "1004", "1004", "-o", "json"}
	want := runCLIWith(t, stdoutTTY, append(args, "--no-pager")...)
	if len(want.stdout) < 128<<10 {
		t.Fatalf("the output is %d bytes, too short to fill a pipe", len(want.stdout))
	}
	t.Setenv("SESSIONLOG_PAGER", "head -c 100")
	res := runCLIWith(t, stdoutTTY, args...)
	if res.code != 0 || res.stderr != "" || res.stdout != want.stdout[:100] {
		t.Errorf("exit %d, stderr %q, stdout %q; want exit 0, no message, %q", res.code, res.stderr, res.stdout, want.stdout[:100])
	}
}

// TestPagerWriteAfterQuit checks the error a write gets once the pager
// has closed its input: a pagerClosedError wrapping EPIPE.
func TestPagerWriteAfterQuit(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "closed")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no fifo:", err)
	}
	ios, _, out, errOut := TestIO()
	ios.SetStdoutTTY(true)
	// The pager closes its input, then says so through the fifo.
	ios.SetPager("exec 0<&-; echo closed > '" + fifo + "'")
	ios.StartPager()
	if _, err := ios.Out.Write([]byte("first\n")); err != nil && !pagerQuit(err) {
		t.Fatalf("first write: %v", err)
	}
	if b, err := os.ReadFile(fifo); err != nil || string(b) != "closed\n" {
		t.Fatalf("fifo: %q, %v", b, err)
	}
	_, err := ios.Out.Write([]byte("second\n"))
	if !pagerQuit(err) || !errors.Is(err, syscall.EPIPE) {
		t.Errorf("write after the pager quit: %v, want a pagerClosedError wrapping EPIPE", err)
	}
	ios.StopPager()
	if ios.Out != out || out.Len() != 0 || errOut.Len() != 0 {
		t.Errorf("after StopPager: stdout restored %v, stdout %q, stderr %q", ios.Out == out, out, errOut)
	}
}

func TestPagerEnv(t *testing.T) {
	tests := []struct {
		env, want []string
	}{
		{[]string{"HOME=/h", "PAGER=more"}, []string{"HOME=/h", "LESS=FRX", "LV=-c"}},
		{[]string{"LESS=-S", "LV=-a"}, []string{"LESS=-S", "LV=-a"}},
		{[]string{"LESS="}, []string{"LESS=", "LV=-c"}},
	}
	for _, tt := range tests {
		if got := pagerEnv(tt.env); !slices.Equal(got, tt.want) {
			t.Errorf("pagerEnv(%q) = %q, want %q", tt.env, got, tt.want)
		}
	}
}
