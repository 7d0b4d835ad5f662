package output

import (
	"strings"
	"time"

	"github.com/sessionlog/sessionlog/timeline"
)

// noCell marks a cell of a bar outside the session's time.
const noCell timeline.State = -1

// cellLook is how a state is drawn: a shape that reads without colour,
// the colour that goes with it on a colour terminal, and the legend's word.
type cellLook struct {
	shape  rune
	color  string
	legend string
}

// cellLooks are the looks of the states, in the legend's order.
var cellLooks = []struct {
	state timeline.State
	look  cellLook
}{
	{timeline.StatePresent, cellLook{'█', ansiGreen, "present"}},
	{timeline.StateAway, cellLook{'░', ansiYellow, "away"}},
	{timeline.StateGone, cellLook{'·', ansiRed, "gone (left)"}},
	{timeline.StateOver, cellLook{'─', ansiBlue, "ended/cancelled"}},
	{timeline.StateUnknown, cellLook{'?', ansiMagenta, "unknown time"}},
}

// lookOf returns the look of state s; a cell outside the session is blank.
func lookOf(s timeline.State) cellLook {
	for _, l := range cellLooks {
		if l.state == s {
			return l.look
		}
	}
	return cellLook{shape: ' '}
}

// cellRank is how much a state matters to whoever reads the chart: a cell
// that covers several states shows the one that matters most, so that a
// one-minute absence on a long bar still shows.
func cellRank(s timeline.State) int {
	switch s {
	case timeline.StatePresent:
		return 1
	case timeline.StateOver:
		return 2
	case timeline.StateGone:
		return 3
	case timeline.StateAway:
		return 4
	case timeline.StateUnknown:
		return 5
	}
	return 0
}

// barCells maps a session onto n cells of axis a: each cell covers an
// equal stretch of the axis and shows the state that matters most in it.
// A session without entries has only blank cells; one whose times could
// not be read has only unknown ones.
func barCells(s Session, a timeline.Axis, n int) []timeline.State {
	cells := make([]timeline.State, n)
	for i := range cells {
		cells[i] = noCell
	}
	p := s.Presence
	switch {
	case n == 0 || s.Summary.Entries == 0:
		return cells
	case !p.Start.Known:
		for i := range cells {
			cells[i] = timeline.StateUnknown
		}
		return cells
	case a.Length <= 0: // every session on the axis is a single instant
		for i := range cells {
			cells[i] = p.Final
		}
		return cells
	}
	mark := func(first, last int, st timeline.State) {
		first, last = max(0, min(first, n-1)), max(0, min(last, n-1))
		for i := first; i <= max(first, last); i++ {
			if cellRank(st) > cellRank(cells[i]) {
				cells[i] = st
			}
		}
	}
	cellAt := func(t time.Duration) int { return int(t * time.Duration(n) / a.Length) }
	cellBefore := func(t time.Duration) int { // the last cell that starts before t
		return int((t*time.Duration(n)+a.Length-1)/a.Length) - 1
	}
	off := a.Offset(p)
	for _, per := range p.Periods {
		mark(cellAt(off+per.From), cellBefore(off+per.To), per.State)
	}
	if len(p.Periods) == 0 {
		mark(cellAt(off), cellAt(off), p.Final)
	}
	if p.UnknownBefore {
		mark(cellAt(off), cellAt(off), timeline.StateUnknown)
	}
	if p.UnknownAfter {
		mark(cellAt(off+p.Span), cellAt(off+p.Span), timeline.StateUnknown)
	}
	return cells
}

// drawCells draws cells as shapes, each run of one state in its colour
// when color.
func drawCells(cells []timeline.State, color bool) string {
	var b strings.Builder
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j] == cells[i] {
			j++
		}
		look := lookOf(cells[i])
		run := strings.Repeat(string(look.shape), j-i)
		if color && look.color != "" {
			run = look.color + run + ansiReset
		}
		b.WriteString(run)
		i = j
	}
	return b.String()
}

// clockLabel is a time of day, given as time since midnight, as "2:30 PM".
func clockLabel(d time.Duration) string {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(d).Format("3:04 PM")
}
