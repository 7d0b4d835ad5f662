package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
)

// entry is a log entry of action a at date.
func entry(date string, a client.ActionType) client.LogEntry {
	return client.LogEntry{Date: date, ActionType: a}
}

const (
	entered   = client.ActionEntered
	left      = client.ActionLeft
	away      = client.ActionTemporarilyLeft
	ended     = client.ActionEnded
	cancelled = client.ActionCancelled
	request   = client.ActionCancelRequest
	period    = client.ActionSessionPeriod
)

func TestSummarizer(t *testing.T) {
	minute := time.Minute
	tests := []struct {
		name    string
		entries []client.LogEntry
		want    Summary
	}{
		{"no entries", nil,
			Summary{Status: StatusNoEntries, TimeAway: known(0), Span: known(0)}},
		{"one entry", []client.LogEntry{entry("2:30 PM", entered)},
			Summary{Status: StatusInProgress, Entries: 1, First: "2:30 PM", Last: "2:30 PM", TimeAway: known(0), Span: known(0)}},
		{"one unreadable entry", []client.LogEntry{entry("soon", entered)},
			Summary{Status: StatusInProgress, Entries: 1, First: "soon", Last: "soon", TimeAway: known(0)}},
		{"in progress, never away", []client.LogEntry{entry("2:30 PM", entered), entry("2:45 PM", period)},
			Summary{Status: StatusInProgress, Entries: 2, First: "2:30 PM", Last: "2:45 PM", TimeAway: known(0), Span: known(15 * minute)}},
		{"ended after one absence", []client.LogEntry{
			entry("2:30 PM", entered), entry("2:35 PM", away), entry("2:38 PM", entered),
			entry("2:50 PM", ended), entry("2:50 PM", period)},
			Summary{Status: StatusEnded, Entries: 5, First: "2:30 PM", Last: "2:50 PM", TimesAway: 1,
				TimeAway: known(3 * minute), Span: known(20 * minute)}},
		{"repeated absences", []client.LogEntry{
			entry("1:00 PM", entered), entry("1:10 PM", away), entry("1:15 PM", entered),
			entry("1:20 PM", away), entry("2:25 PM", entered), entry("2:30 PM", ended)},
			Summary{Status: StatusEnded, Entries: 6, First: "1:00 PM", Last: "2:30 PM", TimesAway: 2,
				TimeAway: known(70 * minute), Span: known(90 * minute)}},
		{"repeated TEMPORARILY_LEFT is one absence", []client.LogEntry{
			entry("1:00 PM", entered), entry("1:10 PM", away), entry("1:12 PM", away),
			entry("1:20 PM", period), entry("1:30 PM", entered)},
			Summary{Status: StatusInProgress, Entries: 5, First: "1:00 PM", Last: "1:30 PM", TimesAway: 1,
				TimeAway: known(20 * minute), Span: known(30 * minute)}},
		{"absence across midnight", []client.LogEntry{
			entry("11:40 PM", entered), entry("11:50 PM", away), entry("12:10 AM", entered)},
			Summary{Status: StatusInProgress, Entries: 3, First: "11:40 PM", Last: "12:10 AM", TimesAway: 1,
				TimeAway: known(20 * minute), Span: known(30 * minute)}},
		{"absence closed by LEFT", []client.LogEntry{
			entry("9:00 AM", entered), entry("9:05 AM", away), entry("9:30 AM", left), entry("9:40 AM", entered)},
			Summary{Status: StatusInProgress, Entries: 4, First: "9:00 AM", Last: "9:40 AM", TimesAway: 1,
				TimeAway: known(25 * minute), Span: known(40 * minute)}},
		{"absence closed by ENDED", []client.LogEntry{
			entry("9:00 AM", entered), entry("9:05 AM", away), entry("9:17 AM", ended)},
			Summary{Status: StatusEnded, Entries: 3, First: "9:00 AM", Last: "9:17 AM", TimesAway: 1,
				TimeAway: known(12 * minute), Span: known(17 * minute)}},
		{"absence closed by CANCELLED", []client.LogEntry{
			entry("9:00 AM", entered), entry("9:05 AM", away), entry("9:06 AM", request), entry("9:09 AM", cancelled)},
			Summary{Status: StatusCancelled, Entries: 4, First: "9:00 AM", Last: "9:09 AM", TimesAway: 1,
				TimeAway: known(4 * minute), Span: known(9 * minute)}},
		{"still away at the end", []client.LogEntry{
			entry("٢:٠٠ م", entered), entry("٢:١٠ م", away), entry("٢:٢٢ م", period)},
			Summary{Status: StatusInProgress, Entries: 3, First: "٢:٠٠ م", Last: "٢:٢٢ م", TimesAway: 1,
				TimeAway: known(12 * minute), StillAway: true, Span: known(22 * minute)}},
		{"away as the last entry", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", away), entry("2:10 PM", entered), entry("2:30 PM", away)},
			Summary{Status: StatusInProgress, Entries: 4, First: "2:00 PM", Last: "2:30 PM", TimesAway: 2,
				TimeAway: known(5 * minute), StillAway: true, Span: known(30 * minute)}},
		{"still away after a cancel request", []client.LogEntry{
			entry("14:00", entered), entry("14:10", request), entry("14:15", away), entry("14:45", period)},
			Summary{Status: StatusCancelRequested, Entries: 4, First: "14:00", Last: "14:45", TimesAway: 1,
				TimeAway: known(30 * minute), StillAway: true, Span: known(45 * minute)}},
		{"unreadable date inside an absence", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", away), entry("later", period), entry("2:20 PM", entered),
			entry("2:30 PM", away), entry("2:40 PM", entered)},
			Summary{Status: StatusInProgress, Entries: 6, First: "2:00 PM", Last: "2:40 PM", TimesAway: 2}},
		{"unreadable date that ends an absence", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", away), entry("", entered)},
			Summary{Status: StatusInProgress, Entries: 3, First: "2:00 PM", Last: "", TimesAway: 1}},
		{"unreadable date that starts the last absence", []client.LogEntry{
			entry("2:00 PM", entered), entry("??", away)},
			Summary{Status: StatusInProgress, Entries: 2, First: "2:00 PM", Last: "??", TimesAway: 1, StillAway: true}},
		{"unreadable date outside absences", []client.LogEntry{
			entry("25:00", entered), entry("2:05 PM", away), entry("2:15 PM", entered), entry("2:20 PM", ended)},
			Summary{Status: StatusEnded, Entries: 4, First: "25:00", Last: "2:20 PM", TimesAway: 1, TimeAway: known(10 * minute)}},
		{"cancel requested", []client.LogEntry{entry("2:00 PM", entered), entry("2:01 PM", request), entry("2:02 PM", period)},
			Summary{Status: StatusCancelRequested, Entries: 3, First: "2:00 PM", Last: "2:02 PM", TimeAway: known(0), Span: known(2 * minute)}},
		{"cancel request then ended", []client.LogEntry{entry("2:00 PM", request), entry("2:01 PM", ended)},
			Summary{Status: StatusEnded, Entries: 2, First: "2:00 PM", Last: "2:01 PM", TimeAway: known(0), Span: known(minute)}},
		{"ended then a late cancel request", []client.LogEntry{entry("2:00 PM", ended), entry("2:01 PM", request)},
			Summary{Status: StatusEnded, Entries: 2, First: "2:00 PM", Last: "2:01 PM", TimeAway: known(0), Span: known(minute)}},
		{"ended then cancelled", []client.LogEntry{entry("2:00 PM", ended), entry("2:01 PM", cancelled)},
			Summary{Status: StatusCancelled, Entries: 2, First: "2:00 PM", Last: "2:01 PM", TimeAway: known(0), Span: known(minute)}},
		{"cancelled then ended", []client.LogEntry{entry("2:00 PM", cancelled), entry("2:01 PM", ended)},
			Summary{Status: StatusEnded, Entries: 2, First: "2:00 PM", Last: "2:01 PM", TimeAway: known(0), Span: known(minute)}},
		{"undocumented action types", []client.LogEntry{entry("2:00 PM", "TRANSFERRED"), entry("2:01 PM", "")},
			Summary{Status: StatusInProgress, Entries: 2, First: "2:00 PM", Last: "2:01 PM", TimeAway: known(0), Span: known(minute)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSummarizer("1042")
			for _, e := range tt.entries {
				s.Add(e)
			}
			tt.want.SessionID = "1042"
			if got := s.Summary(); got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestSummaryMidway checks that Summary can be asked for between entries:
// an absence open then counts until the latest entry.
func TestSummaryMidway(t *testing.T) {
	s := NewSummarizer("7")
	s.Add(entry("2:00 PM", entered))
	s.Add(entry("2:05 PM", away))
	s.Add(entry("2:15 PM", period))
	got := s.Summary()
	if !got.StillAway || got.TimeAway != known(10*time.Minute) || got.Status != StatusInProgress {
		t.Errorf("midway: %+v", got)
	}
	s.Add(entry("2:20 PM", entered))
	s.Add(entry("2:30 PM", ended))
	got = s.Summary()
	if got.StillAway || got.TimeAway != known(15*time.Minute) || got.Status != StatusEnded || got.Entries != 5 {
		t.Errorf("at the end: %+v", got)
	}
}

func ExampleSummarizer() {
	s := NewSummarizer("1042")
	for _, e := range []client.LogEntry{
		{Date: "11:50 PM", ActionType: client.ActionEntered},
		{Date: "11:55 PM", ActionType: client.ActionTemporarilyLeft},
		{Date: "12:10 AM", ActionType: client.ActionEntered},
		{Date: "12:30 AM", ActionType: client.ActionEnded},
	} {
		s.Add(e)
	}
	sum := s.Summary()
	fmt.Println(sum.Status, sum.TimesAway, sum.TimeAway.Duration, sum.Span.Duration)
	// Output: ended 1 15m0s 40m0s
}

func BenchmarkSummarizer(b *testing.B) {
	day := []client.LogEntry{
		entry("9:00 AM", entered), entry("9:05 AM", away), entry("٩:١٥ ص", entered),
		entry("9:20\u202fAM", request), entry("9:30 AM", period),
	}
	b.ReportAllocs()
	for b.Loop() {
		s := NewSummarizer("1")
		for range 1000 {
			for _, e := range day {
				s.Add(e)
			}
		}
		_ = s.Summary()
	}
}
