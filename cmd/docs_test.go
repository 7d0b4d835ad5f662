package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/internal/refdocs"
)

// documentedCommands lists the commands that get a page: all but hidden
// ones (docs itself, __complete) and help.
func documentedCommands(t *testing.T) map[string]*cobra.Command {
	t.Helper()
	ios, _, _, _ := TestIO()
	cmds := map[string]*cobra.Command{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		cmds[c.CommandPath()] = c
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub)
			}
		}
	}
	walk(NewRootCmd(NewFactory(ios, "test")))
	for _, must := range []string{"sessionlog", "sessionlog list", "sessionlog config view", "sessionlog completion bash", "sessionlog version"} {
		if cmds[must] == nil {
			t.Fatalf("%q is not in the command tree", must)
		}
	}
	for _, mustNot := range []string{"sessionlog docs", "sessionlog help"} {
		if cmds[mustNot] != nil {
			t.Fatalf("%q should not be documented", mustNot)
		}
	}
	return cmds
}

// checkPageSet checks that dir holds one page per documented command,
// named by its path joined with sep and ext, and nothing else; it returns
// the documented commands by path.
func checkPageSet(t *testing.T, dir, sep, ext string) map[string]*cobra.Command {
	t.Helper()
	cmds := documentedCommands(t)
	var want []string
	for path := range cmds {
		want = append(want, strings.ReplaceAll(path, " ", sep)+ext)
	}
	slices.Sort(want)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("pages:\n got %q\nwant %q", got, want)
	}
	return cmds
}

// manSection returns the lines of a man page's section, up to the next .SH,
// with the roff minus signs (\-) as hyphens.
func manSection(page, name string) []string {
	_, rest, found := strings.Cut(page, "\n.SH "+name+"\n")
	if !found {
		return nil
	}
	body, _, _ := strings.Cut(rest, "\n.SH ")
	var lines []string
	for _, line := range strings.Split(body, "\n") {
		if line != "" && line != ".PP" {
			lines = append(lines, strings.ReplaceAll(line, `\-`, "-"))
		}
	}
	return lines
}

func TestDocsMan(t *testing.T) {
	isolateEnv(t)
	dir := filepath.Join(t.TempDir(), "man", "man1") // created by the command
	res := runCLI(t, "docs", "man", dir)
	if res.code != 0 || res.stdout != "" || res.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	cmds := checkPageSet(t, dir, "-", ".1")
	for path, c := range cmds {
		name := strings.ReplaceAll(path, " ", "-")
		data, err := os.ReadFile(filepath.Join(dir, name+".1"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		wantName := []string{name + " - " + c.Short}
		if got := manSection(page, "NAME"); !slices.Equal(got, wantName) {
			t.Errorf("%s.1 NAME: got %q, want %q", name, got, wantName)
		}
		if !strings.Contains(page, `.TH "SESSIONLOG" "1" `) || strings.Contains(page, "Auto generated") {
			t.Errorf("%s.1: no section-1 title line, or a dated footer:\n%s", name, page)
		}
	}
	list, _ := os.ReadFile(filepath.Join(dir, "sessionlog-list.1"))
	if synopsis := manSection(string(list), "SYNOPSIS"); !slices.Equal(synopsis, []string{`\fBsessionlog list\fR SESSION_ID... [flags]`}) {
		t.Errorf("sessionlog-list.1 SYNOPSIS: %q", synopsis)
	}
}

func TestDocsMarkdown(t *testing.T) {
	isolateEnv(t)
	dir := t.TempDir()
	if res := runCLI(t, "docs", "markdown", dir); res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	cmds := checkPageSet(t, dir, "_", ".md")
	for path, c := range cmds {
		data, err := os.ReadFile(filepath.Join(dir, strings.ReplaceAll(path, " ", "_")+".md"))
		if err != nil {
			t.Fatal(err)
		}
		wantStart := "## " + path + "\n\n" + c.Short + "\n"
		if !strings.HasPrefix(string(data), wantStart) || strings.Contains(string(data), "Auto generated") {
			t.Errorf("%s page starts %q, want %q and no dated footer", path, firstLines(string(data), 3), wantStart)
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func TestDocsUsage(t *testing.T) {
	isolateEnv(t)
	for _, args := range [][]string{{"docs", "man"}, {"docs", "markdown", "a", "b"}, {"docs", "pdf", "dir"}} {
		if res := runCLI(t, args...); res.code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, res.code, ExitUsage, res.stderr)
		}
	}
	file := writeFile(t, "not-a-dir", "", 0o600)
	if res := runCLI(t, "docs", "man", file); res.code != ExitError || !strings.HasPrefix(res.stderr, "error: docs: ") {
		t.Errorf("docs man into a file: exit %d, stderr %q", res.code, res.stderr)
	}
	if res := runCLI(t, "--help"); strings.Contains(res.stdout, "docs") {
		t.Errorf("docs is listed in --help:\n%s", res.stdout)
	}
}

func TestManHeader(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) }
	t.Setenv("SOURCE_DATE_EPOCH", "")
	h := manHeader(BuildInfo{Version: "v0.1.0", Date: "2026-03-04T05:06:07Z"}, now)
	want := refdocs.ManHeader{Title: "SESSIONLOG", Section: "1", Date: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC), Source: "sessionlog v0.1.0", Manual: "sessionlog manual"}
	if h != want {
		t.Errorf("stamped header %+v, want %+v", h, want)
	}
	for _, date := range []string{"", "0001-01-01T00:00:00Z", "yesterday"} {
		if h := manHeader(BuildInfo{Version: "dev", Date: date}, now); !h.Date.Equal(now()) {
			t.Errorf("date %q: pages dated %v, want now, %v", date, h.Date, now())
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	if h := manHeader(BuildInfo{Version: "dev"}, now); !h.Date.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("SOURCE_DATE_EPOCH: pages dated %v, want 2026-01-01", h.Date)
	}
}
