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
	tests := []struct {
		name    string
		opts    Options
		want    []string
		leftOut []string
	}{
		{"200: all fits", Options{Format: FormatTable, MaxWidth: 200}, []string{
			"SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        5        2:30 PM   3:05 PM   35m       1     3m",
			"1002     in progress  3        4:00 PM   4:15 PM   15m       1     3m",
			"1003     cancelled    4        10:00 AM  10:09 AM  9m        0     0m",
			"1004     in progress  350      12:16 AM  10:53 AM  34h37m    144   7h35m (still away)",
		}, nil},
		{"no limit, as piped", Options{Format: FormatTable}, []string{
			"SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        5        2:30 PM   3:05 PM   35m       1     3m",
			"1002     in progress  3        4:00 PM   4:15 PM   15m       1     3m",
			"1003     cancelled    4        10:00 AM  10:09 AM  9m        0     0m",
			"1004     in progress  350      12:16 AM  10:53 AM  34h37m    144   7h35m (still away)",
		}, nil},
		{"85: fits exactly", Options{Format: FormatTable, MaxWidth: 85}, []string{
			"SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        5        2:30 PM   3:05 PM   35m       1     3m",
			"1002     in progress  3        4:00 PM   4:15 PM   15m       1     3m",
			"1003     cancelled    4        10:00 AM  10:09 AM  9m        0     0m",
			"1004     in progress  350      12:16 AM  10:53 AM  34h37m    144   7h35m (still away)",
		}, nil},
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
		{"-o wide at 30: everything", Options{Format: FormatWide, MaxWidth: 30}, []string{
			"SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY",
			"1001     ended        5        2:30 PM   3:05 PM   35m       1     3m",
			"1002     in progress  3        4:00 PM   4:15 PM   15m       1     3m",
			"1003     cancelled    4        10:00 AM  10:09 AM  9m        0     0m",
			"1004     in progress  350      12:16 AM  10:53 AM  34h37m    144   7h35m (still away)",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			w, err := NewSummaryWriter(&b, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range demoSummaries() {
				if err := w.Write(s); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tt.want, "\n") + "\n"; b.String() != want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
			}
			if got := LeftOutColumns(w); !slices.Equal(got, tt.leftOut) {
				t.Errorf("LeftOutColumns = %q, want %q", got, tt.leftOut)
			}
		})
	}
}

// TestLeftOutColumnsOfOtherFormats checks that only a table leaves out
// columns.
func TestLeftOutColumnsOfOtherFormats(t *testing.T) {
	for _, format := range []Format{FormatCSV, FormatJSON, FormatMarkdown} {
		w, err := NewSummaryWriter(io.Discard, Options{Format: format, MaxWidth: 30})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range demoSummaries() {
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if got := LeftOutColumns(w); got != nil {
			t.Errorf("-o %s: LeftOutColumns = %q, want none", format, got)
		}
	}
}
