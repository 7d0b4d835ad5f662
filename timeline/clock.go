package timeline

import "time"

// Gap is the time from the previous entry of a timeline to this one. The zero
// Gap is that of a timeline's first entry, which has no previous entry.
type Gap struct {
	// Elapsed is the time since the previous entry: unknown when this
	// entry's date or the previous one's could not be read.
	Elapsed
	// HasPrev reports that a previous entry exists.
	HasPrev bool
	// NewDay reports that this entry's time of day is earlier than the
	// previous one's: midnight was crossed, a new day began. It is false
	// when either date could not be read.
	NewDay bool
}

// Clock follows one timeline's display dates in order. The zero Clock is
// ready for a timeline's first entry; use a new Clock for each timeline.
type Clock struct {
	prev    int  // the last date, in minutes since midnight
	known   bool // the last date could be read
	started bool // Next has been called
}

// Next moves the clock to the next entry's date and returns the gap since
// the previous entry. A date earlier than the previous one means midnight
// was crossed. After an unreadable date the clock restarts at the next
// readable one: the gaps on either side of the unreadable date are unknown.
func (c *Clock) Next(date string) Gap {
	minute, ok := ParseClock(date)
	gap := Gap{HasPrev: c.started}
	if c.started && c.known && ok {
		diff := (minute - c.prev + minutesPerDay) % minutesPerDay
		gap.Elapsed = Elapsed{Duration: time.Duration(diff) * time.Minute, Known: true}
		gap.NewDay = minute < c.prev
	}
	c.prev, c.known, c.started = minute, ok, true
	return gap
}

// Known reports whether the date last given to Next could be read; it is
// false before the first call.
func (c *Clock) Known() bool {
	return c.known
}
