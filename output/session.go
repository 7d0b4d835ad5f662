package output

import (
	"github.com/sessionlog/sessionlog/timeline"
)

// Session is one session as the presence chart and the HTML report show
// it: its summary, its periods of presence and absence and, for the
// report's table, its records.
type Session struct {
	Summary  timeline.Summary
	Presence timeline.Presence
	Records  []Record
}

// SessionBuilder builds a Session from its records, in timeline order.
type SessionBuilder struct {
	summary  *timeline.Summarizer
	presence timeline.PresenceTracker
	clock    timeline.Clock
	records  []Record
	keep     bool
}

// NewSessionBuilder returns a builder for the session with the given id;
// it keeps the records only when keepRecords.
func NewSessionBuilder(sessionID string, keepRecords bool) *SessionBuilder {
	return &SessionBuilder{summary: timeline.NewSummarizer(sessionID), keep: keepRecords}
}

// Add takes the session's next record. A record without a gap gets the
// one its session's clock gives.
func (b *SessionBuilder) Add(r Record) {
	gap := b.clock.Next(r.Entry.Date)
	b.summary.Add(r.Entry)
	b.presence.Add(r.Entry)
	if b.keep {
		if !r.Gap.HasPrev {
			r.Gap = gap
		}
		b.records = append(b.records, r)
	}
}

// Session returns the session built so far.
func (b *SessionBuilder) Session() Session {
	return Session{Summary: b.summary.Summary(), Presence: b.presence.Presence(), Records: b.records}
}
