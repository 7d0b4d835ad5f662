package refdocs

import (
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// ManHeader is the title line (.TH) of every man page.
type ManHeader struct {
	Title   string    // the program's name in capitals, e.g. "SESSIONLOG"
	Section string    // the manual section, e.g. "1"
	Date    time.Time // when the pages' source was made
	Source  string    // the program and its version, e.g. "sessionlog v1.2.0"
	Manual  string    // the manual's name, e.g. "sessionlog manual"
}

// WriteMan creates dir and writes into it a man page for every documented
// command of root's tree, named after the command's path joined with "-"
// ("sessionlog-config-view.1").
func WriteMan(root *cobra.Command, dir string, h ManHeader) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeTree(root, dir, "-", "."+h.Section, func(c *cobra.Command) string { return manPage(c, h) })
}

// manPage renders c's man page in the man(7) macros.
func manPage(c *cobra.Command, h ManHeader) string {
	var b strings.Builder
	name := strings.ReplaceAll(c.CommandPath(), " ", "-")
	fmt.Fprintf(&b, ".TH %s %s %s %s %s\n", quoteArg(h.Title), quoteArg(h.Section),
		quoteArg(h.Date.Format("Jan 2006")), quoteArg(h.Source), quoteArg(h.Manual))
	b.WriteString(".nh\n.ad l\n") // no hyphenation, ragged right: options stay whole
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", roffText(name), roffText(c.Short))
	useLine := c.UseLine()
	path := c.CommandPath()
	fmt.Fprintf(&b, ".SH SYNOPSIS\n\\fB%s\\fR%s\n", roffText(path), roffText(strings.TrimPrefix(useLine, path)))
	b.WriteString(".SH DESCRIPTION\n")
	description := c.Long
	if description == "" {
		description = c.Short
	}
	for i, p := range paragraphs(description) {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		writeRoffParagraph(&b, p)
	}
	writeManOptions(&b, "OPTIONS", c.NonInheritedFlags())
	writeManOptions(&b, "OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())
	if c.Example != "" {
		b.WriteString(".SH EXAMPLES\n")
		writeRoffPreformatted(&b, strings.Trim(c.Example, "\n"))
	}
	var related []string
	if c.HasParent() {
		related = append(related, manReference(c.Parent(), h.Section))
	}
	for _, sub := range documentedChildren(c) {
		related = append(related, manReference(sub, h.Section))
	}
	if len(related) > 0 {
		fmt.Fprintf(&b, ".SH SEE ALSO\n%s\n", strings.Join(related, ",\n"))
	}
	return b.String()
}

func manReference(c *cobra.Command, section string) string {
	return `\fB` + roffText(strings.ReplaceAll(c.CommandPath(), " ", "-")) + `\fR(` + section + ")"
}

// writeManOptions writes a section listing the visible flags of set, one
// tagged paragraph each: "-o, --output=string" above its usage.
func writeManOptions(b *strings.Builder, title string, set *pflag.FlagSet) {
	flags := visibleFlags(set)
	if len(flags) == 0 {
		return
	}
	fmt.Fprintf(b, ".SH %s\n", title)
	for _, f := range flags {
		b.WriteString(".TP\n")
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			fmt.Fprintf(b, `\fB\-%s\fR, `, roffText(f.Shorthand))
		}
		fmt.Fprintf(b, `\fB\-\-%s\fR`, roffText(f.Name))
		varName, usage := pflag.UnquoteUsage(f)
		if varName != "" {
			fmt.Fprintf(b, `=\fI%s\fR`, roffText(varName))
		}
		b.WriteString("\n" + roffText(usage))
		if def := shownDefault(f); def != "" {
			b.WriteString(" (default " + roffText(def) + ")")
		}
		b.WriteString("\n")
	}
}

// writeRoffParagraph writes one paragraph of prose: filled, unless it is
// laid out by hand.
func writeRoffParagraph(b *strings.Builder, p string) {
	if preformatted(p) {
		writeRoffPreformatted(b, p)
		return
	}
	for _, line := range strings.Split(p, "\n") {
		b.WriteString(roffLine(line) + "\n")
	}
}

// writeRoffPreformatted writes text line for line, unfilled. (.nf rather
// than .EX: groff's .EE turns hyphenation back on for the rest of the page.)
func writeRoffPreformatted(b *strings.Builder, text string) {
	b.WriteString(".nf\n")
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(roffLine(line) + "\n")
	}
	b.WriteString(".fi\n")
}

// roffLine is one line of text as roff input: escaped, and kept from being
// read as a request when it starts with "." or "'", or as a blank line.
func roffLine(line string) string {
	line = roffText(line)
	if line == "" || line[0] == '.' || line[0] == '\'' {
		return `\&` + line
	}
	return line
}

// roffText escapes text for roff: a backslash is "\e", every hyphen "\-",
// the minus sign, so that options copied from the page work, and every
// character outside ASCII its code point ("\[u2026]"), which groff reads
// without a preprocessor and mandoc too.
func roffText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteArg quotes a macro argument; a double quote inside it is written
// twice, as groff and mandoc read it.
func quoteArg(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `""`) + `"`
}
