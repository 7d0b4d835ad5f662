package output

import (
	"slices"
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
	{timeline.StateGone, cellLook{'·', ansiMagenta, "gone (left)"}},
	{timeline.StateOver, cellLook{'─', ansiBrightBlue, "ended/cancelled"}},
	{timeline.StateUnknown, cellLook{'?', ansiCyan, "unknown time"}},
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

// cellRank is how much a state matters to whoever reads the chart: it
// breaks ties, and a state too short for a cell of its own takes over a
// cell only from a state that matters less.
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
// equal stretch of the axis and shows the state that matters most among
// those that fill a quarter of it or more (cellState). A state the session was in that fills no cell that way (a one-minute
// absence on a long bar) still shows once, in the cell where its longest
// period falls. A session without entries has only blank cells; one whose
// times could not be read has only unknown ones.
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
		fill(cells, timeline.StateUnknown)
		return cells
	case a.Length <= 0: // every session on the axis is a single instant
		fill(cells, p.Final)
		return cells
	}
	off := a.Offset(p)
	cellAt := func(t time.Duration) int { return min(int(t*time.Duration(n)/a.Length), n-1) }
	cellStart := func(i int) time.Duration { return a.Length * time.Duration(i) / time.Duration(n) }
	// filled[i][st] is how much of cell i state st fills.
	filled := make([][timeline.StateUnknown + 1]time.Duration, n)
	for _, per := range p.Periods {
		from, to := off+per.From, off+per.To
		for i := cellAt(from); i < n && cellStart(i) < to; i++ {
			filled[i][per.State] += min(to, cellStart(i+1)) - max(from, cellStart(i))
		}
	}
	for i, f := range filled {
		cells[i] = cellState(f, cellStart(i+1)-cellStart(i))
	}
	mark := func(i int, st timeline.State) {
		if cellRank(st) > cellRank(cells[i]) {
			cells[i] = st
		}
	}
	for _, st := range []timeline.State{timeline.StateUnknown, timeline.StateAway, timeline.StateGone, timeline.StateOver} {
		if longest, ok := longestPeriod(p.Periods, st); ok && !slices.Contains(cells, st) {
			mark(cellAt(off+(longest.From+longest.To)/2), st)
		}
	}
	if len(p.Periods) == 0 {
		mark(cellAt(off), p.Final)
	}
	if p.UnknownBefore {
		mark(cellAt(off), timeline.StateUnknown)
	}
	if p.UnknownAfter {
		mark(cellAt(off+p.Span), timeline.StateUnknown)
	}
	return cells
}

// minShare is the share of a cell that a state must fill to show in it
// over a state that matters less.
const minShare = 4 // a quarter

// cellState is the state a cell of the given size shows when each state
// fills it as much as filled says: the one that matters most among those
// that fill at least a quarter of it, else the one that fills most of it;
// none if nothing fills it.
func cellState(filled [timeline.StateUnknown + 1]time.Duration, size time.Duration) timeline.State {
	shown, most := noCell, time.Duration(0)
	for st, d := range filled {
		if d > most {
			shown, most = timeline.State(st), d
		}
	}
	for st, d := range filled {
		if d > 0 && d*minShare >= size && cellRank(timeline.State(st)) > cellRank(shown) {
			shown = timeline.State(st)
		}
	}
	return shown
}

// longestPeriod returns the longest of the periods in state st.
func longestPeriod(ps []timeline.Period, st timeline.State) (timeline.Period, bool) {
	var longest timeline.Period
	found := false
	for _, p := range ps {
		if p.State == st && (!found || p.To-p.From > longest.To-longest.From) {
			longest, found = p, true
		}
	}
	return longest, found
}

// fill sets every cell to st.
func fill(cells []timeline.State, st timeline.State) {
	for i := range cells {
		cells[i] = st
	}
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
