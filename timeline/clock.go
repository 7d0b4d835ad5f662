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

// ShownClock is a Clock for a timeline of which a filter shows only some
// entries: the gap stays the one from the previous entry, shown or not, but
// NewDay reports that midnight passed since the previous entry shown, so
// that the first entry shown on a new day is marked even when the entry
// that crossed midnight is hidden. The zero ShownClock is ready.
type ShownClock struct {
	clock  Clock
	newDay bool // midnight passed since the last entry shown
}

// Next moves the clock to the next entry's date and returns its gap; shown
// tells whether the entry is shown. The gap of a hidden entry is for the
// clock's own use: its NewDay is carried to the next entry shown.
func (c *ShownClock) Next(date string, shown bool) Gap {
	gap := c.clock.Next(date)
	c.newDay = c.newDay || gap.NewDay
	if shown {
		gap.NewDay, c.newDay = c.newDay, false
	}
	return gap
}
