package cmd

import (
	"fmt"
	"strings"

	"github.com/sessionlog/sessionlog/internal/editdist"
	"github.com/spf13/cobra"
)

// closestName returns the name in known that name most likely misspells:
// the same once case, "-" and spaces are set aside ("base-url" for
// base_url), else the nearest by edit distance, if near enough to be a
// typo (at most 2 edits, and fewer than half the name's length). It
// returns "" when none is.
func closestName(name string, known []string) string {
	normal := func(s string) string {
		return strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(s))
	}
	best, bestDist := "", 3
	for _, k := range known {
		if normal(k) == normal(name) {
			return k
		}
		if d := editdist.Distance(normal(name), normal(k)); d < bestDist && 2*d < len([]rune(name)) {
			best, bestDist = k, d
		}
	}
	return best
}

// unknownCommandError is the usage error for a subcommand of parent that
// does not exist, with the ones it may be a typo of, as cobra finds them
// (close by edit distance, or starting with what was typed).
func unknownCommandError(parent *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q for %q", name, parent.CommandPath())
	if parent.SuggestionsMinimumDistance <= 0 {
		parent.SuggestionsMinimumDistance = 2
	}
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		msg += "; did you mean " + orList(s) + "?"
	}
	return usageErrorf("%s", msg)
}

// orList joins names as "a", "a or b", "a, b or c".
func orList(names []string) string { return wordList(names, "or") }

// andList joins names as "a", "a and b", "a, b and c".
func andList(names []string) string { return wordList(names, "and") }

// wordList joins names with commas, and conjunction before the last.
func wordList(names []string, conjunction string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conjunction + " " + names[len(names)-1]
}

// noArgs is a command's Args for a command that takes none: an argument
// is a usage error, exit 2 (cobra.NoArgs's error would exit 1).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, but was given %q", cmd.CommandPath(), args[0])
	}
	return nil
}
