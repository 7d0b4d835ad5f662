package output

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// The table's layout: columns two spaces apart, "…" where a cell was cut.
const (
	columnGap = 2
	ellipsis  = "…"
)

// columnShrink says how far a column may shrink when the table is wider than
// the terminal. In a first round each column, in shrinkOrder, gives up its
// width down to comfort; in a second round, in the same order, down to
// least. Columns not listed (numbers, times, gaps) keep their width.
type columnShrink struct {
	header         string
	comfort, least int
}

// shrinkOrder lists the columns that may shrink, the first first: the last
// text column of a list or a result (an entry's description, a row's
// detail), then columns of words, then a summary's time away, the session
// id last. ACTION never shrinks below the width of "ENTERED", the most
// frequent action; STATUS gives way down to the width of "in progress"
// before a time away loses its " (still away)", which keeps its hours and
// minutes; and no session id is cut to fewer characters than its header
// has.
var shrinkOrder = []columnShrink{
	{header: "DESCRIPTION", comfort: 12, least: 4},
	{header: "DETAIL", comfort: 12, least: 4},
	{header: "ACTION", comfort: 9, least: len("ENTERED")},
	{header: "STATUS", comfort: len("in progress"), least: 7},
	{header: "TIME AWAY", comfort: len("TIME AWAY"), least: 6}, // "1h05m…",
	{header: "SESSION", comfort: 12, least: len("SESSION")},
}

// fitWidths returns the widths to give columns whose contents are natural
// wide, so that the table, columnGap between columns, is at most limit
// wide: the columns of shrinkOrder give up width, in its order, until it
// fits. When even that is not enough, the result is as narrow as
// shrinkOrder allows, and wider than limit. A limit of 0 or less is none.
func fitWidths(header []string, natural []int, limit int) []int {
	widths := append([]int(nil), natural...)
	excess := tableWidth(widths) - limit
	if limit <= 0 || excess <= 0 {
		return widths
	}
	for round := range 2 {
		for _, s := range shrinkOrder {
			i := indexOf(header, s.header)
			if i < 0 {
				continue
			}
			floor := s.comfort
			if round == 1 {
				floor = s.least
			}
			cut := min(excess, widths[i]-floor)
			if cut > 0 {
				widths[i] -= cut
				excess -= cut
			}
			if excess == 0 {
				return widths
			}
		}
	}
	return widths
}

// tableWidth is the width of a line whose columns are widths wide,
// columnGap apart.
func tableWidth(widths []int) int {
	width := columnGap * max(len(widths)-1, 0)
	for _, w := range widths {
		width += w
	}
	return width
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// cellWidth is the number of terminal columns s takes, the sum of its
// characters' widths: East Asian wide characters count two, combining
// marks and the bidirectional isolates none, colour sequences nothing.
func cellWidth(s string) int {
	width := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < ' ' || s[i] == 0x7f {
			return width + complexWidth(s[i:])
		}
		width++
	}
	return width
}

// complexWidth is cellWidth of text that is not all printable ASCII.
func complexWidth(s string) int {
	width := 0
	for g := graphemes.StringGraphemes(s); g.Next(); {
		v := g.Value()
		if v[0] == '\x1b' {
			continue
		}
		for _, r := range v {
			width += runeWidths.Rune(r)
		}
	}
	return width
}

// graphemes splits text into grapheme clusters, ANSI escape sequences
// (colour) each kept whole as a cluster of their own.
var graphemes = displaywidth.Options{ControlSequences: true}

// runeWidths measures one character: ambiguous-width characters count one.
var runeWidths = displaywidth.Options{}

// truncate returns s cut to at most width columns, ending in "…" when it
// was cut. It cuts between grapheme clusters only, so an accent stays on
// its letter and an emoji stays whole; colour sequences, even those after
// the cut, are kept so that the colour is reset.
func truncate(s string, width int) string {
	if cellWidth(s) <= width {
		return s
	}
	budget := width - cellWidth(ellipsis)
	var kept, escapes strings.Builder
	used := 0
	cut := false
	for g := graphemes.StringGraphemes(s); g.Next(); {
		v := g.Value()
		if v[0] == '\x1b' {
			if cut {
				escapes.WriteString(v)
			} else {
				kept.WriteString(v)
			}
			continue
		}
		w := cellWidth(v)
		if cut || used+w > budget {
			cut = true
			continue
		}
		kept.WriteString(v)
		used += w
	}
	if budget >= 0 {
		kept.WriteString(ellipsis)
	}
	kept.WriteString(escapes.String())
	return kept.String()
}

// fitCells cuts each cell to the width of its column.
func fitCells(cells []string, widths []int) {
	for i, cell := range cells {
		cells[i] = truncate(cell, widths[i])
	}
}

// clipLine cuts a rendered line that not even fitWidths could narrow enough
// to width columns, closing any isolate (isolateRTL) the cut left open so
// that the bidirectional layout of the line stays as it was.
func clipLine(line string, width int) string {
	clipped := truncate(line, width)
	if open := strings.Count(clipped, "\u2068") - strings.Count(clipped, "\u2069"); open > 0 {
		clipped += strings.Repeat("\u2069", open)
	}
	return clipped
}
