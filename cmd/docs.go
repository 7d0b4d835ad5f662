package cmd

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newDocsCmd is the hidden command the release build runs to write the
// reference pages shipped in the archives.
func newDocsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:    "docs",
		Short:  "Write sessionlog's reference documentation",
		Hidden: true,
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "man DIR",
			Short: "Write a man page (section 1) for every command to DIR",
			Args:  exactlyOneDir,
			RunE: func(c *cobra.Command, args []string) error {
				return writeDocs(c.Root(), args[0], func(root *cobra.Command, dir string) error {
					return doc.GenManTree(root, manHeader(currentBuild()), dir)
				})
			},
		},
		&cobra.Command{
			Use:   "markdown DIR",
			Short: "Write a Markdown page for every command to DIR",
			Args:  exactlyOneDir,
			RunE: func(c *cobra.Command, args []string) error {
				return writeDocs(c.Root(), args[0], doc.GenMarkdownTree)
			},
		},
	)
	return cmd
}

// manHeader dates the pages by the stamped commit date, else (no date, or
// the zero time a snapshot gets when GoReleaser cannot read the git state)
// by SOURCE_DATE_EPOCH or today, cobra's default.
func manHeader(b BuildInfo) *doc.GenManHeader {
	header := &doc.GenManHeader{Title: "SESSIONLOG", Section: "1", Source: "sessionlog " + b.Version, Manual: "sessionlog manual"}
	if built, err := time.Parse(time.RFC3339, b.Date); err == nil && !built.IsZero() {
		header.Date = &built
	}
	return header
}

func exactlyOneDir(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageErrorf("%s needs exactly one argument, the output directory", cmd.CommandPath())
	}
	return nil
}

// writeDocs creates dir and writes one page per visible command into it,
// without cobra's "Auto generated ... on <date>" footer, so that the pages
// of a release are the same whenever they are built.
func writeDocs(root *cobra.Command, dir string, generate func(*cobra.Command, string) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("docs: %w", err)
	}
	root.DisableAutoGenTag = true
	if err := generate(root, dir); err != nil {
		return fmt.Errorf("docs: writing to %s: %w", dir, err)
	}
	return nil
}
