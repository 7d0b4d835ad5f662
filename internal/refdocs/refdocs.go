// Package refdocs writes the reference pages of a cobra command tree: a man
// page (section 1) or a Markdown page for each command a user can run.
//
// It does for sessionlog what cobra's doc package does, without linking a
// Markdown converter (and its package initialisation) into every run of the
// program for the sake of one hidden command.
package refdocs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// documented reports whether c gets a page: every command a user can run
// or that groups others, but not hidden ones, help topics or cobra's
// completion request command.
func documented(c *cobra.Command) bool {
	return c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand()
}

// writeTree writes one page per documented command of the tree under root
// into dir, named by the command's path joined with sep and ext, each
// rendered by page.
func writeTree(root *cobra.Command, dir, sep, ext string, page func(*cobra.Command) string) error {
	for _, c := range root.Commands() {
		if documented(c) {
			if err := writeTree(c, dir, sep, ext, page); err != nil {
				return err
			}
		}
	}
	root.InitDefaultHelpFlag() // so that the options list -h, --help
	name := strings.ReplaceAll(root.CommandPath(), " ", sep) + ext
	if err := os.WriteFile(filepath.Join(dir, name), []byte(page(root)), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// documentedChildren returns c's subcommands that get a page.
func documentedChildren(c *cobra.Command) []*cobra.Command {
	var children []*cobra.Command
	for _, sub := range c.Commands() {
		if documented(sub) {
			children = append(children, sub)
		}
	}
	return children
}

// paragraphs splits text into its paragraphs, at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// preformatted reports whether a paragraph is laid out by hand (a table or
// an indented list), so that it must be shown line for line.
func preformatted(paragraph string) bool {
	for _, line := range strings.Split(paragraph, "\n") {
		if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			return true
		}
	}
	return false
}

// shownDefault is f's default value as the options list shows it, or ""
// when the default is the type's zero value and goes without saying.
func shownDefault(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "0s", "[]":
		return ""
	}
	if f.Value.Type() == "string" {
		return fmt.Sprintf("%q", f.DefValue)
	}
	return f.DefValue
}

// visibleFlags returns the flags of set that are not hidden, in set's order.
func visibleFlags(set *pflag.FlagSet) []*pflag.Flag {
	var flags []*pflag.Flag
	set.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			flags = append(flags, f)
		}
	})
	return flags
}
