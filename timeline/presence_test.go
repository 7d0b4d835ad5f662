package timeline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
)

// span is a Period of state s from minute from to minute to.
func span(s State, from, to int) Period {
	return Period{State: s, From: time.Duration(from) * time.Minute, To: time.Duration(to) * time.Minute}
}

// at is a known time of day h:m.
func at(h, m int) Elapsed {
	return known(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

func TestPresenceTracker(t *testing.T) {
	const (
		gone    = StateGone
		present = StatePresent
		absent  = StateAway
		over    = StateOver
		unknown = StateUnknown
	)
	minute := time.Minute
	tests := []struct {
		name    string
		entries []client.LogEntry
		want    Presence
	}{
		{"no entries", nil, Presence{}},
		{"one entry", []client.LogEntry{entry("2:30 PM", entered)},
			Presence{Start: at(14, 30), Final: present}},
		{"demo session 1001", []client.LogEntry{
			entry("2:30 PM", entered), entry("2:41 PM", away), entry("2:44 PM", entered),
			entry("3:05 PM", ended), entry("3:05 PM", period)},
			Presence{Start: at(14, 30), Span: 35 * minute, Final: over,
				Periods: []Period{span(present, 0, 11), span(absent, 11, 14), span(present, 14, 35)}}},
		{"gone after LEFT, back with ENTERED", []client.LogEntry{
			entry("9:00 AM", entered), entry("9:10 AM", left), entry("9:40 AM", entered), entry("9:45 AM", period)},
			Presence{Start: at(9, 0), Span: 45 * minute, Final: present,
				Periods: []Period{span(present, 0, 10), span(gone, 10, 40), span(present, 40, 45)}}},
		{"gone before the first ENTERED", []client.LogEntry{
			entry("9:00 AM", request), entry("9:05 AM", entered), entry("9:06 AM", cancelled), entry("9:30 AM", period)},
			Presence{Start: at(9, 0), Span: 30 * minute, Final: over,
				Periods: []Period{span(gone, 0, 5), span(present, 5, 6), span(over, 6, 30)}}},
		{"repeated TEMPORARILY_LEFT is one absence", []client.LogEntry{
			entry("1:00 PM", entered), entry("1:10 PM", away), entry("1:12 PM", away), entry("1:30 PM", entered)},
			Presence{Start: at(13, 0), Span: 30 * minute, Final: present,
				Periods: []Period{span(present, 0, 10), span(absent, 10, 30)}}},
		{"absence closed by ENDED", []client.LogEntry{
			entry("9:00 AM", entered), entry("9:05 AM", away), entry("9:17 AM", ended), entry("9:20 AM", period)},
			Presence{Start: at(9, 0), Span: 20 * minute, Final: over,
				Periods: []Period{span(present, 0, 5), span(absent, 5, 17), span(over, 17, 20)}}},
		{"away and back in the same minute leaves no period", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", away), entry("2:05 PM", entered), entry("2:10 PM", period)},
			Presence{Start: at(14, 0), Span: 10 * minute, Final: present,
				Periods: []Period{span(present, 0, 10)}}},
		{"crossing midnight", []client.LogEntry{
			entry("11:40 PM", entered), entry("11:50 PM", away), entry("12:10 AM", entered), entry("12:30 AM", ended)},
			Presence{Start: at(23, 40), Span: 50 * minute, Final: over,
				Periods: []Period{span(present, 0, 10), span(absent, 10, 30), span(present, 30, 50)}}},
		{"Arabic and 24-hour times", []client.LogEntry{
			entry("٢:٠٠ م", entered), entry("14:10", away), entry("\u200f٢:٢٢\u00a0م", period)},
			Presence{Start: at(14, 0), Span: 22 * minute, Final: absent,
				Periods: []Period{span(present, 0, 10), span(absent, 10, 22)}}},
		{"unreadable time in the middle", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", away), entry("later", entered), entry("2:20 PM", away),
			entry("2:30 PM", entered)},
			Presence{Start: at(14, 0), Span: 30 * minute, Final: present,
				Periods: []Period{span(present, 0, 5), span(unknown, 5, 20), span(absent, 20, 30)}}},
		{"unreadable time between changes", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:05 PM", period), entry("?", away), entry("2:20 PM", period),
			entry("2:30 PM", entered)},
			Presence{Start: at(14, 0), Span: 30 * minute, Final: present,
				Periods: []Period{span(present, 0, 5), span(unknown, 5, 20), span(absent, 20, 30)}}},
		{"unreadable times bridged across midnight", []client.LogEntry{
			entry("11:50 PM", entered), entry("", away), entry("", entered), entry("12:20 AM", period)},
			Presence{Start: at(23, 50), Span: 30 * minute, Final: present,
				Periods: []Period{span(unknown, 0, 30)}}},
		{"unreadable first entries", []client.LogEntry{
			entry("25:00", entered), entry("2:05 PM", away), entry("2:15 PM", entered)},
			Presence{Start: at(14, 5), Span: 10 * minute, Final: present, UnknownBefore: true,
				Periods: []Period{span(absent, 0, 10)}}},
		{"unreadable last entry", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:10 PM", away), entry("soon", ended)},
			Presence{Start: at(14, 0), Span: 10 * minute, Final: over, UnknownAfter: true,
				Periods: []Period{span(present, 0, 10)}}},
		{"no readable time", []client.LogEntry{entry("soon", entered), entry("later", ended)},
			Presence{Final: over, UnknownBefore: true}},
		{"undocumented action types change nothing", []client.LogEntry{
			entry("2:00 PM", entered), entry("2:01 PM", "TRANSFERRED"), entry("2:02 PM", "")},
			Presence{Start: at(14, 0), Span: 2 * minute, Final: present, Periods: []Period{span(present, 0, 2)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr PresenceTracker
			for _, e := range tt.entries {
				tr.Add(e)
			}
			got := tr.Presence()
			if !equalPresence(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if again := tr.Presence(); !equalPresence(again, got) {
				t.Errorf("a second call gave %+v", again)
			}
		})
	}
}

// TestPresenceAwayMatchesSummary checks that the away periods add up to
// the time away of the summary of the same entries.
func TestPresenceAwayMatchesSummary(t *testing.T) {
	entries := []client.LogEntry{
		entry("11:00 PM", entered), entry("11:10 PM", away), entry("11:15 PM", entered),
		entry("11:50 PM", away), entry("11:55 PM", away), entry("12:25 AM", left),
		entry("12:30 AM", entered), entry("12:40 AM", away), entry("1:00 AM", period),
	}
	var tr PresenceTracker
	sum := NewSummarizer("1")
	for _, e := range entries {
		tr.Add(e)
		sum.Add(e)
	}
	var awayTotal time.Duration
	for _, p := range tr.Presence().Periods {
		if p.State == StateAway {
			awayTotal += p.To - p.From
		}
	}
	if s := sum.Summary(); !s.TimeAway.Known || s.TimeAway.Duration != awayTotal {
		t.Errorf("away periods add up to %v, summary says %+v", awayTotal, s.TimeAway)
	}
}

func equalPresence(a, b Presence) bool {
	return slices.Equal(a.Periods, b.Periods) && a.Start == b.Start && a.Span == b.Span &&
		a.Final == b.Final && a.UnknownBefore == b.UnknownBefore && a.UnknownAfter == b.UnknownAfter
}

func TestStateString(t *testing.T) {
	for s, want := range map[State]string{
		StateGone: "gone", StatePresent: "present", StateAway: "away", StateOver: "ended", StateUnknown: "unknown",
	} {
		if got := s.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", s, got, want)
		}
	}
}

// FuzzPresenceTracker checks the shape of every Presence, and that with
// every time readable its away periods add up to the summary's time away
// and its span is the summary's.
func FuzzPresenceTracker(f *testing.F) {
	for _, s := range []string{
		"2:30 PM|ENTERED\n2:41 PM|TEMPORARILY_LEFT\n2:44 PM|ENTERED\n3:05 PM|ENDED",
		"11:50 PM|ENTERED\n12:10 AM|TEMPORARILY_LEFT\n12:20 AM|LEFT\n1:00 AM|ENTERED",
		"soon|ENTERED\n2:00 PM|TEMPORARILY_LEFT\n?|ENTERED\n2:30 PM|CANCELLED\nlater|SESSION_PERIOD",
		"٢:٠٠ م|TEMPORARILY_LEFT\n14:00|TEMPORARILY_LEFT\n13:59|CANCEL_REQUEST",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tr PresenceTracker
		sum := NewSummarizer("1")
		allReadable := true
		for line := range strings.Lines(s) {
			date, action, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "|")
			e := entry(date, client.ActionType(action))
			tr.Add(e)
			sum.Add(e)
			if _, ok := ParseClock(date); !ok {
				allReadable = false
			}
		}
		p := tr.Presence()
		at := time.Duration(0)
		var away time.Duration
		for i, per := range p.Periods {
			if per.From != at || per.To <= per.From || i > 0 && p.Periods[i-1].State == per.State {
				t.Fatalf("period %d of %+v is out of shape", i, p)
			}
			if per.State == StateAway {
				away += per.To - per.From
			}
			at = per.To
		}
		if at != p.Span {
			t.Fatalf("periods end at %v, span %v", at, p.Span)
		}
		if got := sum.Summary(); allReadable && got.Entries > 0 {
			if got.Span.Duration != p.Span || got.TimeAway.Duration != away {
				t.Fatalf("presence span %v away %v; summary %+v", p.Span, away, got)
			}
		}
	})
}
