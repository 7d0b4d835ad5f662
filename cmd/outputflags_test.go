package cmd

import (
	"errors"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func TestTerminalWidth(t *testing.T) {
	size := func(w int, err error) func() (int, int, error) {
		return func() (int, int, error) { return w, 24, err }
	}
	tests := []struct {
		name    string
		columns string
		size    func() (int, int, error)
		want    int
	}{
		{"the terminal's width", "", size(132, nil), 132},
		{"COLUMNS overrides it", "60", size(132, nil), 60},
		{"COLUMNS with spaces", " 30 ", size(132, nil), 30},
		{"a COLUMNS that is not a width is ignored", "wide", size(132, nil), 132},
		{"nor is a zero COLUMNS", "0", size(132, nil), 132},
		{"unknown size: 80", "", size(0, errors.New("not a terminal")), 80},
		{"no terminal to ask: 80", "", nil, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios := &IOStreams{columnsEnv: tt.columns, terminalSize: tt.size}
			if got := ios.TerminalWidth(); got != tt.want {
				t.Errorf("TerminalWidth() = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestTableWidth runs list in-process: on a terminal the table is cut to
// its width, --wide and -o wide show it whole, and piped output is never
// cut, whatever COLUMNS says.
func TestTableWidth(t *testing.T) {
	const long = "2  2:41 PM  TEMPORARILY_LEFT  Customer temporarily left the session\n"
	tests := []struct {
		name     string
		terminal bool
		args     []string
		// widest is the widest line wanted; whole is whether the long row is there.
		widest int
		whole  bool
	}{
		{"terminal at 40", true, nil, 40, false},
		{"--wide", true, []string{"--wide"}, 67, true},
		{"-o wide", true, []string{"-o", "wide"}, 67, true},
		{"piped", false, nil, 67, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t)
			t.Setenv("COLUMNS", "40") // read by SystemIO only: set to show it does not reach piped output
			res := runCLIWith(t, func(ios *IOStreams) {
				if tt.terminal {
					tty(ios)
					ios.SetTerminalWidth(40)
				}
			}, append([]string{"list", "1001", "--no-color"}, tt.args...)...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			widest := 0
			for line := range strings.Lines(res.stdout) {
				widest = max(widest, twwidth.Width(strings.TrimSuffix(line, "\n")))
			}
			if widest != tt.widest || strings.Contains(res.stdout, long) != tt.whole {
				t.Errorf("widest line %d (want %d), whole rows %v (want %v):\n%s", widest, tt.widest, strings.Contains(res.stdout, long), tt.whole, res.stdout)
			}
		})
	}
}

func TestOutputFlagUsageErrors(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string // the start of stderr: JSON under -o json and jsonl
	}{
		{[]string{"list", "1001", "--wide", "-o", "json"}, `{"error":{"kind":"usage","message":"--wide works with the table output, not -o json"}}`},
		{[]string{"summary", "1001", "--wide", "-o", "markdown"}, "error: --wide works with the table output, not -o markdown"},
		{[]string{"list", "1001", "--bom"}, "error: --bom works with -o csv, not -o table"},
		{[]string{"create", "1001", "ENTERED", "--dry-run", "--bom", "-o", "jsonl"}, `{"error":{"kind":"usage","message":"--bom works with -o csv, not -o jsonl"}}`},
	}
	for _, tt := range tests {
		newMock(t)
		res := runCLI(t, tt.args...)
		if res.code != ExitUsage || res.stdout != "" || !strings.HasPrefix(res.stderr, tt.wantErr) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, res.code, res.stdout, res.stderr, tt.wantErr)
		}
	}
}

// TestMarkdownAndBOM runs -o markdown on each command that has it, and
// --bom on csv output.
func TestMarkdownAndBOM(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"list_1001_markdown", []string{"list", "1001", "-o", "markdown"}},
		{"summary_markdown", []string{"summary", "1001", "1003", "-o", "markdown"}},
		{"create_dry_run_markdown", []string{"create", "1002", "LEFT", "ENTERED", "--dry-run", "-o", "markdown"}},
		{"list_1001_csv_bom", []string{"list", "1001", "-o", "csv", "--bom"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			// On a terminal too, markdown has no colour, no isolates and no cut.
			res := runCLIWith(t, func(ios *IOStreams) {
				tty(ios)
				ios.SetTerminalWidth(30)
				ios.SetColorMode(ColorAlways)
			}, append(tt.args, "--no-pager")...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}
