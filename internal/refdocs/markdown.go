package refdocs

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// WriteMarkdown creates dir and writes into it a Markdown page for every
// documented command of root's tree, named after the command's path joined
// with "_" ("sessionlog_config_view.md"), laid out as cobra's doc package
// lays them out.
func WriteMarkdown(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeTree(root, dir, "_", ".md", markdownPage)
}

func markdownPage(c *cobra.Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", c.CommandPath(), c.Short)
	if c.Long != "" {
		fmt.Fprintf(&b, "### Synopsis\n\n%s\n\n", strings.Trim(c.Long, "\n"))
	}
	if c.Runnable() {
		fmt.Fprintf(&b, "```\n%s\n```\n\n", c.UseLine())
	}
	if c.Example != "" {
		fmt.Fprintf(&b, "### Examples\n\n```\n%s\n```\n\n", strings.Trim(c.Example, "\n"))
	}
	if local := c.NonInheritedFlags(); local.HasAvailableFlags() {
		fmt.Fprintf(&b, "### Options\n\n```\n%s```\n\n", local.FlagUsages())
	}
	if inherited := c.InheritedFlags(); inherited.HasAvailableFlags() {
		fmt.Fprintf(&b, "### Options inherited from parent commands\n\n```\n%s```\n\n", inherited.FlagUsages())
	}
	var related []*cobra.Command
	if c.HasParent() {
		related = append(related, c.Parent())
	}
	related = append(related, documentedChildren(c)...)
	if len(related) > 0 {
		b.WriteString("### SEE ALSO\n\n")
		for _, r := range related {
			fmt.Fprintf(&b, "* [%s](%s.md)\t - %s\n", r.CommandPath(), strings.ReplaceAll(r.CommandPath(), " ", "_"), r.Short)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
