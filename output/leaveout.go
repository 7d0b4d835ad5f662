package output

import "slices"

// columnLeaver is a codec whose table, rather than cut its vital cells,
// leaves out whole columns when it is wider than the terminal.
type columnLeaver interface {
	// columnsToLeaveOut names the columns that may be left out, the first
	// to go first.
	columnsToLeaveOut() []string
}

// leaveOutColumns takes out of a held table, in the codec's order, the
// columns it may do without, until the table fits Options.MaxWidth or none
// is left to take out; fitWidths then cuts what still does not fit. The
// names of the columns taken out are kept for LeftOutColumns. A streamed
// table keeps its columns: its first rows may already be out.
func (t *streamTableWriter[T]) leaveOutColumns() {
	leaver, ok := any(t.c).(columnLeaver)
	if !ok {
		return
	}
	for _, name := range leaver.columnsToLeaveOut() {
		if tableWidth(t.widths) <= t.opts.MaxWidth {
			return
		}
		i := indexOf(t.header, name)
		if i < 0 {
			continue
		}
		t.header = slices.Delete(t.header, i, i+1)
		t.widths = slices.Delete(t.widths, i, i+1)
		for j, row := range t.held {
			t.held[j] = slices.Delete(row, i, i+1)
		}
		t.leftOut = append(t.leftOut, name)
	}
}

// LeftOutColumns returns the names of the table columns that w, once
// closed, left out to fit Options.MaxWidth, in the order they went; none
// for a table that fitted, a table without a width limit, or another
// format.
func LeftOutColumns(w SummaryWriter) []string {
	if t, ok := w.(*streamTableWriter[SummaryRow]); ok {
		return slices.Clone(t.leftOut)
	}
	return nil
}
