package timeline

import (
	"strings"
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want int // minutes since midnight; -1: not ok
	}{
		// 12-hour English.
		{"2:30 PM", 14*60 + 30},
		{"2:30 AM", 2*60 + 30},
		{"12:05 AM", 5},
		{"12:00 PM", 12 * 60},
		{"11:59 PM", 23*60 + 59},
		{"02:30 pm", 14*60 + 30},
		{"2:30PM", 14*60 + 30},
		{"2:30 p.m.", 14*60 + 30},
		{"9:15 A.M.", 9*60 + 15},
		{"PM 2:30", 14*60 + 30},
		{"0:30 PM", 12*60 + 30},
		{"2:30:59 PM", 14*60 + 30},
		// 24-hour.
		{"14:30", 14*60 + 30},
		{"00:00", 0},
		{"0:00", 0},
		{"23:59", 23*60 + 59},
		{"9:05", 9*60 + 5},
		{"14:30:15", 14*60 + 30},
		// Arabic markers and digits.
		{"2:30 م", 14*60 + 30},
		{"2:30 ص", 2*60 + 30},
		{"12:05 ص", 5},
		{"٢:٣٠ م", 14*60 + 30},
		{"١٢:٠٥ ص", 5},
		{"١١:٥٩ م", 23*60 + 59},
		{"٢:٣٠م", 14*60 + 30},
		{"م ٢:٣٠", 14*60 + 30},
		{"٢:٣٠ مساءً", 14*60 + 30},
		{"٩:١٥ صباحًا", 9*60 + 15},
		{"١٤:٣٠", 14*60 + 30},
		{"٢:30 م", 14*60 + 30},
		// Eastern Arabic-Indic (Persian) digits and markers.
		{"۲:۳۰ م", 14*60 + 30},
		{"۱۴:۳۰", 14*60 + 30},
		{"۲:۳۰ ب.ظ.", 14*60 + 30},
		{"۹:۱۵ ق.ظ.", 9*60 + 15},
		// Odd spacing and direction marks.
		{"2:30\u00a0PM", 14*60 + 30},
		{"2:30\u202fPM", 14*60 + 30},
		{"  2:30   PM  ", 14*60 + 30},
		{"\u200f٢:٣٠\u00a0م", 14*60 + 30},
		{"\u200e2:30 PM\u200e", 14*60 + 30},
		{"٢:٣٠\u061c م", 14*60 + 30},
		{"\u20662:30\u2069 \u200bPM", 14*60 + 30},
		{"\t14:30\n", 14*60 + 30},
		// Not times, or impossible ones.
		{"", -1},
		{"   ", -1},
		{"yesterday", -1},
		{"25:00", -1},
		{"24:00", -1},
		{"2:61 PM", -1},
		{"2:60", -1},
		{"13:00 PM", -1},
		{"13:00 ص", -1},
		{"2:5 PM", -1},
		{"2:305 PM", -1},
		{"123:00", -1},
		{"2 PM", -1},
		{"230 PM", -1},
		{":30 PM", -1},
		{"2: 30 PM", -1},
		{"2:30:", -1},
		{"2:30:60", -1},
		{"2:30:5", -1},
		{"1:2:3:4", -1},
		{"2:30 XM", -1},
		{"2:30 PM PM", -1},
		{"PM 2:30 PM", -1},
		{"2:30 PM 5", -1},
		{"-2:30", -1},
		{"+2:30", -1},
		{"2:30 ق", -1},
		{"2:30 PM\x00", -1},
		{"\xff2:30", -1},
	}
	for _, tt := range tests {
		got, ok := ParseClock(tt.in)
		if tt.want < 0 {
			if ok || got != 0 {
				t.Errorf("ParseClock(%q) = %d, %v; want not ok", tt.in, got, ok)
			}
			continue
		}
		if !ok || got != tt.want {
			t.Errorf("ParseClock(%q) = %d, %v; want %d, true", tt.in, got, ok, tt.want)
		}
	}
}

// TestParseClockEveryMinute formats every minute of the day in each
// supported style and reads it back.
func TestParseClockEveryMinute(t *testing.T) {
	arabic := strings.NewReplacer("AM", "ص", "PM", "م",
		"0", "٠", "1", "١", "2", "٢", "3", "٣", "4", "٤", "5", "٥", "6", "٦", "7", "٧", "8", "٨", "9", "٩")
	persian := strings.NewReplacer(
		"0", "۰", "1", "۱", "2", "۲", "3", "۳", "4", "۴", "5", "۵", "6", "۶", "7", "۷", "8", "۸", "9", "۹")
	styles := []struct {
		name string
		fmt  func(time.Time) string
	}{
		{"12-hour", func(tm time.Time) string { return tm.Format("3:04 PM") }},
		{"narrow space", func(tm time.Time) string { return tm.Format("3:04\u202fPM") }},
		{"24-hour", func(tm time.Time) string { return tm.Format("15:04") }},
		{"Arabic", func(tm time.Time) string { return "\u200f" + arabic.Replace(tm.Format("3:04 PM")) }},
		{"Persian", func(tm time.Time) string { return persian.Replace(tm.Format("15:04")) }},
	}
	midnight := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, st := range styles {
		for m := range minutesPerDay {
			s := st.fmt(midnight.Add(time.Duration(m) * time.Minute))
			if got, ok := ParseClock(s); !ok || got != m {
				t.Fatalf("%s: ParseClock(%q) = %d, %v; want %d", st.name, s, got, ok, m)
			}
		}
	}
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{
		"2:30 PM", "12:05 AM", "14:30", "٢:٣٠ م", "۲:۳۰ ب.ظ.", "2:30\u202fPM",
		"\u200f١١:٥٩ م", "25:00", "2:61 PM", "13:00 PM", "yesterday", "", "2:30:15",
		"0:30 AM", "12:00 pm", "02:30 PM", "24:00", "2:30 Pm", "2:30PM", "123:00", "2:3 PM",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ParseClock(s)
		if !ok && m != 0 {
			t.Fatalf("ParseClock(%q) = %d, false; want 0 when not ok", s, m)
		}
		if ok && (m < 0 || m >= minutesPerDay) {
			t.Fatalf("ParseClock(%q) = %d, outside [0, %d)", s, m, minutesPerDay)
		}
		// The allocation-free path reads what it accepts as the general one does.
		if fast, fastOK := parseCommonClock(s); fastOK {
			if general, generalOK := parseAnyClock(s); !generalOK || general != fast {
				t.Fatalf("parseCommonClock(%q) = %d, but parseAnyClock = %d, %v", s, fast, general, generalOK)
			}
		}
		// Direction marks and surrounding spaces never change the result.
		m2, ok2 := ParseClock("\u200f " + s + "\u00a0\u200e")
		if m2 != m || ok2 != ok {
			t.Fatalf("ParseClock(%q) = %d, %v but with marks and spaces = %d, %v", s, m, ok, m2, ok2)
		}
	})
}

// BenchmarkParseClock reads a time as servers nearly always send it, and
// one in Arabic, which takes the general path.
func BenchmarkParseClock(b *testing.B) {
	for _, s := range []string{"2:30 PM", "14:30", "٢:٣٠ م"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := ParseClock(s); !ok {
					b.Fatal("not read")
				}
			}
		})
	}
}
