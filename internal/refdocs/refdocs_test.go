package refdocs

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// exampleTree is a small command tree with what a page must carry through:
// paragraphs, a table laid out by hand, a line starting with a dot, a
// backslash, hyphens, Arabic, hidden flags and commands, a group command.
func exampleTree() *cobra.Command {
	run := func(*cobra.Command, []string) {}
	root := &cobra.Command{Use: "tool <command>", Short: "Do things to sessions", Run: run}
	root.PersistentFlags().String("base-url", "", "API base URL (env TOOL_BASE_URL)")
	root.PersistentFlags().Bool("debug", false, "trace HTTP requests")
	get := &cobra.Command{
		Use:   "get SESSION_ID...",
		Short: "Show a session",
		Long: `Show each session's timeline, oldest entry first,
following every page.

Exit codes:
  0   success
  4   not found

.dotted line, a back\slash and "quotes": 2:30 م…`,
		Example: "  tool get 48213\n  tool get 48213 -o json",
		Run:     run,
	}
	get.Flags().StringP("output", "o", "table", "output format: table or json")
	get.Flags().Int("limit", 0, "show at most this many entries")
	get.Flags().Duration("interval", 2*time.Second, "how often to poll")
	get.Flags().StringSlice("action", nil, "only these action types")
	get.Flags().Bool("secret", false, "not for users")
	_ = get.Flags().MarkHidden("secret")
	config := &cobra.Command{Use: "config", Short: "Inspect the configuration"}
	config.AddCommand(&cobra.Command{Use: "view", Short: "Show the settings", Run: run})
	hidden := &cobra.Command{Use: "internal", Short: "Not documented", Hidden: true, Run: run}
	root.AddCommand(get, config, hidden)
	return root
}

func TestWriteMan(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	header := ManHeader{Title: "TOOL", Section: "1", Date: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), Source: "tool v1.2.0", Manual: "tool manual"}
	if err := WriteMan(exampleTree(), dir, header); err != nil {
		t.Fatal(err)
	}
	checkPages(t, dir, []string{"tool-config-view.1", "tool-config.1", "tool-get.1", "tool.1"})
}

func TestWriteMarkdown(t *testing.T) {
	dir := t.TempDir()
	if err := WriteMarkdown(exampleTree(), dir); err != nil {
		t.Fatal(err)
	}
	checkPages(t, dir, []string{"tool.md", "tool_config.md", "tool_config_view.md", "tool_get.md"})
}

// checkPages checks that dir holds just the pages named, each equal to its
// golden file in testdata.
func checkPages(t *testing.T, dir string, want []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("pages %q, want %q", got, want)
	}
	for _, name := range want {
		page, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(golden, page, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		wantPage, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if string(page) != string(wantPage) {
			t.Errorf("%s differs from %s:\n%s", name, golden, page)
		}
	}
}

func TestRoffLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"--concurrency and -o", `\-\-concurrency and \-o`},
		{`C:\Users`, `C:\eUsers`},
		{".starts with a dot", `\&.starts with a dot`},
		{"'starts with a quote", `\&'starts with a quote`},
		{"", `\&`},
		{"2:30 م…", `2:30 \[u0645]\[u2026]`},
		{"emoji 🙂", `emoji \[u1F642]`},
	}
	for _, tt := range tests {
		if got := roffLine(tt.in); got != tt.want {
			t.Errorf("roffLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := quoteArg(`say "hi"`); got != `"say ""hi"""` {
		t.Errorf("quoteArg = %s", got)
	}
}

func TestWriteIntoAFileFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteMan(exampleTree(), file, ManHeader{Section: "1"}); err == nil {
		t.Error("WriteMan into a file: no error")
	}
	if err := WriteMarkdown(exampleTree(), filepath.Join(file, "sub")); err == nil {
		t.Error("WriteMarkdown under a file: no error")
	}
}
