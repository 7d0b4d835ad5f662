package cmd

import (
	"context"
	"strings"
	"testing"
	"time"
)

// reportMade is the clock of the golden reports.
var reportMade = time.Date(2026, 11, 26, 15, 10, 0, 0, time.UTC)

// runAt runs sessionlog in-process, like runCLIWith, with the factory's
// clock stopped at now.
func runAt(t *testing.T, now time.Time, setup func(*IOStreams), args ...string) cliResult {
	t.Helper()
	ios, _, out, errOut := TestIO()
	setup(ios)
	f := NewFactory(ios, "test")
	f.Now = func() time.Time { return now }
	defer f.Close()
	root := NewRootCmd(f)
	root.SetArgs(args)
	_, err := root.ExecuteContextC(context.Background())
	return cliResult{stdout: out.String(), stderr: errOut.String(), code: ExitCode(err)}
}

func TestChartGoldenOutput(t *testing.T) {
	sessions := []string{"1001", "1002", "1003", "1004", "1005"}
	tests := []struct {
		golden  string
		columns string // $COLUMNS, read on a terminal whose size is unknown
		setup   func(*IOStreams)
		args    []string
	}{
		{"summary_chart", "", func(*IOStreams) {}, append([]string{"summary", "--chart"}, sessions...)},
		{"summary_chart_tty", "100", stdoutTTY, append([]string{"summary", "--chart"}, sessions...)},
		{"summary_chart_60_nocolor", "60", stdoutTTY, append([]string{"summary", "--chart", "--no-color"}, sessions...)},
		{"summary_chart_30", "30", stdoutTTY, append([]string{"summary", "--chart", "--no-color"}, sessions...)},
		{"list_1001_chart", "", func(*IOStreams) {}, []string{"list", "1001", "--chart"}},
		{"list_1001_chart_gaps_tty", "", stdoutTTY, []string{"list", "1001", "--chart", "--gaps"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			t.Setenv("COLUMNS", tt.columns)
			res := runCLIWith(t, tt.setup, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}

func TestHTMLReportGoldenOutput(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"list_1001_html", []string{"list", "1001", "-o", "html"}},
		{"list_1001_gaps_html", []string{"list", "1001", "--gaps", "-o", "html"}},
		{"summary_html", []string{"summary", "1001", "1002", "1003", "1004", "1005", "-o", "html"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			newMock(t)
			res := runAt(t, reportMade, stdoutTTY, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
			}
			if strings.Contains(res.stdout, "\x1b") {
				t.Error("the page has terminal escapes")
			}
			assertGolden(t, tt.golden, res.stdout)
		})
	}
}

// TestReportLeavesOutFailedSessions checks that a session that cannot be
// fetched is reported, left out of the chart and the page, and gives the
// exit code, while the others are drawn.
func TestReportLeavesOutFailedSessions(t *testing.T) {
	for _, format := range []string{"--chart", "-o=html"} {
		newMock(t)
		res := runAt(t, reportMade, func(*IOStreams) {}, "summary", "999", "1001", format)
		if res.code != ExitNotFound {
			t.Errorf("%s: exit %d, want %d", format, res.code, ExitNotFound)
		}
		if !strings.Contains(res.stderr, `session "999"`) {
			t.Errorf("%s: stderr does not name the failed session: %s", format, res.stderr)
		}
		if strings.Contains(res.stdout, "999") || !strings.Contains(res.stdout, "1001") {
			t.Errorf("%s: stdout:\n%s", format, res.stdout)
		}
	}
	newMock(t)
	if res := runCLI(t, "summary", "999", "--chart"); res.code != ExitNotFound || res.stdout != "" {
		t.Errorf("only a failed session: exit %d, stdout %q", res.code, res.stdout)
	}
}

func TestReportUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"list", "1001", "--chart", "--last", "2"}, "--chart draws whole timelines"},
		{[]string{"list", "1001", "-o", "html", "--action", "ENTERED"}, "-o html draws whole timelines"},
		{[]string{"list", "1001", "-o", "html", "--page", "1"}, "-o html draws whole timelines"},
		{[]string{"list", "1001", "--chart", "--limit", "1"}, "--chart draws whole timelines"},
		{[]string{"list", "1001", "--chart", "--follow"}, "--chart cannot be combined with --follow"},
		{[]string{"list", "1001", "--chart", "-o", "json"}, "--chart draws on the terminal"},
		{[]string{"summary", "1001", "--chart", "-o", "html"}, "--chart draws on the terminal"},
		{[]string{"create", "1001", "ENTERED", "-o", "html"}, "-o html is made by list and summary, not by create"},
		{[]string{"summary", "1001", "-o", "html", "--jq", "."}, "--jq works with -o json"},
	}
	for _, tt := range tests {
		srv := newMock(t)
		res := runCLI(t, tt.args...)
		if res.code != ExitUsage || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, res.code, res.stderr, ExitUsage, tt.want)
		}
		if n := srv.Handler().RequestCount(""); n != 0 {
			t.Errorf("%v: %d requests sent, want none", tt.args, n)
		}
	}
}
