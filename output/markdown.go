package output

import (
	"fmt"
	"io"
	"strings"
)

// markdownWriter collects rows and writes them, at Close, as a
// GitHub-flavoured markdown table for pasting into a ticket: the table's
// header and cells, escaped, columns padded so that the source reads as a
// table too.
type markdownWriter[T any] struct {
	w         io.Writer
	c         codec[T]
	noHeaders bool
	rows      [][]string
}

func newMarkdownWriter[T any](w io.Writer, noHeaders bool, c codec[T]) *markdownWriter[T] {
	return &markdownWriter[T]{w: w, c: c, noHeaders: noHeaders}
}

// Write keeps v's row, escaped, until Close, which needs every column width.
func (m *markdownWriter[T]) Write(v T) error {
	row := m.c.tableRow(v)
	for i, cell := range row {
		row[i] = markdownCell(cell)
	}
	m.rows = append(m.rows, row)
	return nil
}

// Close writes the table; with no rows it writes nothing at all. A
// markdown table cannot be without a header row: with NoHeaders the header
// cells are left empty.
func (m *markdownWriter[T]) Close() error {
	if len(m.rows) == 0 {
		return nil
	}
	header := m.c.tableHeader()
	for i, h := range header {
		header[i] = markdownCell(h)
		if m.noHeaders {
			header[i] = ""
		}
	}
	widths := make([]int, len(header))
	for _, row := range append([][]string{header}, m.rows...) {
		for i, cell := range row {
			widths[i] = max(widths[i], cellWidth(cell), len("---"))
		}
	}
	var b strings.Builder
	writeMarkdownRow(&b, header, widths)
	rule := make([]string, len(header))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	writeMarkdownRow(&b, rule, widths)
	for _, row := range m.rows {
		writeMarkdownRow(&b, row, widths)
	}
	if _, err := io.WriteString(m.w, b.String()); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// writeMarkdownRow appends "| a | b |", each cell padded to its width.
func writeMarkdownRow(b *strings.Builder, cells []string, widths []int) {
	b.WriteString("|")
	for i, cell := range cells {
		b.WriteString(" ")
		b.WriteString(cell)
		b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(cell)))
		b.WriteString(" |")
	}
	b.WriteString("\n")
}

// markdownCell escapes a table cell for GitHub-flavoured markdown. The
// cell has been through safetext.Terminal, so it holds no control
// character: a line feed shows as the two characters \n, which this
// escapes to stay as they are. A backslash before any markdown punctuation
// makes it literal: \ and | (which would end the cell), ` * ~ [ ] < > &
// (code, emphasis, links, HTML, entities), and _ except inside a word,
// where GitHub never reads it as emphasis (TEMPORARILY_LEFT stays as it is).
func markdownCell(s string) string {
	if !strings.ContainsAny(s, "\\|`*~[]<>&_") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '|', '`', '*', '~', '[', ']', '<', '>', '&':
			b.WriteByte('\\')
		case '_':
			if i == 0 || i == len(s)-1 || !isWordByte(s[i-1]) || !isWordByte(s[i+1]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// multi-byte character (a letter of another script, as far as emphasis
// rules go).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
