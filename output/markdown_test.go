package output

import (
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

func TestMarkdownGolden(t *testing.T) {
	tests := []struct {
		golden string
		render func(*testing.T, Options) string
		opts   Options
	}{
		{"markdown", func(t *testing.T, o Options) string { return render(t, o, fitFixture(t)) }, Options{Format: FormatMarkdown, ShowSession: true}},
		{"markdown_noheaders", func(t *testing.T, o Options) string { return render(t, o, fixture(t)[:2]) }, Options{Format: FormatMarkdown, NoHeaders: true}},
		{"markdown_gaps", func(t *testing.T, o Options) string { return render(t, o, gapFixture(t)) }, Options{Format: FormatMarkdown, Gaps: true}},
		{"summary_markdown", func(t *testing.T, o Options) string { return renderSummaries(t, o, summaryFixture()) }, Options{Format: FormatMarkdown}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, tt.render(t, tt.opts))
		})
	}
}

// TestMarkdownCells checks that nothing a server sends can end a cell, add
// a row or turn into markup, and that ordinary text stays readable.
func TestMarkdownCells(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"plain", "Customer entered the session", "Customer entered the session"},
		{"Arabic", "انتهت الجلسة", "انتهت الجلسة"},
		{"pipe ends no cell", "a | b", `a \| b`},
		{"backslash", `C:\temp\n`, `C:\\temp\\n`},
		{"newline stays on the row", "a\nb", `a\\nb`},
		{"control characters made visible", "a\x1b[2Jb\rc", `a\\x1b\[2Jb\\rc`},
		{"markup", "**bold** `code` [link](x) <b>html</b> ~~s~~ &amp;", `\*\*bold\*\* \` + "`" + `code\` + "`" + ` \[link\](x) \<b\>html\</b\> \~\~s\~\~ \&amp;`},
		{"underscore inside a word stays", "TEMPORARILY_LEFT", "TEMPORARILY_LEFT"},
		{"underscore at a word's edge is escaped", "_em_ a_ _b", `\_em\_ a\_ \_b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Format: FormatMarkdown, NoHeaders: true},
				[]Record{{SessionID: "1", Position: 1, Entry: client.LogEntry{Date: "2:30 PM", ActionType: client.ActionEntered, Text: tt.text}}})
			rows := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(rows) != 3 || !strings.HasSuffix(rows[2], "| ENTERED | "+tt.want+" |") {
				t.Errorf("got:\n%s\nwant one row, its last cell %q", got, tt.want)
			}
		})
	}
}
