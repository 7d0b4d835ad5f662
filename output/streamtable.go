package output

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// minWidther is a codec that knows how wide its table columns usually get,
// so that a streamed table rarely needs to widen.
type minWidther interface {
	tableMinWidths() []int
}

// streamTableWriter writes each row as it arrives, in the layout of the
// table writer: left-aligned columns two spaces apart, no trailing spaces.
type streamTableWriter[T any] struct {
	w       io.Writer
	opts    Options
	c       codec[T]
	header  []string // the column names, which fitWidths goes by
	widths  []int
	started bool
}

func newStreamTableWriter[T any](w io.Writer, opts Options, c codec[T]) *streamTableWriter[T] {
	header := c.tableHeader()
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = cellWidth(h)
	}
	if m, ok := any(c).(minWidther); ok {
		for i, min := range m.tableMinWidths() {
			widths[i] = max(widths[i], min)
		}
	}
	return &streamTableWriter[T]{w: w, opts: opts, c: c, header: header, widths: widths}
}

// Write prints v's row, preceded by the header on the first call.
func (t *streamTableWriter[T]) Write(v T) error {
	var b strings.Builder
	if !t.started && !t.opts.NoHeaders {
		t.line(&b, slices.Clone(t.header), t.opts.Color)
	}
	t.started = true
	t.line(&b, t.c.tableRow(v), false)
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// line appends cells as one line, each but the last padded to its width,
// the cells in bold for a coloured header. With MaxWidth, the columns get
// the widths that make a row with the longest last cell fit, so that every
// row lines up, and cells are cut to them.
func (t *streamTableWriter[T]) line(b *strings.Builder, cells []string, boldCells bool) {
	for i, cell := range cells[:len(cells)-1] {
		t.widths[i] = max(t.widths[i], cellWidth(cell))
	}
	widths := t.widths
	if t.opts.MaxWidth > 0 {
		natural := append([]int(nil), t.widths...)
		natural[len(natural)-1] = t.opts.MaxWidth // as wide as can be
		widths = fitWidths(t.header, natural, t.opts.MaxWidth)
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
		text = clipLine(text, t.opts.MaxWidth) // when no fit was narrow enough
	}
	b.WriteString(text)
	b.WriteByte('\n')
}

// Close writes nothing: every row is already out.
func (t *streamTableWriter[T]) Close() error { return nil }
