package mockapi

import (
	"errors"
	"maps"
	"slices"
	"time"
)

// session is one stored session.
type session struct {
	entries []Entry
	ended   bool // has an ENDED or CANCELLED entry
}

// Why appendAction refused, in the order it checks.
var (
	errInvalid   = errors.New("invalid action_type")
	errNoSession = errors.New("session not found")
	errEnded     = errors.New("session has ended")
)

// AddSession adds session id with entries in the given (chronological)
// order, replacing any session of that id. Empty Texts are filled in as
// Entry documents; a session is ended once it has an ENDED or CANCELLED
// entry. No SESSION_PERIOD is added: give it in entries.
func (h *Handler) AddSession(id string, entries ...Entry) {
	s := &session{entries: withTexts(entries)}
	s.ended = slices.ContainsFunc(s.entries, func(e Entry) bool { return e.ActionType.ends() })
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sessions[id] = s
}

// Entries returns a copy of session id's entries, oldest first; ok is
// false for an unknown session.
func (h *Handler) Entries(sessionID string) (entries []Entry, ok bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	s, ok := h.sessions[sessionID]
	if !ok {
		return nil, false
	}
	return slices.Clone(s.entries), true
}

// Sessions returns the ids of the stored sessions, sorted.
func (h *Handler) Sessions() []string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return slices.Sorted(maps.Keys(h.sessions))
}

// page returns the entries of one page of session id and the session's
// entry count; ok is false for an unknown session.
func (h *Handler) page(id string, page, perPage int) (items []Entry, total int, ok bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	s, ok := h.sessions[id]
	if !ok {
		return nil, 0, false
	}
	lo, hi := pageBounds(len(s.entries), page, perPage)
	return slices.Clone(s.entries[lo:hi]), len(s.entries), true
}

// AddFixture adds f's sessions, replacing sessions of the same ids. Those
// marked AnchorToStart and still in progress are first moved in time to
// end in the minute before the Handler's clock, as Fixture.AnchoredAt
// does.
func (h *Handler) AddFixture(f *Fixture) {
	var now time.Time // read once, only if some session needs it
	for _, s := range f.Sessions {
		entries := s.Entries
		if s.AnchorToStart {
			if now.IsZero() {
				now = h.clock.now()
			}
			entries = anchorEntries(entries, now)
		}
		h.AddSession(s.ID, entries...)
	}
}

// appendAction records an entry of type a in session id at the clock's
// time and returns it. Ending a session (ENDED, CANCELLED) also records
// its SESSION_PERIOD right after. It fails with errInvalid, errNoSession
// (unless WithAutoCreate, when it creates the session) or errEnded,
// checked in that order, as a Laravel FormRequest validates the body
// before the controller looks the session up.
func (h *Handler) appendAction(id string, a ActionType) (Entry, error) {
	if !a.valid() {
		return Entry{}, errInvalid
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sessions[id]
	switch {
	case !ok && h.autoCreate:
		s = &session{}
		h.sessions[id] = s
	case !ok:
		return Entry{}, errNoSession
	case s.ended:
		return Entry{}, errEnded
	}
	now := h.clock.now()
	first := now
	if len(s.entries) > 0 {
		first = s.entries[0].Time
	}
	e := Entry{ActionType: a, Time: now}.withText(first)
	s.entries = append(s.entries, e)
	if a.ends() {
		s.ended = true
		s.entries = append(s.entries, Entry{ActionType: ActionSessionPeriod, Time: now}.withText(first))
	}
	return e, nil
}
