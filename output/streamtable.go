package output

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sessionlog/sessionlog/client"
)

// minWidther is a codec that knows how wide its table columns usually get,
// so that a followed table rarely needs to widen.
type minWidther interface {
	tableMinWidths() []int
}

// streamTableWriter is the table of every format that prints one: a
// borderless kubectl-style table, uppercase header, left-aligned columns
// two spaces apart, no lines, no trailing spaces.
//
// It holds rows only until it knows the column widths: all of them when
// Options.TableLookahead is 0 (the widths are then exactly the widest
// cells); the first TableLookahead rows otherwise, after which the widths
// are those rows' widest cells, the widest known values of the columns
// (the last position to come, a time such as "12:59 PM", the longest
// action type), and every row is
// printed as soon as it is written, so that memory does not grow with the
// table. With Options.StreamTable it holds none: the widths start at the
// codec's usual widths. Once rows are out, a wider cell widens its column
// for the rows after it.
type streamTableWriter[T any] struct {
	w      io.Writer
	opts   Options
	c      codec[T]
	header []string // the column names, which fitWidths goes by
	widths []int    // the natural widths: the widest cells so far
	held   [][]string
	// lastPosition is the highest position the rows will show, 0 when
	// unknown (ExpectPositions).
	lastPosition int
	streaming    bool     // the widths are fixed and rows are printed as written
	started      bool     // the header, or a row, is out
	leftOut      []string // the columns leaveOutColumns took out
}

func newStreamTableWriter[T any](w io.Writer, opts Options, c codec[T]) *streamTableWriter[T] {
	header := c.tableHeader()
	widths := make([]int, len(header))
	if !opts.NoHeaders {
		for i, h := range header {
			widths[i] = cellWidth(h)
		}
	}
	t := &streamTableWriter[T]{w: w, opts: opts, c: c, header: header, widths: widths}
	if opts.StreamTable {
		if m, ok := any(c).(minWidther); ok {
			for i, min := range m.tableMinWidths() {
				widths[i] = max(widths[i], cellWidth(header[i]), min)
			}
		}
		t.streaming = true
	}
	return t
}

// ExpectPositions tells w, when it writes a table, that the rows to come
// show positions up to last, so that a table streamed after its first
// rows gives the # column that width from the start. Other writers ignore
// it.
func ExpectPositions(w Writer, last int) {
	if t, ok := w.(*streamTableWriter[Record]); ok {
		t.lastPosition = max(t.lastPosition, last)
	}
}

// Write prints v's row, or holds it while the widths are not known.
func (t *streamTableWriter[T]) Write(v T) error {
	row := t.c.tableRow(v)
	if !t.streaming {
		t.held = append(t.held, row)
		if t.opts.TableLookahead == 0 || len(t.held) < t.opts.TableLookahead {
			return nil
		}
		t.fixWidths()
		return t.flushHeld(t.streamWidths())
	}
	return t.print(t.streamWidths(), row)
}

// Close prints the rows still held, in columns as wide as their widest
// cells, fitted to MaxWidth (leaveOutColumns, fitWidths); a table without
// rows writes nothing at all.
func (t *streamTableWriter[T]) Close() error {
	if t.streaming || len(t.held) == 0 {
		return nil
	}
	for _, row := range t.held {
		t.widen(row, len(row))
	}
	widths := t.widths
	if t.opts.MaxWidth > 0 {
		t.leaveOutColumns()
		widths = fitWidths(t.header, t.widths, t.opts.MaxWidth)
	}
	return t.flushHeld(widths)
}

// fixWidths sets the widths of a table streamed after its held rows: the
// widest held cells, the last position's digits for "#", the widest time
// of day of the API's format for TIME, the longest action type for ACTION;
// then streaming starts.
func (t *streamTableWriter[T]) fixWidths() {
	for _, row := range t.held {
		t.widen(row, len(row)-1)
	}
	atLeast := func(header string, width int) {
		if i := indexOf(t.header, header); i >= 0 && i < len(t.widths)-1 {
			t.widths[i] = max(t.widths[i], width)
		}
	}
	if t.lastPosition > 0 {
		atLeast("#", len(strconv.Itoa(t.lastPosition)))
	}
	atLeast("TIME", len("12:59 PM"))
	for _, a := range client.ActionTypes() {
		atLeast("ACTION", len(a))
	}
	t.streaming = true
}

// streamWidths returns the widths a streamed row is laid out in: with
// MaxWidth, those that make a row with the longest last cell fit, so that
// every row lines up.
func (t *streamTableWriter[T]) streamWidths() []int {
	if t.opts.MaxWidth <= 0 {
		return t.widths
	}
	natural := slices.Clone(t.widths)
	natural[len(natural)-1] = t.opts.MaxWidth // as wide as can be
	return fitWidths(t.header, natural, t.opts.MaxWidth)
}

// widen grows the widths of the first n columns to row's cells.
func (t *streamTableWriter[T]) widen(row []string, n int) {
	for i, cell := range row[:n] {
		t.widths[i] = max(t.widths[i], cellWidth(strings.TrimSpace(cell)))
	}
}

// flushHeld prints the held rows in widths and lets them go.
func (t *streamTableWriter[T]) flushHeld(widths []int) error {
	var b strings.Builder
	t.header1(&b, widths)
	for _, row := range t.held {
		t.line(&b, row, widths, false)
	}
	t.held = nil
	return t.write(b.String())
}

// print prints row, widening the columns (but the last) for it first.
func (t *streamTableWriter[T]) print(widths []int, row []string) error {
	if t.widen(row, len(row)-1); t.opts.MaxWidth > 0 {
		widths = t.streamWidths()
	}
	var b strings.Builder
	t.header1(&b, widths)
	t.line(&b, row, widths, false)
	return t.write(b.String())
}

// header1 appends the header the first time it is called.
func (t *streamTableWriter[T]) header1(b *strings.Builder, widths []int) {
	if !t.started && !t.opts.NoHeaders {
		t.line(b, slices.Clone(t.header), widths, t.opts.Color)
	}
	t.started = true
}

func (t *streamTableWriter[T]) write(s string) error {
	if _, err := io.WriteString(t.w, s); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// line appends cells as one line, each but the last padded to its width,
// the cells in bold for a coloured header. With MaxWidth, cells are cut to
// widths, and the line to MaxWidth when no fit was narrow enough.
func (t *streamTableWriter[T]) line(b *strings.Builder, cells []string, widths []int, boldCells bool) {
	for i, cell := range cells {
		cells[i] = strings.TrimSpace(cell)
	}
	if t.opts.MaxWidth > 0 {
		fitCells(cells, widths)
	}
	if t.opts.IsolateRTL {
		isolateRTL(cells)
	}
	var line strings.Builder
	for i, cell := range cells {
		width := cellWidth(cell)
		if boldCells {
			cell = bold(cell)
		}
		line.WriteString(cell)
		if i == len(cells)-1 {
			break
		}
		line.WriteString(strings.Repeat(" ", max(widths[i]-width, 0)+columnGap))
	}
	text := strings.TrimRight(line.String(), " ")
	if t.opts.MaxWidth > 0 {
		text = clipLine(text, t.opts.MaxWidth)
	}
	b.WriteString(text)
	b.WriteByte('\n')
}
