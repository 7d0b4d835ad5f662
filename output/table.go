package output

import (
	"bytes"
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter collects rows and renders them, at Close, as a borderless
// kubectl-style table: uppercase header, left-aligned columns two spaces
// apart, no lines, no trailing spaces.
type tableWriter[T any] struct {
	w    io.Writer
	opts Options
	c    codec[T]
	rows [][]string
}

func newTableWriter[T any](w io.Writer, opts Options, c codec[T]) *tableWriter[T] {
	return &tableWriter[T]{w: w, opts: opts, c: c}
}

// Write keeps v's row until Close, which needs every column width.
func (t *tableWriter[T]) Write(v T) error {
	t.rows = append(t.rows, t.c.tableRow(v))
	return nil
}

// Close renders the table; with no rows it writes nothing at all.
func (t *tableWriter[T]) Close() error {
	if len(t.rows) == 0 {
		return nil
	}
	header := t.c.tableHeader()
	if t.opts.Color {
		for i, h := range header {
			header[i] = bold(h)
		}
	}

	// A space on each inner side of every column makes the two-space gap;
	// the outer edges get none. (tablewriter repeats a padding string once
	// per cell of slack, so each side must be a single character.)
	pads := make([]tw.Padding, len(header))
	for i := range pads {
		pads[i] = tw.Padding{Left: tw.Space, Right: tw.Space, Overwrite: true}
	}
	pads[0].Left = tw.Empty
	pads[len(pads)-1].Right = tw.Empty

	var buf bytes.Buffer
	table := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders:  tw.BorderNone,
			Settings: tw.Settings{Lines: tw.LinesNone, Separators: tw.SeparatorsNone},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithHeaderPaddingPerColumn(pads),
		tablewriter.WithRowPaddingPerColumn(pads),
	)
	if !t.opts.NoHeaders {
		table.Header(header)
	}
	if err := table.Bulk(t.rows); err != nil {
		return fmt.Errorf("build table: %w", err)
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("render table: %w", err)
	}
	// tablewriter pads the last column to its width and ignores write
	// errors, so it renders into buf and the trimmed lines go to w here.
	if _, err := t.w.Write(trimLines(buf.Bytes())); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// trimLines returns b with the trailing spaces of every line removed.
func trimLines(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for line := range bytes.Lines(b) {
		text, nl := bytes.CutSuffix(line, []byte("\n"))
		out = append(out, bytes.TrimRight(text, " ")...)
		if nl {
			out = append(out, '\n')
		}
	}
	return out
}
