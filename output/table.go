package output

import (
	"bytes"
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/text/unicode/bidi"
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
	if t.opts.MaxWidth > 0 {
		t.fit(header)
	}
	if t.opts.Color {
		for i, h := range header {
			header[i] = bold(h)
		}
	}
	if t.opts.IsolateRTL {
		for _, row := range t.rows {
			isolateRTL(row)
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
	if _, err := t.w.Write(trimLines(buf.Bytes(), t.opts.MaxWidth)); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// fit cuts the header and the cells to the widths that make the table fit
// in MaxWidth columns.
func (t *tableWriter[T]) fit(header []string) {
	natural := make([]int, len(header))
	if !t.opts.NoHeaders {
		for i, h := range header {
			natural[i] = cellWidth(h)
		}
	}
	for _, row := range t.rows {
		for i, cell := range row {
			natural[i] = max(natural[i], cellWidth(cell))
		}
	}
	widths := fitWidths(header, natural, t.opts.MaxWidth)
	fitCells(header, widths)
	for _, row := range t.rows {
		fitCells(row, widths)
	}
}

// isolateRTL wraps each cell that holds right-to-left text (Arabic) in
// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that a
// terminal applying the bidirectional algorithm lays the cell out on its
// own and never reorders the row around it: a row that begins with an
// Arabic time is not mirrored. The isolates take no columns. The cells have
// been through safetext.Terminal, which shows a server's own isolates as
// escapes, so these are the only ones.
func isolateRTL(cells []string) {
	for i, cell := range cells {
		if hasStrongRTL(cell) {
			cells[i] = "\u2068" + cell + "\u2069"
		}
	}
}

// hasStrongRTL reports whether s holds a strong right-to-left character
// (bidi class R or AL: Hebrew, Arabic and the like).
func hasStrongRTL(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}

// trimLines returns b with the trailing spaces of every line removed, and,
// when maxWidth > 0, every line longer than maxWidth columns cut to it (a
// table that not even shrinking its columns makes fit never wraps).
func trimLines(b []byte, maxWidth int) []byte {
	out := make([]byte, 0, len(b))
	for line := range bytes.Lines(b) {
		text, nl := bytes.CutSuffix(line, []byte("\n"))
		text = bytes.TrimRight(text, " ")
		if maxWidth > 0 {
			text = []byte(clipLine(string(text), maxWidth))
		}
		out = append(out, text...)
		if nl {
			out = append(out, '\n')
		}
	}
	return out
}
