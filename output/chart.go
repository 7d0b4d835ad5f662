package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/sessionlog/sessionlog/internal/safetext"
	"github.com/sessionlog/sessionlog/timeline"
)

// ChartOptions tunes WriteChart.
type ChartOptions struct {
	// Width is the terminal's width in columns; 0 means 80, the width
	// assumed when output is piped.
	Width int
	// Color colours the bars, the statuses and the legend.
	Color bool
}

// Chart sizes, in columns.
const (
	// DefaultChartWidth is the width of a chart that goes to a pipe or a file.
	DefaultChartWidth = 80
	// minBar is the narrowest a bar gets, however narrow the terminal.
	minBar = 10
	// minOneLineBar is the narrowest bar that shares its line with the
	// session's status; below it, each session takes two lines.
	minOneLineBar = 20
	// maxLabel caps the width of a session id or a time at a bar's end.
	maxLabel = 16
)

// WriteChart draws sessions as a presence chart, one bar per session
// from its first entry to its last: present, away, gone, ended and
// unknown stretches as shapes that read without colour (and in colour with
// opts.Color), the first and last times at the ends, and the status and
// time away at the right. Sessions that overlap in time share one time
// axis, else each has its own; a line above the bars says which, and a
// legend follows them. Lines never exceed opts.Width once it leaves a bar
// of minBar cells; on a narrow terminal each session takes two lines: the
// status, then the bar. Each cell shows the state that matters most among
// those filling a quarter of it or more. Server text goes through
// safetext.Terminal.
func WriteChart(w io.Writer, sessions []Session, opts ChartOptions) error {
	if _, err := io.WriteString(w, chartText(sessions, opts)); err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	return nil
}

// chartRow is the text of one session's line.
type chartRow struct {
	id, first, last, status, away string
	st                            timeline.Status
}

// chartText renders the chart.
func chartText(sessions []Session, opts ChartOptions) string {
	width := opts.Width
	if width <= 0 {
		width = DefaultChartWidth
	}
	rows := make([]chartRow, len(sessions))
	var idW, firstW, lastW, statusW, awayW int
	for i, s := range sessions {
		r := chartRow{
			id:     label(s.Summary.SessionID),
			first:  label(s.Summary.First),
			last:   label(s.Summary.Last),
			status: statusWords(string(s.Summary.Status)),
			away:   awayText(s.Summary),
			st:     s.Summary.Status,
		}
		rows[i] = r
		idW, firstW, lastW = max(idW, cellWidth(r.id)), max(firstW, cellWidth(r.first)), max(lastW, cellWidth(r.last))
		statusW, awayW = max(statusW, cellWidth(r.status)), max(awayW, cellWidth(r.away))
	}
	ends := firstW + 1 + 1 + lastW // the times and the spaces around the bar
	bar := width - (idW + 2 + ends + 2 + statusW + 2 + awayW)
	oneLine := bar >= minOneLineBar
	if !oneLine {
		bar = max(minBar, width-(2+ends))
	}

	var b strings.Builder
	presences := make([]timeline.Presence, len(sessions))
	for i, s := range sessions {
		presences[i] = s.Presence
	}
	shared, isShared := timeline.SharedAxis(presences)
	switch {
	case isShared:
		writeWrapped(&b, width, "one time axis for all sessions, "+clockLabel(shared.Start)+" to "+
			clockLabel(shared.Start+shared.Length)+": they overlap in time")
		indent := 2
		if oneLine {
			indent = idW + 2
		}
		writeRuler(&b, indent+firstW+1, bar, clockLabel(shared.Start), clockLabel(shared.Start+shared.Length))
	case len(sessions) > 1:
		writeWrapped(&b, width, "each session on its own time scale: they do not overlap in time")
	}
	for i, s := range sessions {
		r := rows[i]
		axis := timeline.OwnAxis(s.Presence)
		if isShared {
			axis = shared
		}
		drawn := drawCells(barCells(s, axis, bar), opts.Color)
		status := padRight(r.status, statusW)
		if opts.Color {
			status = colorStatus(r.st, status)
		}
		ends := padLeft(r.first, firstW) + " " + drawn + " " + padRight(r.last, lastW)
		if oneLine {
			b.WriteString(strings.TrimRight(padRight(r.id, idW)+"  "+ends+"  "+status+"  "+r.away, " ") + "\n")
			continue
		}
		status = r.status
		if opts.Color {
			status = colorStatus(r.st, status)
		}
		writeFields(&b, width, []string{r.id, status, r.away}, []int{cellWidth(r.id), cellWidth(r.status), cellWidth(r.away)})
		if s.Summary.Entries > 0 {
			b.WriteString(strings.TrimRight("  "+ends, " ") + "\n")
		}
	}
	writeLegend(&b, width, opts.Color)
	return b.String()
}

// writeRuler writes the shared axis's start and end times over the bars.
func writeRuler(b *strings.Builder, indent, bar int, start, end string) {
	gap := bar - cellWidth(start) - cellWidth(end)
	if gap < 1 {
		return
	}
	b.WriteString(strings.Repeat(" ", indent) + start + strings.Repeat(" ", gap) + end + "\n")
}

// writeLegend writes what each shape means, on as many lines as width needs.
func writeLegend(b *strings.Builder, width int, color bool) {
	items := make([]string, len(cellLooks))
	plain := make([]string, len(cellLooks))
	for i, l := range cellLooks {
		shape := string(l.look.shape)
		plain[i] = shape + " " + l.look.legend
		if color {
			shape = l.look.color + shape + ansiReset
		}
		items[i] = shape + " " + l.look.legend
	}
	lineW := 0
	for i, item := range items {
		w := cellWidth(plain[i])
		if lineW > 0 && lineW+2+w > width {
			b.WriteString("\n")
			lineW = 0
		}
		if lineW > 0 {
			b.WriteString("  ")
			lineW += 2
		}
		b.WriteString(item)
		lineW += w
	}
	b.WriteString("\n")
}

// writeFields writes fields, of the given widths, two spaces apart on
// lines of at most width; lines after the first are indented.
func writeFields(b *strings.Builder, width int, fields []string, widths []int) {
	lineW := 0
	for i, f := range fields {
		if widths[i] == 0 {
			continue
		}
		switch {
		case lineW == 0:
		case lineW+2+widths[i] > width:
			b.WriteString("\n  ")
			lineW = 2
		default:
			b.WriteString("  ")
			lineW += 2
		}
		b.WriteString(f)
		lineW += widths[i]
	}
	b.WriteString("\n")
}

// writeWrapped writes text, broken between words into lines of at most width.
func writeWrapped(b *strings.Builder, width int, text string) {
	lineW := 0
	for _, word := range strings.Fields(text) {
		w := cellWidth(word)
		if lineW > 0 && lineW+1+w > width {
			b.WriteString("\n")
			lineW = 0
		}
		if lineW > 0 {
			b.WriteString(" ")
			lineW++
		}
		b.WriteString(word)
		lineW += w
	}
	b.WriteString("\n")
}

// label makes server text safe for the terminal and at most maxLabel
// columns wide.
func label(s string) string {
	return truncate(safetext.Terminal(s), maxLabel)
}

// awayText is a session's time away and span: "away 3m of 35m".
func awayText(s timeline.Summary) string {
	if s.Entries == 0 {
		return ""
	}
	return "away " + elapsedCell(s.TimeAway) + " of " + elapsedCell(s.Span)
}

// padRight pads s with spaces to width columns.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-cellWidth(s)))
}

// padLeft pads s with leading spaces to width columns.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-cellWidth(s))) + s
}
