package output

import (
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// after is the Gap of a record that follows another by d.
func after(d time.Duration) timeline.Gap {
	return timeline.Gap{Elapsed: timeline.Elapsed{Duration: d, Known: true}, HasPrev: true}
}

// withGaps sets each record's Gap the way a caller would: one
// timeline.Clock per session.
func withGaps(recs []Record) []Record {
	var clock timeline.Clock
	for i := range recs {
		if i > 0 && recs[i].SessionID != recs[i-1].SessionID {
			clock = timeline.Clock{}
		}
		recs[i].Gap = clock.Next(recs[i].Entry.Date)
	}
	return recs
}

// gapFixture is the fixed set of records behind the gap golden files: a
// session across midnight with an unreadable date, and an Arabic one.
func gapFixture(t testing.TB) []Record {
	entry := func(date string, a client.ActionType) client.LogEntry {
		return client.LogEntry{Text: a.Description(), Date: date, ActionType: a}
	}
	return withGaps([]Record{
		{SessionID: "2001", Position: 1, Entry: entry("11:50 PM", client.ActionEntered)},
		{SessionID: "2001", Position: 2, Entry: serverEntry(t,
			`{"id": 8, "text": "Customer temporarily left the session", "date": "11:55 PM", "action_type": "TEMPORARILY_LEFT"}`)},
		{SessionID: "2001", Position: 3, Entry: entry("12:10 AM", client.ActionEntered)},
		{SessionID: "2001", Position: 4, Entry: entry("1:15 AM", client.ActionCancelRequest)},
		{SessionID: "2001", Position: 5, Entry: entry("1:15\u202fAM", client.ActionTemporarilyLeft)},
		{SessionID: "2001", Position: 6, Entry: entry("soon", client.ActionEntered)},
		{SessionID: "2001", Position: 7, Entry: entry("1:30 AM", client.ActionLeft)},
		{SessionID: "2001", Position: 8, Entry: entry("1:41 AM", client.ActionEnded)},
		{SessionID: "2002", Position: 1, Entry: entry("٢:٣٠ م", client.ActionEntered)},
		{SessionID: "2002", Position: 2, Entry: entry("٢:٤١ م", client.ActionCancelled)},
	})
}

// TestGapsOtherFormats checks the gap key in the formats without a golden
// file, on a session's first two records.
func TestGapsOtherFormats(t *testing.T) {
	recs := gapFixture(t)[:2]
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Format: FormatJSONL, Gaps: true},
			`{"session_id":"2001","position":1,"text":"Customer entered the session","date":"11:50 PM","action_type":"ENTERED","gap_seconds":null}` + "\n" +
				`{"session_id":"2001","position":2,"id":8,"text":"Customer temporarily left the session","date":"11:55 PM","action_type":"TEMPORARILY_LEFT","gap_seconds":300}` + "\n"},
		{Options{Format: FormatYAML, Gaps: true},
			"- session_id: \"2001\"\n  position: 1\n  text: Customer entered the session\n  date: 11:50 PM\n  action_type: ENTERED\n  gap_seconds: null\n" +
				"- session_id: \"2001\"\n  position: 2\n  id: 8\n  text: Customer temporarily left the session\n  date: 11:55 PM\n  action_type: TEMPORARILY_LEFT\n  gap_seconds: 300\n"},
		{Options{Format: FormatJSON, Gaps: true, JQ: mustJQ(t, "map(.gap_seconds)")}, "[null,300]\n"},
		{Options{Format: FormatTable, Gaps: true, NoHeaders: true},
			"1  11:50 PM       ENTERED           Customer entered the session\n" +
				"2  11:55 PM  +5m  TEMPORARILY_LEFT  Customer temporarily left the session\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.opts, recs); got != tt.want {
			t.Errorf("%+v:\ngot  %q\nwant %q", tt.opts, got, tt.want)
		}
	}
}

// TestGapsOff checks that records carrying gaps render exactly as before
// when Options.Gaps is off (the next-day note aside: TestNextDayNote).
func TestGapsOff(t *testing.T) {
	gapped := withGaps(fixture(t))
	for i := range gapped {
		gapped[i].Gap.NewDay = false
	}
	for _, f := range Formats() {
		opts := Options{Format: f, ShowSession: true}
		without := fixture(t)
		if got, want := render(t, opts, gapped), render(t, opts, without); got != want {
			t.Errorf("%s with gaps off:\n%s\nwant:\n%s", f, got, want)
		}
	}
}

func TestGapCell(t *testing.T) {
	tests := []struct {
		gap  timeline.Gap
		want string
	}{
		{timeline.Gap{}, ""},
		{timeline.Gap{HasPrev: true}, "?"},
		{after(0), "+0m"},
		{after(59 * time.Second), "+0m"},
		{after(11 * time.Minute), "+11m"},
		{after(59 * time.Minute), "+59m"},
		{after(time.Hour), "+1h00m"},
		{after(65 * time.Minute), "+1h05m"},
		{after(23*time.Hour + 59*time.Minute), "+23h59m"},
		{after(26*time.Hour + 3*time.Minute), "+26h03m"},
	}
	for _, tt := range tests {
		if got := gapCell(tt.gap); got != tt.want {
			t.Errorf("gapCell(%+v) = %q, want %q", tt.gap, got, tt.want)
		}
	}
}

func TestSeconds(t *testing.T) {
	tests := []struct {
		e       timeline.Elapsed
		csv, js string
	}{
		{timeline.Elapsed{}, "", "null"},
		{timeline.Elapsed{Known: true}, "0", "0"},
		{timeline.Elapsed{Duration: 65 * time.Minute, Known: true}, "3900", "3900"},
	}
	for _, tt := range tests {
		if got := seconds(tt.e); got != tt.csv {
			t.Errorf("seconds(%+v) = %q, want %q", tt.e, got, tt.csv)
		}
		if got := string(appendSeconds(nil, tt.e)); got != tt.js {
			t.Errorf("appendSeconds(%+v) = %q, want %q", tt.e, got, tt.js)
		}
	}
}

// TestNextDayNote checks that the first entry after midnight is marked in
// the table, with or without gaps, and that the other formats are as
// without it.
func TestNextDayNote(t *testing.T) {
	recs := []Record{
		{SessionID: "1", Position: 1, Entry: client.LogEntry{Date: "11:58 PM", ActionType: client.ActionEntered, Text: "in"}},
		{SessionID: "1", Position: 2, Entry: client.LogEntry{Date: "12:03 AM", ActionType: client.ActionEnded, Text: "end"},
			Gap: timeline.Gap{Elapsed: timeline.Elapsed{Duration: 5 * time.Minute, Known: true}, HasPrev: true, NewDay: true}},
	}
	want := "#  TIME      ACTION   DESCRIPTION\n" +
		"1  11:58 PM  ENTERED  in\n" +
		"2  12:03 AM  ENDED    (next day) end\n"
	if got := render(t, Options{Format: FormatTable}, recs); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	plain := []Record{recs[0], recs[1]}
	plain[1].Gap = timeline.Gap{}
	for _, f := range []Format{FormatJSONL, FormatCSV, FormatYAML} {
		if got, want := render(t, Options{Format: f}, recs), render(t, Options{Format: f}, plain); got != want {
			t.Errorf("%s differs with a new day:\n%s\nwant:\n%s", f, got, want)
		}
	}
}
