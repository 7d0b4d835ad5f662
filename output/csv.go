package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// csvWriter writes RFC 4180 rows (CRLF line ends, quoting where needed),
// flushing each row as it arrives, after a UTF-8 byte-order mark when bom
// is set. Every cell goes through inertCell, so a
// spreadsheet opening the file runs no formula a server put in it.
type csvWriter[T any] struct {
	w         io.Writer
	cw        *csv.Writer
	c         codec[T]
	header    []string
	noHeaders bool
	bom       bool
	started   bool // the byte-order mark and header (when wanted) have been written
	row       []string
}

func newCSVWriter[T any](w io.Writer, noHeaders, bom bool, c codec[T]) *csvWriter[T] {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := c.csvHeader()
	return &csvWriter[T]{w: w, cw: cw, c: c, header: header, noHeaders: noHeaders, bom: bom, row: make([]string, len(header))}
}

// Write writes v's row, preceded by the header on the first call.
func (c *csvWriter[T]) Write(v T) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.c.csvRow(c.row, v)
	for i, cell := range c.row {
		c.row[i] = inertCell(cell)
	}
	if err := c.cw.Write(c.row); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return c.flush()
}

// Close writes the byte-order mark and header if nothing came.
func (c *csvWriter[T]) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.flush()
}

// utf8BOM is U+FEFF encoded in UTF-8: Excel reads a csv file that starts
// with it as UTF-8, not in the system's legacy code page.
const utf8BOM = "\uFEFF"

// writeHeader buffers the byte-order mark, when wanted, and the header row,
// unless headers are off, once.
func (c *csvWriter[T]) writeHeader() error {
	if c.started {
		return nil
	}
	c.started = true
	if c.bom {
		// Nothing is buffered yet: the mark goes straight to the writer.
		if _, err := io.WriteString(c.w, utf8BOM); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	if c.noHeaders {
		return nil
	}
	if err := c.cw.Write(c.header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// flush sends the buffered rows to the underlying writer.
func (c *csvWriter[T]) flush() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// inertCell returns cell with a leading ' when a spreadsheet would take it
// for a formula: when it starts with =, +, -, @, a tab or a carriage return
// (the OWASP rule against CSV injection). A whole number, such as a
// negative count of seconds, is left as it is.
func inertCell(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseInt(cell, 10, 64); err == nil {
			return cell
		}
		return "'" + cell
	}
	return cell
}
