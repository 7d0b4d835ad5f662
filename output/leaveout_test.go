package output

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/timeline"
)

// demoSummaries are summary rows like those of the demo sessions 1001 to
// 1004: ended, in progress, cancelled, and in progress with the customer
// still away.
func demoSummaries() []SummaryRow {
	sums := []timeline.Summary{
		{SessionID: "1001", Status: timeline.StatusEnded, Entries: 5, First: "2:30 PM", Last: "3:05 PM",
			TimesAway: 1, TimeAway: known(3 * time.Minute), Span: known(35 * time.Minute)},
		{SessionID: "1002", Status: timeline.StatusInProgress, Entries: 3, First: "4:00 PM", Last: "4:15 PM",
			TimesAway: 1, TimeAway: known(3 * time.Minute), Span: known(15 * time.Minute)},
		{SessionID: "1003", Status: timeline.StatusCancelled, Entries: 4, First: "10:00 AM", Last: "10:09 AM",
			TimeAway: known(0), Span: known(9 * time.Minute)},
		{SessionID: "1004", Status: timeline.StatusInProgress, Entries: 350, First: "12:16 AM", Last: "10:53 AM",
			TimesAway: 144, TimeAway: known(7*time.Hour + 35*time.Minute), StillAway: true, Span: known(34*time.Hour + 37*time.Minute)},
	}
	rows := make([]SummaryRow, len(sums))
	for i, s := range sums {
		rows[i] = SummaryRow{Summary: s}
	}
	return rows
}

// TestSummaryLeavesOutColumns checks which columns the summary table keeps
// at each terminal width: FIRST, ENTRIES and LAST go, in that order, before
// a vital cell is cut; only then do the columns shrink, and the line is
// clipped.
func TestSummaryLeavesOutColumns(t *testing.T) {
	whole := []string{
		"SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY",
		"1001     ended        5        2:30 PM   3:05 PM   35m       1     3m",
		"1002     in progress  3        4:00 PM   4:15 PM   15m       1     3m",
		"1003     cancelled    4        10:00 AM  10:09 AM  9m        0     0m",
		"1004     in progress  350      12:16 AM  10:53 AM  34h37m    144   7h35m (still away)",
	}
	tests := []struct {
		name    string
		opts    Options
		want    []string
		leftOut []string
	}{
		{"200: all fits", Options{Format: FormatTable, MaxWidth: 200}, whole, nil},
		{"no limit, as piped", Options{Format: FormatTable}, whole, nil},
		{"85: fits exactly", Options{Format: FormatTable, MaxWidth: 85}, whole, nil},
		{"80: FIRST goes", Options{Format: FormatTable, MaxWidth: 80}, []string{
			"SESSION  STATUS       ENTRIES  LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        5        3:05 PM   35m       1     3m",
			"1002     in progress  3        4:15 PM   15m       1     3m",
			"1003     cancelled    4        10:09 AM  9m        0     0m",
			"1004     in progress  350      10:53 AM  34h37m    144   7h35m (still away)",
		}, []string{"FIRST"}},
		{"70: then ENTRIES", Options{Format: FormatTable, MaxWidth: 70}, []string{
			"SESSION  STATUS       LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        3:05 PM   35m       1     3m",
			"1002     in progress  4:15 PM   15m       1     3m",
			"1003     cancelled    10:09 AM  9m        0     0m",
			"1004     in progress  10:53 AM  34h37m    144   7h35m (still away)",
		}, []string{"FIRST", "ENTRIES"}},
		{"60: then LAST; the vital columns stay whole", Options{Format: FormatTable, MaxWidth: 60}, []string{
			"SESSION  STATUS       DURATION  AWAY  TIME AWAY",
			"1001     ended        35m       1     3m",
			"1002     in progress  15m       1     3m",
			"1003     cancelled    9m        0     0m",
			"1004     in progress  34h37m    144   7h35m (still away)",
		}, []string{"FIRST", "ENTRIES", "LAST"}},
		{"45: nothing left to leave out, so the columns shrink", Options{Format: FormatTable, MaxWidth: 45}, []string{
			"SESSION  STATUS     DURATION  AWAY  TIME AWAY",
			"1001     ended      35m       1     3m",
			"1002     in progr…  15m       1     3m",
			"1003     cancelled  9m        0     0m",
			"1004     in progr…  34h37m    144   7h35m (s…",
		}, []string{"FIRST", "ENTRIES", "LAST"}},
		{"30: and the lines are clipped", Options{Format: FormatTable, MaxWidth: 30}, []string{
			"SESSION  STATUS   DURATION  A…",
			"1001     ended    35m       1…",
			"1002     in pro…  15m       1…",
			"1003     cancel…  9m        0…",
			"1004     in pro…  34h37m    1…",
		}, []string{"FIRST", "ENTRIES", "LAST"}},
		{"60 without headers: the cells decide", Options{Format: FormatTable, MaxWidth: 60, NoHeaders: true}, []string{
			"1001  ended        3:05 PM   35m     1    3m",
			"1002  in progress  4:15 PM   15m     1    3m",
			"1003  cancelled    10:09 AM  9m      0    0m",
			"1004  in progress  10:53 AM  34h37m  144  7h35m (still away)",
		}, []string{"FIRST", "ENTRIES"}},
		{"-o wide at 30: everything", Options{Format: FormatWide, MaxWidth: 30}, whole, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, leftOut := renderLeavingOut(t, tt.opts)
			if want := strings.Join(tt.want, "\n") + "\n"; got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if !slices.Equal(leftOut, tt.leftOut) {
				t.Errorf("LeftOutColumns = %q, want %q", leftOut, tt.leftOut)
			}
		})
	}
}

// TestLeftOutColumnsOfOtherFormats checks that only a table leaves out
// columns.
func TestLeftOutColumnsOfOtherFormats(t *testing.T) {
	for _, format := range []Format{FormatCSV, FormatJSON, FormatMarkdown} {
		if _, leftOut := renderLeavingOut(t, Options{Format: format, MaxWidth: 30}); leftOut != nil {
			t.Errorf("-o %s: LeftOutColumns = %q, want none", format, leftOut)
		}
	}
}

// renderLeavingOut writes demoSummaries through a SummaryWriter for opts
// and returns the output and the columns it left out.
func renderLeavingOut(t *testing.T, opts Options) (string, []string) {
	t.Helper()
	var w SummaryWriter
	out := renderWith(t, func(out io.Writer, opts Options) (SummaryWriter, error) {
		var err error
		w, err = NewSummaryWriter(out, opts)
		return w, err
	}, opts, demoSummaries())
	return out, LeftOutColumns(w)
}
