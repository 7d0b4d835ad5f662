package timeline

import (
	"cmp"
	"slices"
	"time"
)

// day is the length of a day.
const day = minutesPerDay * time.Minute

// Axis is a stretch of the day that sessions are charted on.
type Axis struct {
	// Start is the time of day the axis begins at, since midnight.
	Start time.Duration
	// Length is how long the axis runs; it may cross midnight.
	Length time.Duration
}

// OwnAxis is the axis of one session alone: from its first readable time
// over its span. It is the zero Axis when no time could be read.
func OwnAxis(p Presence) Axis {
	return Axis{Start: p.Start.Duration, Length: p.Span}
}

// Offset is where on the axis p begins: the time from the axis's start to
// p's first readable time, crossing midnight if need be.
func (a Axis) Offset(p Presence) time.Duration {
	return ((p.Start.Duration-a.Start)%day + day) % day
}

// SharedAxis returns one axis for several sessions when their times
// overlap: when the stretches from each first readable time to the last,
// placed on the clock, join up into one stretch of less than a day. It is
// the shortest such stretch. Sessions whose times could not be read are
// left out. ok is false when fewer than two sessions have a readable time,
// or when their stretches do not join up: each session then needs its own
// axis, since display times carry no date to tell how far apart they are.
func SharedAxis(ps []Presence) (a Axis, ok bool) {
	var known []Presence
	for _, p := range ps {
		if p.Start.Known {
			known = append(known, p)
		}
	}
	if len(known) < 2 {
		return Axis{}, false
	}
	for _, origin := range known {
		if cand, joined := joinFrom(origin.Start.Duration, known); joined && (!ok || cand.Length < a.Length) {
			a, ok = cand, true
		}
	}
	return a, ok
}

// joinFrom places the sessions on an axis that starts at origin and
// reports whether their stretches join up into one of less than a day.
func joinFrom(origin time.Duration, ps []Presence) (Axis, bool) {
	type stretch struct{ from, to time.Duration }
	a := Axis{Start: origin}
	stretches := make([]stretch, len(ps))
	for i, p := range ps {
		from := a.Offset(p)
		stretches[i] = stretch{from, from + p.Span}
	}
	slices.SortFunc(stretches, func(x, y stretch) int { return cmp.Compare(x.from, y.from) })
	for _, s := range stretches {
		if s.from > a.Length {
			return Axis{}, false
		}
		a.Length = max(a.Length, s.to)
	}
	return a, a.Length < day
}
