package timeline

import (
	"testing"
	"time"
)

// known is a known Elapsed of d.
func known(d time.Duration) Elapsed {
	return Elapsed{Duration: d, Known: true}
}

// after is the Gap of an entry that follows another, elapsed e after it.
func after(e Elapsed) Gap {
	return Gap{Elapsed: e, HasPrev: true}
}

// nextDay is the Gap of an entry elapsed e after the previous one, on the
// next day.
func nextDay(e Elapsed) Gap {
	return Gap{Elapsed: e, HasPrev: true, NewDay: true}
}

func TestClock(t *testing.T) {
	unknown := after(Elapsed{})
	tests := []struct {
		name  string
		dates []string
		want  []Gap
	}{
		{"none", nil, nil},
		{"first entry has no gap", []string{"2:30 PM"}, []Gap{{}}},
		{"unreadable first entry has no gap either", []string{"soon"}, []Gap{{}}},
		{"minutes and hours", []string{"2:30 PM", "2:41 PM", "3:46 PM", "3:46 PM"},
			[]Gap{{}, after(known(11 * time.Minute)), after(known(65 * time.Minute)), after(known(0))}},
		{"midnight", []string{"11:50 PM", "12:10 AM"}, []Gap{{}, nextDay(known(20 * time.Minute))}},
		{"midnight twice", []string{"10:00 PM", "1:00 AM", "11:00 PM", "12:00 AM"},
			[]Gap{{}, nextDay(known(3 * time.Hour)), after(known(22 * time.Hour)), nextDay(known(time.Hour))}},
		{"a minute short of a day", []string{"2:31 PM", "2:30 PM"}, []Gap{{}, nextDay(known(23*time.Hour + 59*time.Minute))}},
		{"noon is not midnight", []string{"11:59 AM", "12:00 PM"}, []Gap{{}, after(known(time.Minute))}},
		{"no new day across an unreadable date", []string{"11:00 PM", "later", "1:00 AM"},
			[]Gap{{}, unknown, unknown}},
		{"mixed styles", []string{"2:30 PM", "١٤:٤٥", "\u200f٣:٠٠\u00a0م", "15:30"},
			[]Gap{{}, after(known(15 * time.Minute)), after(known(15 * time.Minute)), after(known(30 * time.Minute))}},
		{"unknown in the middle restarts", []string{"2:30 PM", "later", "2:50 PM", "3:00 PM"},
			[]Gap{{}, unknown, unknown, after(known(10 * time.Minute))}},
		{"two unknowns", []string{"1:00 PM", "?", "", "1:30 PM", "1:31 PM"},
			[]Gap{{}, unknown, unknown, unknown, after(known(time.Minute))}},
		{"unknown first", []string{"25:00", "1:00 PM", "1:05 PM"},
			[]Gap{{}, unknown, after(known(5 * time.Minute))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Clock
			if c.Known() {
				t.Error("a new Clock reports a known date")
			}
			for i, d := range tt.dates {
				got := c.Next(d)
				if got != tt.want[i] {
					t.Errorf("Next(%q) #%d = %+v, want %+v", d, i+1, got, tt.want[i])
				}
				_, ok := ParseClock(d)
				if c.Known() != ok {
					t.Errorf("after Next(%q) Known() = %v, want %v", d, c.Known(), ok)
				}
			}
		})
	}
}

func TestShownClockCarriesTheNewDayToTheNextShownEntry(t *testing.T) {
	entries := []struct {
		date  string
		shown bool
		want  Gap
	}{
		{"11:50 PM", true, Gap{}},
		{"11:55 PM", true, Gap{Elapsed: Elapsed{Duration: 5 * time.Minute, Known: true}, HasPrev: true}},
		{"12:05 AM", false, Gap{Elapsed: Elapsed{Duration: 10 * time.Minute, Known: true}, HasPrev: true, NewDay: true}},
		{"12:10 AM", false, Gap{Elapsed: Elapsed{Duration: 5 * time.Minute, Known: true}, HasPrev: true}},
		// The first entry shown after midnight is marked; its gap is from the entry before it.
		{"12:30 AM", true, Gap{Elapsed: Elapsed{Duration: 20 * time.Minute, Known: true}, HasPrev: true, NewDay: true}},
		{"12:40 AM", true, Gap{Elapsed: Elapsed{Duration: 10 * time.Minute, Known: true}, HasPrev: true}},
	}
	var clock ShownClock
	for i, e := range entries {
		if got := clock.Next(e.date, e.shown); got != e.want {
			t.Errorf("entry %d (%s, shown %v): %+v, want %+v", i+1, e.date, e.shown, got, e.want)
		}
	}
}
