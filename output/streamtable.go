package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
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
	widths  []int
	started bool
}

func newStreamTableWriter[T any](w io.Writer, opts Options, c codec[T]) *streamTableWriter[T] {
	header := c.tableHeader()
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = twwidth.Width(h)
	}
	if m, ok := any(c).(minWidther); ok {
		for i, min := range m.tableMinWidths() {
			widths[i] = max(widths[i], min)
		}
	}
	return &streamTableWriter[T]{w: w, opts: opts, c: c, widths: widths}
}

// Write prints v's row, preceded by the header on the first call.
func (t *streamTableWriter[T]) Write(v T) error {
	var b strings.Builder
	if !t.started && !t.opts.NoHeaders {
		header := t.c.tableHeader()
		if t.opts.Color {
			for i, h := range header {
				header[i] = bold(h)
			}
		}
		t.line(&b, header)
	}
	t.started = true
	t.line(&b, t.c.tableRow(v))
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// line appends cells as one line, each but the last padded to its width.
func (t *streamTableWriter[T]) line(b *strings.Builder, cells []string) {
	var line strings.Builder
	for i, cell := range cells {
		t.widths[i] = max(t.widths[i], twwidth.Width(cell))
		if i == len(cells)-1 {
			line.WriteString(cell)
			break
		}
		line.WriteString(tw.PadRight(cell, " ", t.widths[i]))
		line.WriteString("  ")
	}
	b.WriteString(strings.TrimRight(line.String(), " "))
	b.WriteByte('\n')
}

// Close writes nothing: every row is already out.
func (t *streamTableWriter[T]) Close() error { return nil }
