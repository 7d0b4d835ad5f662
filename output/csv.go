package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// csvHeader is the header row of the csv format.
var csvHeader = []string{"session_id", "position", "date", "action_type", "text"}

// csvWriter writes RFC 4180 rows (CRLF line ends, quoting where needed),
// flushing each record as it arrives.
type csvWriter struct {
	cw        *csv.Writer
	noHeaders bool
	started   bool // the header (when wanted) has been written
	row       []string
}

func newCSVWriter(w io.Writer, noHeaders bool) *csvWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter{cw: cw, noHeaders: noHeaders, row: make([]string, len(csvHeader))}
}

// Write writes the record's row, preceded by the header on the first call.
func (c *csvWriter) Write(r Record) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.row[0] = r.SessionID
	c.row[1] = strconv.Itoa(r.Position)
	c.row[2] = r.Entry.Date
	c.row[3] = string(r.Entry.ActionType)
	c.row[4] = r.Entry.Text
	if err := c.cw.Write(c.row); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return c.flush()
}

// Close writes the header if no record came.
func (c *csvWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.flush()
}

// writeHeader buffers the header row once, unless headers are off.
func (c *csvWriter) writeHeader() error {
	if c.started {
		return nil
	}
	c.started = true
	if c.noHeaders {
		return nil
	}
	if err := c.cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// flush sends the buffered rows to the underlying writer.
func (c *csvWriter) flush() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
