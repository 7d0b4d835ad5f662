package timeline

import (
	"slices"
	"time"

	"github.com/sessionlog/sessionlog/client"
)

// State is where the customer stood, by the log, during a Period.
type State int8

// The states of a Period.
const (
	// StateGone: not in the session: before the first ENTERED, or after LEFT.
	StateGone State = iota
	// StatePresent: after ENTERED.
	StatePresent
	// StateAway: from TEMPORARILY_LEFT to the next ENTERED, LEFT, ENDED or
	// CANCELLED, the absences whose time the Summary adds up.
	StateAway
	// StateOver: after ENDED or CANCELLED.
	StateOver
	// StateUnknown: between a readable time and the next one when an entry
	// between them has a time that cannot be read, so that when its action
	// took effect is not known.
	StateUnknown
)

// String is the state's name in the chart's legend.
func (s State) String() string {
	switch s {
	case StatePresent:
		return "present"
	case StateAway:
		return "away"
	case StateOver:
		return "ended"
	case StateUnknown:
		return "unknown"
	}
	return "gone"
}

// Period is a stretch of a session in one State. From and To are offsets
// from the session's first readable time.
type Period struct {
	State    State
	From, To time.Duration
}

// Presence is a session's log as periods of presence and absence, for a
// chart. Periods follow each other without gaps from 0 to Span; periods of
// no length are left out and neighbours in the same state are merged.
type Presence struct {
	// Start is the first readable time, as time since midnight; unknown
	// when no entry's time could be read (then Periods is empty).
	Start Elapsed
	// Span is the time from the first readable time to the last one. Two
	// readable times with unreadable ones between them are taken to be
	// less than a day apart, like consecutive entries.
	Span    time.Duration
	Periods []Period
	// Final is the state after the last entry.
	Final State
	// UnknownBefore and UnknownAfter report entries before the first, or
	// after the last, readable time: they cannot be placed in time.
	UnknownBefore, UnknownAfter bool
}

// PresenceTracker builds a Presence from a session's entries one at a time.
// The zero PresenceTracker is ready for a session's first entry.
type PresenceTracker struct {
	periods  []Period
	current  State         // the state after the entries so far
	open     State         // the state of the period not yet closed
	openFrom time.Duration // where that period began
	last     time.Duration // the offset of the last readable time
	lastMin  int           // the last readable time, in minutes since midnight
	start    Elapsed
	pending  bool // an unreadable time came after the last readable one
	before   bool // an unreadable time came before the first readable one
}

// Add takes the session's next entry, in chronological order.
func (t *PresenceTracker) Add(e client.LogEntry) {
	minute, ok := ParseClock(e.Date)
	if !ok {
		t.current = next(t.current, e.ActionType)
		if t.start.Known {
			t.pending = true
		} else {
			t.before = true
		}
		return
	}
	at := time.Duration(0)
	if t.start.Known {
		at = t.last + time.Duration((minute-t.lastMin+minutesPerDay)%minutesPerDay)*time.Minute
	} else {
		t.start = Elapsed{Duration: time.Duration(minute) * time.Minute, Known: true}
		t.open = t.current
	}
	if t.pending {
		t.close(t.last)
		t.push(Period{State: StateUnknown, From: t.last, To: at})
		t.open, t.openFrom = t.current, at
		t.pending = false
	}
	t.current = next(t.current, e.ActionType)
	if t.current != t.open {
		t.close(at)
		t.open, t.openFrom = t.current, at
	}
	t.last, t.lastMin = at, minute
}

// close ends the open period at end.
func (t *PresenceTracker) close(end time.Duration) {
	t.push(Period{State: t.open, From: t.openFrom, To: end})
}

// push adds p to the closed periods.
func (t *PresenceTracker) push(p Period) {
	t.periods = appendPeriod(t.periods, p)
}

// appendPeriod appends p to ps, unless it has no length, merging it into
// the last period when that has the same state.
func appendPeriod(ps []Period, p Period) []Period {
	if p.To <= p.From {
		return ps
	}
	if n := len(ps); n > 0 && ps[n-1].State == p.State {
		ps[n-1].To = p.To
		return ps
	}
	return append(ps, p)
}

// Presence returns the presence of the entries added so far. Adding more
// entries afterwards is allowed.
func (t *PresenceTracker) Presence() Presence {
	p := Presence{Start: t.start, Final: t.current, UnknownBefore: t.before, UnknownAfter: t.pending}
	if !t.start.Known {
		return p
	}
	open := Period{State: t.open, From: t.openFrom, To: t.last}
	p.Periods = appendPeriod(slices.Clone(t.periods), open)
	p.Span = t.last
	return p
}

// next is the state after an entry of action a, in state s.
func next(s State, a client.ActionType) State {
	switch a {
	case client.ActionEntered:
		return StatePresent
	case client.ActionTemporarilyLeft:
		return StateAway
	case client.ActionLeft:
		return StateGone
	case client.ActionEnded, client.ActionCancelled:
		return StateOver
	}
	return s
}
