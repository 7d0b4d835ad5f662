package timeline

import (
	"testing"
	"time"
)

// stay is the presence of a session from h:m for d.
func stay(h, m int, d time.Duration) Presence {
	return Presence{Start: at(h, m), Span: d}
}

func TestSharedAxis(t *testing.T) {
	hour, minute := time.Hour, time.Minute
	tests := []struct {
		name     string
		sessions []Presence
		want     Axis
		ok       bool
	}{
		{"none", nil, Axis{}, false},
		{"one session has its own axis", []Presence{stay(14, 30, 35*minute)}, Axis{}, false},
		{"overlapping", []Presence{stay(14, 30, 35*minute), stay(14, 50, hour)},
			Axis{Start: 14*hour + 30*minute, Length: 80 * minute}, true},
		{"order does not matter", []Presence{stay(14, 50, hour), stay(14, 30, 35*minute)},
			Axis{Start: 14*hour + 30*minute, Length: 80 * minute}, true},
		{"one inside another", []Presence{stay(9, 0, 3*hour), stay(10, 0, 10*minute)},
			Axis{Start: 9 * hour, Length: 3 * hour}, true},
		{"touching counts as overlapping", []Presence{stay(9, 0, hour), stay(10, 0, hour)},
			Axis{Start: 9 * hour, Length: 2 * hour}, true},
		{"a chain joins up", []Presence{stay(9, 0, hour), stay(11, 30, hour), stay(9, 50, 2*hour)},
			Axis{Start: 9 * hour, Length: 3*hour + 30*minute}, true},
		{"apart", []Presence{stay(14, 30, 35*minute), stay(16, 0, 15*minute)}, Axis{}, false},
		{"one apart from the others", []Presence{stay(9, 0, hour), stay(9, 30, hour), stay(15, 0, hour)}, Axis{}, false},
		{"across midnight", []Presence{stay(23, 10, 10*hour+37*minute), stay(9, 32, 15*minute)},
			Axis{Start: 23*hour + 10*minute, Length: 10*hour + 37*minute}, true},
		{"starting after midnight joins one from before", []Presence{stay(0, 10, 20*minute), stay(23, 50, 30*minute)},
			Axis{Start: 23*hour + 50*minute, Length: 40 * minute}, true},
		{"unreadable sessions are left out", []Presence{stay(9, 0, hour), {}, stay(9, 30, hour)},
			Axis{Start: 9 * hour, Length: 90 * minute}, true},
		{"a day or more does not fit", []Presence{stay(0, 0, 23*hour), stay(22, 0, 3*hour)}, Axis{}, false},
		{"zero spans at the same time", []Presence{stay(8, 0, 0), stay(8, 0, 0)}, Axis{Start: 8 * hour}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SharedAxis(tt.sessions)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SharedAxis = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAxisOffset(t *testing.T) {
	a := Axis{Start: 23 * time.Hour, Length: 3 * time.Hour}
	for _, tt := range []struct {
		p    Presence
		want time.Duration
	}{
		{stay(23, 0, 0), 0},
		{stay(23, 30, 0), 30 * time.Minute},
		{stay(1, 15, 0), 2*time.Hour + 15*time.Minute},
	} {
		if got := a.Offset(tt.p); got != tt.want {
			t.Errorf("Offset(%v) = %v, want %v", tt.p.Start, got, tt.want)
		}
	}
	if got := OwnAxis(stay(9, 5, time.Hour)); got != (Axis{Start: 9*time.Hour + 5*time.Minute, Length: time.Hour}) {
		t.Errorf("OwnAxis = %+v", got)
	}
}
