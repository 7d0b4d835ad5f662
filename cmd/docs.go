package cmd

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/internal/refdocs"
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
					return refdocs.WriteMan(root, dir, manHeader(currentBuild(), time.Now))
				})
			},
		},
		&cobra.Command{
			Use:   "markdown DIR",
			Short: "Write a Markdown page for every command to DIR",
			Args:  exactlyOneDir,
			RunE: func(c *cobra.Command, args []string) error {
				return writeDocs(c.Root(), args[0], refdocs.WriteMarkdown)
			},
		},
	)
	return cmd
}

// manHeader dates the pages by the stamped commit date, else (no date, or
// the zero time a snapshot gets when GoReleaser cannot read the git state)
// by SOURCE_DATE_EPOCH, else by now.
func manHeader(b BuildInfo, now func() time.Time) refdocs.ManHeader {
	header := refdocs.ManHeader{Title: "SESSIONLOG", Section: "1", Source: "sessionlog " + b.Version, Manual: "sessionlog manual"}
	if built, err := time.Parse(time.RFC3339, b.Date); err == nil && !built.IsZero() {
		header.Date = built
	} else if epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		header.Date = time.Unix(epoch, 0).UTC()
	} else {
		header.Date = now()
	}
	return header
}

func exactlyOneDir(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageErrorf("%s needs exactly one argument, the output directory", cmd.CommandPath())
	}
	return nil
}

// writeDocs writes one page per visible command into dir, which it
// creates; the pages carry no date but the header's, so that the pages of a
// release are the same whenever they are built.
func writeDocs(root *cobra.Command, dir string, generate func(*cobra.Command, string) error) error {
	if err := generate(root, dir); err != nil {
		return fmt.Errorf("docs: writing to %s: %w", dir, err)
	}
	return nil
}
