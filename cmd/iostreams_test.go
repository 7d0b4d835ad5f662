package cmd

import (
	"strings"
	"testing"
)

func TestSystemIOColor(t *testing.T) {
	tests := []struct {
		noColor, force, term string
		tty                  bool
		mode                 ColorMode
		want                 bool
	}{
		{"", "", "xterm", true, ColorAuto, true},
		{"", "", "xterm", false, ColorAuto, false},
		{"1", "", "xterm", true, ColorAuto, false},
		{"", "", "dumb", true, ColorAuto, false},
		{"", "1", "xterm", false, ColorAuto, true},
		{"", "1", "dumb", false, ColorAuto, true},
		{"", "0", "xterm", false, ColorAuto, false},
		{"1", "1", "xterm", false, ColorAuto, false},
		{"", "", "xterm", false, ColorAlways, true},
		{"1", "", "dumb", false, ColorAlways, true},
		{"", "1", "xterm", true, ColorNever, false},
		{"", "", "xterm", true, "", true}, // the zero mode is auto
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("CLICOLOR_FORCE", tt.force)
		t.Setenv("TERM", tt.term)
		ios := SystemIO()
		ios.SetStdoutTTY(tt.tty)
		ios.SetColorMode(tt.mode)
		if got := ios.ColorEnabled(); got != tt.want {
			t.Errorf("NO_COLOR=%q CLICOLOR_FORCE=%q TERM=%q tty=%v --color %q: colour %v, want %v",
				tt.noColor, tt.force, tt.term, tt.tty, tt.mode, got, tt.want)
		}
	}
}

// TestColorControl runs list with every way to ask for colour or refuse it.
func TestColorControl(t *testing.T) {
	type env struct{ tty, noColor, forced bool }
	tests := []struct {
		name   string
		env    env
		vars   map[string]string
		config string
		args   []string
		want   bool
	}{
		{"terminal", env{tty: true}, nil, "", nil, true},
		{"piped", env{}, nil, "", nil, false},
		{"terminal, --color never", env{tty: true}, nil, "", []string{"--color", "never"}, false},
		{"terminal, --no-color", env{tty: true}, nil, "", []string{"--no-color"}, false},
		{"terminal, --no-color --color never", env{tty: true}, nil, "", []string{"--no-color", "--color=never"}, false},
		{"terminal, NO_COLOR", env{tty: true, noColor: true}, nil, "", nil, false},
		{"terminal, NO_COLOR, --color always", env{tty: true, noColor: true}, nil, "", []string{"--color", "always"}, true},
		{"piped, --color always", env{}, nil, "", []string{"--color", "always"}, true},
		{"piped, --color auto", env{}, nil, "", []string{"--color", "auto"}, false},
		{"piped, CLICOLOR_FORCE", env{forced: true}, nil, "", nil, true},
		{"piped, CLICOLOR_FORCE and NO_COLOR", env{forced: true, noColor: true}, nil, "", nil, false},
		{"piped, CLICOLOR_FORCE, --color never", env{forced: true}, nil, "", []string{"--color", "never"}, false},
		{"piped, SESSIONLOG_COLOR=always", env{}, map[string]string{"SESSIONLOG_COLOR": "always"}, "", nil, true},
		{"piped, color: always in the file", env{}, nil, "color: always\n", nil, true},
		{"terminal, color: never in the file", env{tty: true}, nil, "color: never\n", nil, false},
		{"file never, flag always", env{}, nil, "color: never\n", []string{"--color", "always"}, true},
		{"piped, Always in the file (any case)", env{}, nil, "color: Always\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			for k, v := range tt.vars {
				t.Setenv(k, v)
			}
			if tt.config != "" {
				t.Setenv("SESSIONLOG_CONFIG", writeFile(t, "config.yaml", tt.config, 0o600))
			}
			res := runCLIWith(t, func(ios *IOStreams) {
				ios.SetStdoutTTY(tt.env.tty)
				ios.SetColorEnv(!tt.env.noColor)
				ios.SetColorForced(tt.env.forced)
			}, append([]string{"list", "1001"}, tt.args...)...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			if got := strings.Contains(res.stdout, "\x1b["); got != tt.want {
				t.Errorf("colour %v, want %v:\n%s", got, tt.want, res.stdout)
			}
		})
	}
}

func TestColorUsageErrors(t *testing.T) {
	tests := []struct {
		args    []string
		config  string
		wantErr string
	}{
		{[]string{"--color", "blue"}, "", `error: invalid color "blue" (from flag --color): want auto, always or never`},
		{nil, "color: yes\n", `error: invalid color "yes" (from `},
		{[]string{"--no-color", "--color", "always"}, "", "error: --no-color contradicts --color always"},
	}
	for _, tt := range tests {
		newMock(t)
		if tt.config != "" {
			t.Setenv("SESSIONLOG_CONFIG", writeFile(t, "config.yaml", tt.config, 0o600))
		}
		res := runCLI(t, append([]string{"list", "1001"}, tt.args...)...)
		if res.code != ExitUsage || res.stdout != "" || !strings.HasPrefix(res.stderr, tt.wantErr) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, res.code, res.stdout, res.stderr, tt.wantErr)
		}
	}
}
