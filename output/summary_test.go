package output

import (
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/timeline"
)

// known is a known Elapsed of d.
func known(d time.Duration) timeline.Elapsed {
	return timeline.Elapsed{Duration: d, Known: true}
}

// summaryFixture is the fixed set of summary rows behind the summary golden
// files: one of each status, known and unknown times, still away, and a
// session that failed.
func summaryFixture() []SummaryRow {
	sums := []timeline.Summary{
		{SessionID: "1042", Status: timeline.StatusEnded, Entries: 5, First: "2:30 PM", Last: "2:50 PM",
			TimesAway: 1, TimeAway: known(3 * time.Minute), Span: known(20 * time.Minute)},
		{SessionID: "1043", Status: timeline.StatusInProgress, Entries: 7, First: "11:40 PM", Last: "12:55 AM",
			TimesAway: 2, TimeAway: known(65 * time.Minute), StillAway: true, Span: known(75 * time.Minute)},
		{SessionID: "1044", Status: timeline.StatusCancelled, Entries: 4, First: "٢:٠٠ م", Last: "later",
			TimesAway: 1},
		{SessionID: "1045", Status: timeline.StatusCancelRequested, Entries: 2, First: "14:00", Last: "14:10",
			TimeAway: known(0), Span: known(10 * time.Minute)},
		{SessionID: "1046", Status: timeline.StatusNoEntries, TimeAway: known(0), Span: known(0)},
		{SessionID: "1047", Status: timeline.StatusInProgress, Entries: 3, First: "9:00 AM", Last: "soon",
			TimesAway: 1, StillAway: true},
	}
	rows := make([]SummaryRow, 0, len(sums)+1)
	for _, s := range sums {
		rows = append(rows, SummaryRow{Summary: s})
	}
	return append(rows, SummaryRow{Summary: timeline.Summary{SessionID: "999"}, Error: &ErrorInfo{
		Kind: "not_found", Status: 404, Message: `session "999" not found (HTTP 404)`,
		ServerMessage: "لم يتم العثور على الجلسة", SessionID: "999",
	}})
}

// renderSummaries writes sums through a SummaryWriter for opts and returns
// the output.
func renderSummaries(t *testing.T, opts Options, sums []SummaryRow) string {
	t.Helper()
	return renderWith(t, NewSummaryWriter, opts, sums)
}

func TestSummaryOptions(t *testing.T) {
	sums := summaryFixture()[:2]
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"table without headers", Options{Format: FormatTable, NoHeaders: true},
			"1042  ended        5  2:30 PM   2:50 PM   20m    1  3m\n" +
				"1043  in progress  7  11:40 PM  12:55 AM  1h15m  2  1h05m (still away)\n"},
		{"csv without headers", Options{Format: FormatCSV, NoHeaders: true},
			"1042,ended,5,2:30 PM,2:50 PM,1,180,false,1200,\r\n1043,in_progress,7,11:40 PM,12:55 AM,2,3900,true,4500,\r\n"},
		{"jq", Options{Format: FormatJSON, JQ: mustJQ(t, `.[] | select(.still_away) | "\(.session_id) \(.time_away_seconds)"`)},
			"1043 3900\n"},
		{"record options ignored", Options{Format: FormatJSONL, ShowSession: true, Gaps: true},
			`{"session_id":"1042","status":"ended","entries":5,"first":"2:30 PM","last":"2:50 PM","times_away":1,"time_away_seconds":180,"still_away":false,"span_seconds":1200,"error":null}` + "\n" +
				`{"session_id":"1043","status":"in_progress","entries":7,"first":"11:40 PM","last":"12:55 AM","times_away":2,"time_away_seconds":3900,"still_away":true,"span_seconds":4500,"error":null}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderSummaries(t, tt.opts, sums); got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestSummaryTableCells checks the cells of one summary row, the STATUS
// and TIME AWAY ones above all.
func TestSummaryTableCells(t *testing.T) {
	tests := []struct {
		name string
		sum  timeline.Summary
		want []string // without DURATION, which TestSummaryDurationCell checks
	}{
		{"never away", timeline.Summary{SessionID: "1", Status: timeline.StatusInProgress, Entries: 1, First: "2:30 PM", Last: "2:30 PM", TimeAway: known(0)},
			[]string{"1", "in progress", "1", "2:30 PM", "2:30 PM", "0", "0m"}},
		{"minutes", timeline.Summary{SessionID: "1", Status: timeline.StatusEnded, TimesAway: 1, TimeAway: known(3 * time.Minute)},
			[]string{"1", "ended", "0", "", "", "1", "3m"}},
		{"hours", timeline.Summary{SessionID: "1", Status: timeline.StatusCancelled, TimesAway: 3, TimeAway: known(65 * time.Minute)},
			[]string{"1", "cancelled", "0", "", "", "3", "1h05m"}},
		{"unknown", timeline.Summary{SessionID: "1", Status: timeline.StatusCancelRequested, TimesAway: 1},
			[]string{"1", "cancel requested", "0", "", "", "1", "?"}},
		{"still away", timeline.Summary{SessionID: "1", Status: timeline.StatusInProgress, TimesAway: 1, TimeAway: known(12 * time.Minute), StillAway: true},
			[]string{"1", "in progress", "0", "", "", "1", "12m (still away)"}},
		{"still away, unknown", timeline.Summary{SessionID: "1", Status: timeline.StatusInProgress, TimesAway: 1, StillAway: true},
			[]string{"1", "in progress", "0", "", "", "1", "? (still away)"}},
		{"no entries", timeline.Summary{SessionID: "1", Status: timeline.StatusNoEntries, TimeAway: known(0)},
			[]string{"1", "no entries", "0", "", "", "0", "0m"}},
		{"control characters", timeline.Summary{SessionID: "1\x1b[2J", Status: "odd\nstatus", First: "2:30\nPM", Last: "\t", TimeAway: known(0)},
			[]string{`1\x1b[2J`, `odd\nstatus`, "0", `2:30\nPM`, `\t`, "0", "0m"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaryCodec{}.tableRow(SummaryRow{Summary: tt.sum})
			got = append(got[:5:5], got[6:]...)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("cell %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestSummaryTableColorKeepsAlignment checks that colour adds escape
// sequences and nothing else.
func TestSummaryTableColorKeepsAlignment(t *testing.T) {
	plain := renderSummaries(t, Options{Format: FormatTable}, summaryFixture())
	colored := renderSummaries(t, Options{Format: FormatTable, Color: true}, summaryFixture())
	if colored == plain {
		t.Fatal("Color: true produced no escape sequences")
	}
	if got := stripANSI(colored); got != plain {
		t.Errorf("coloured table without escapes:\n%s\nwant:\n%s", got, plain)
	}
}

func TestNewSummaryWriterErrors(t *testing.T) {
	for _, f := range []Format{FormatTable, FormatJSONL, FormatCSV, FormatYAML} {
		_, err := NewSummaryWriter(io.Discard, Options{Format: f, JQ: mustJQ(t, ".")})
		if !errors.Is(err, ErrJQNeedsJSON) {
			t.Errorf("NewSummaryWriter(%s with jq) error = %v, want ErrJQNeedsJSON", f, err)
		}
	}
	_, err := NewSummaryWriter(io.Discard, Options{Format: "xml"})
	if want := `unknown output format "xml" (valid: table, json, jsonl, csv, yaml, wide, markdown; html for list and summary)`; err == nil || err.Error() != want {
		t.Errorf("NewSummaryWriter(xml) error = %v, want %q", err, want)
	}
}

func TestSummaryWriterErrorsPropagate(t *testing.T) {
	for _, f := range Formats() {
		w, err := NewSummaryWriter(brokenWriter{}, Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		err = w.Write(summaryFixture()[0])
		if err == nil {
			err = w.Close()
		}
		if !errors.Is(err, errBroken) {
			t.Errorf("%s: error = %v, want %v", f, err, errBroken)
		}
	}
}

func ExampleNewSummaryWriter() {
	w, err := NewSummaryWriter(os.Stdout, Options{Format: FormatTable})
	if err != nil {
		panic(err)
	}
	for _, s := range summaryFixture()[:3] {
		if err := w.Write(s); err != nil {
			panic(err)
		}
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	// Output:
	// SESSION  STATUS       ENTRIES  FIRST     LAST      DURATION  AWAY  TIME AWAY
	// 1042     ended        5        2:30 PM   2:50 PM   20m       1     3m
	// 1043     in progress  7        11:40 PM  12:55 AM  1h15m     2     1h05m (still away)
	// 1044     cancelled    4        ٢:٠٠ م    later     ?         1     ?
}

// TestSummaryFailedRow checks that a failed session keeps its row, its
// error kind as status, in every format.
func TestSummaryFailedRow(t *testing.T) {
	failed := summaryFixture()[6:]
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Format: FormatTable, NoHeaders: true}, "999  not found\n"},
		{Options{Format: FormatCSV, NoHeaders: true}, "999,not_found,,,,,,,,\"session \"\"999\"\" not found (HTTP 404)\"\r\n"},
		{Options{Format: FormatJSONL}, `{"session_id":"999","status":"not_found","entries":null,"first":null,"last":null,` +
			`"times_away":null,"time_away_seconds":null,"still_away":null,"span_seconds":null,` +
			`"error":{"kind":"not_found","status":404,"message":"session \"999\" not found (HTTP 404)",` +
			`"server_message":"لم يتم العثور على الجلسة","session_id":"999"}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(string(tt.opts.Format), func(t *testing.T) {
			if got := renderSummaries(t, tt.opts, failed); got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

func TestSummaryDurationCell(t *testing.T) {
	tests := []struct {
		span timeline.Elapsed
		want string
	}{
		{known(0), "0m"},
		{known(20 * time.Minute), "20m"},
		{known(25*time.Hour + 5*time.Minute), "25h05m"},
		{timeline.Elapsed{}, "?"},
	}
	for _, tt := range tests {
		row := summaryCodec{}.tableRow(SummaryRow{Summary: timeline.Summary{SessionID: "1", Span: tt.span, TimeAway: known(0)}})
		if row[5] != tt.want {
			t.Errorf("DURATION of %+v = %q, want %q", tt.span, row[5], tt.want)
		}
	}
}
