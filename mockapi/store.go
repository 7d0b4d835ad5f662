package mockapi

import (
	"errors"
	"maps"
	"slices"
)

// session is one stored session.
type session struct {
	entries []Entry
	ended   bool // has an ENDED or CANCELLED entry
}

// Why appendAction refused, in the order it checks.
var (
	errNoSession = errors.New("session not found")
	errEnded     = errors.New("session has ended")
	errInvalid   = errors.New("invalid action_type")
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

// appendAction records an entry of type a in session id at the clock's
// time and returns it. Ending a session (ENDED, CANCELLED) also records
// its SESSION_PERIOD right after. It fails with errNoSession, errEnded or
// errInvalid, checked in that order.
func (h *Handler) appendAction(id string, a ActionType) (Entry, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sessions[id]
	switch {
	case !ok:
		return Entry{}, errNoSession
	case s.ended:
		return Entry{}, errEnded
	case !a.valid():
		return Entry{}, errInvalid
	}
	now := h.clock().Round(0) // drop the monotonic reading: stored times compare with ==
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
