package cmd

import (
	"strings"
	"testing"
)

// complete runs cobra's __complete command and returns its candidates and
// its directive line.
func complete(t *testing.T, args ...string) (candidates []string, directive string) {
	t.Helper()
	res := runCLI(t, append([]string{"__complete"}, args...)...)
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

func TestCompleteActionTypesInAnyCase(t *testing.T) {
	isolateEnv(t)
	entered := "\tCustomer entered the session"
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"create", "1001", "ent"}, []string{"entered" + entered}},
		{[]string{"create", "1001", "ENT"}, []string{"ENTERED" + entered}},
		{[]string{"create", "1001", "Ent"}, []string{"Entered" + entered}},
		{[]string{"create", "1001", "ENTERED", "temp"}, []string{"temporarily_left\tCustomer temporarily left the session"}},
		{[]string{"create", "1001", "cancel"}, []string{"cancelled\tSession was cancelled", "cancel_request\tRequest to cancel the session"}},
		{[]string{"create", "1001", "xyz"}, nil},
		{[]string{"list", "1001", "--action", "e"}, []string{"entered" + entered, "ended\tSession was ended"}},
		{[]string{"list", "1001", "--action", "LEFT,ent"}, []string{"LEFT,entered" + entered}},
		{[]string{"list", "1001", "--action", "ENTERED,"}, []string{
			"ENTERED,SESSION_PERIOD\tSession period", "ENTERED,LEFT\tCustomer left the session"}},
	}
	for _, tt := range tests {
		got, directive := complete(t, tt.args...)
		if tt.args[len(tt.args)-1] == "ENTERED," {
			// every type is offered: check the form of two of them
			if len(got) != 7 || !strings.Contains(strings.Join(got, "|"), tt.want[1]) {
				t.Errorf("%q: got %q", tt.args, got)
			}
		} else if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.args, got, tt.want)
		}
		if directive != ":4" {
			t.Errorf("%q: directive %s, want :4 (no file completion)", tt.args, directive)
		}
	}
}

func TestCompleteFromFileOffersJSONLAndCSV(t *testing.T) {
	isolateEnv(t)
	for _, args := range [][]string{
		{"create", "--from-file", ""},
		{"create", "-f", "sc"},
	} {
		got, directive := complete(t, args...)
		// 8 is cobra's ShellCompDirectiveFilterFileExt: the shell offers
		// only files with these extensions, and directories.
		if strings.Join(got, "|") != "jsonl|csv" || directive != ":8" {
			t.Errorf("%q: %q %s, want jsonl|csv :8", args, got, directive)
		}
	}
}

func TestCompleteColor(t *testing.T) {
	isolateEnv(t)
	got, _ := complete(t, "list", "1001", "--color", "")
	if strings.Join(got, "|") != "auto|always|never" {
		t.Errorf("--color: %q", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	isolateEnv(t)
	ios, _, _, _ := TestIO()
	root := NewRootCmd(NewFactory(ios, "test"))
	want := map[string]func(*strings.Builder, bool) error{
		"bash": func(b *strings.Builder, desc bool) error { return root.GenBashCompletionV2(b, desc) },
		"zsh": func(b *strings.Builder, desc bool) error {
			if desc {
				return root.GenZshCompletion(b)
			}
			return root.GenZshCompletionNoDesc(b)
		},
		"fish": func(b *strings.Builder, desc bool) error { return root.GenFishCompletion(b, desc) },
		"powershell": func(b *strings.Builder, desc bool) error {
			if desc {
				return root.GenPowerShellCompletionWithDesc(b)
			}
			return root.GenPowerShellCompletion(b)
		},
	}
	for shell, gen := range want {
		for _, desc := range []bool{true, false} {
			args := []string{"completion", shell}
			if !desc {
				args = append(args, "--no-descriptions")
			}
			var script strings.Builder
			if err := gen(&script, desc); err != nil {
				t.Fatal(err)
			}
			res := runCLI(t, args...)
			if res.code != 0 || res.stderr != "" || res.stdout != script.String() || len(res.stdout) < 1000 {
				t.Errorf("%v: exit %d, stderr %q, %d bytes of script, want cobra's %d", args, res.code, res.stderr, len(res.stdout), script.Len())
			}
		}
		help := runCLI(t, "completion", shell, "--help")
		if !strings.Contains(help.stdout, "sessionlog completion "+shell) {
			t.Errorf("completion %s --help does not show how to load it:\n%s", shell, help.stdout)
		}
	}
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion", "bash", "extra"}} {
		if res := runCLI(t, args...); res.code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, res.code, ExitUsage, res.stderr)
		}
	}
}
