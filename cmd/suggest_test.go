package cmd

import (
	"strings"
	"testing"
)

func TestUnknownCommandsSuggest(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lisst"}, `error: unknown command "lisst" for "sessionlog"; did you mean list?` + "\nRun 'sessionlog --help' for usage.\n"},
		{[]string{"summry", "1001"}, `error: unknown command "summry" for "sessionlog"; did you mean summary?` + "\nRun 'sessionlog --help' for usage.\n"},
		{[]string{"config", "veiw"}, `error: unknown command "veiw" for "sessionlog config"; did you mean view?` + "\nRun 'sessionlog config --help' for usage.\n"},
		{[]string{"completion", "zhs"}, `error: unknown command "zhs" for "sessionlog completion"; did you mean zsh?` + "\nRun 'sessionlog completion --help' for usage.\n"},
		{[]string{"frobnicate"}, `error: unknown command "frobnicate" for "sessionlog"` + "\nRun 'sessionlog --help' for usage.\n"},
		{[]string{"help", "lisst"}, `error: unknown command "lisst" for "sessionlog"; did you mean list?` + "\nRun 'sessionlog help --help' for usage.\n"},
		{[]string{"help", "config", "veiw"}, `error: unknown command "veiw" for "sessionlog config"; did you mean view?` + "\nRun 'sessionlog help --help' for usage.\n"},
	}
	for _, tt := range tests {
		isolateEnv(t)
		res := runCLI(t, tt.args...)
		if res.code != ExitUsage || res.stdout != "" || res.stderr != tt.want {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and:\n%s", tt.args, res.code, res.stdout, res.stderr, tt.want)
		}
	}
}

func TestHelpTopics(t *testing.T) {
	isolateEnv(t)
	for _, args := range [][]string{{"help"}, {"help", "list"}, {"help", "config", "view"}, {}, {"config"}} {
		res := runCLI(t, args...)
		if res.code != 0 || !strings.Contains(res.stdout, "Usage:") || !strings.Contains(res.stdout, "-h, --help") || res.stderr != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout:\n%s", args, res.code, res.stderr, res.stdout)
		}
	}
}

func TestWordLists(t *testing.T) {
	for _, tt := range []struct {
		in      []string
		or, and string
	}{
		{nil, "", ""},
		{[]string{"a"}, "a", "a"},
		{[]string{"a", "b"}, "a or b", "a and b"},
		{[]string{"a", "b", "c"}, "a, b or c", "a, b and c"},
	} {
		if got := orList(tt.in); got != tt.or {
			t.Errorf("orList(%q) = %q, want %q", tt.in, got, tt.or)
		}
		if got := andList(tt.in); got != tt.and {
			t.Errorf("andList(%q) = %q, want %q", tt.in, got, tt.and)
		}
	}
}

func TestCommandsWithoutArgumentsRefuseOne(t *testing.T) {
	isolateEnv(t)
	for _, args := range [][]string{
		{"version", "extra"}, {"actions", "ENTERED"}, {"config", "view", "color"},
		{"mock", "1001"}, {"completion", "bash", "extra"},
	} {
		res := runCLI(t, args...)
		want := "error: sessionlog " + strings.Join(args[:len(args)-1], " ") + " takes no arguments, but was given \"" + args[len(args)-1] + "\"\n"
		if res.code != ExitUsage || !strings.HasPrefix(res.stderr, want) || res.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", args, res.code, res.stdout, res.stderr, ExitUsage, want)
		}
	}
}
