package timeline

import "github.com/sessionlog/sessionlog/client"

// Status is where a session stands according to its log.
type Status string

// The statuses a Summary can report.
const (
	// StatusInProgress: entries, but none that ends the session or asks to.
	StatusInProgress Status = "in_progress"
	// StatusEnded: an ENDED entry, and no CANCELLED after it.
	StatusEnded Status = "ended"
	// StatusCancelled: a CANCELLED entry, and no ENDED after it.
	StatusCancelled Status = "cancelled"
	// StatusCancelRequested: a CANCEL_REQUEST, and no ENDED or CANCELLED.
	StatusCancelRequested Status = "cancel_requested"
	// StatusNoEntries: the log is empty.
	StatusNoEntries Status = "no_entries"
)

// Summary is what support staff ask of a session's log first: where it
// stands, and whether and for how long the customer was away.
type Summary struct {
	SessionID string
	Status    Status
	// Entries is the number of entries in the log.
	Entries int
	// First and Last are the display dates of the first and last entries,
	// verbatim; both are "" for an empty log.
	First, Last string
	// TimesAway is the number of absences: TEMPORARILY_LEFT entries that
	// found the customer present (a repeated one while away adds nothing).
	TimesAway int
	// TimeAway is the total length of the absences. An absence runs from a
	// TEMPORARILY_LEFT to the next ENTERED, LEFT, ENDED or CANCELLED, or
	// to the last entry when none follows. It is unknown when a date
	// inside any absence could not be read.
	TimeAway Elapsed
	// StillAway reports an absence still open at the last entry.
	StillAway bool
	// Span is the time from the first entry to the last: unknown when any
	// date could not be read, zero for a log of at most one entry.
	Span Elapsed
}

// Summarizer builds a Summary from a session's entries one at a time, so
// memory stays flat however long the log is.
type Summarizer struct {
	sum      Summary // the facts that need no further work
	clock    Clock
	final    Status  // ended or cancelled, whichever came last; "" if neither
	cancel   bool    // a CANCEL_REQUEST came
	awayDone Elapsed // the closed absences
	away     Elapsed // the open absence, when sum.StillAway
}

// NewSummarizer returns a Summarizer for the session with the given id.
func NewSummarizer(sessionID string) *Summarizer {
	known := Elapsed{Known: true}
	return &Summarizer{
		sum:      Summary{SessionID: sessionID, Span: known},
		awayDone: known,
	}
}

// Add takes the session's next entry, in chronological order.
func (s *Summarizer) Add(e client.LogEntry) {
	gap := s.clock.Next(e.Date)
	if s.sum.Entries == 0 {
		s.sum.First = e.Date
	}
	s.sum.Entries++
	s.sum.Last = e.Date
	if gap.HasPrev {
		s.sum.Span = s.sum.Span.plus(gap.Elapsed)
	}
	if !s.clock.Known() {
		s.sum.Span = Elapsed{}
	}
	if s.sum.StillAway {
		s.away = s.away.plus(gap.Elapsed)
	}
	switch e.ActionType {
	case client.ActionTemporarilyLeft:
		if !s.sum.StillAway {
			s.sum.StillAway = true
			s.sum.TimesAway++
			s.away = Elapsed{Known: s.clock.Known()}
		}
	case client.ActionEntered, client.ActionLeft:
		s.back()
	case client.ActionEnded:
		s.back()
		s.final = StatusEnded
	case client.ActionCancelled:
		s.back()
		s.final = StatusCancelled
	case client.ActionCancelRequest:
		s.cancel = true
	}
}

// back closes the open absence, if any.
func (s *Summarizer) back() {
	if s.sum.StillAway {
		s.awayDone = s.awayDone.plus(s.away)
		s.sum.StillAway = false
	}
}

// Summary returns the summary of the entries added so far; an open absence
// counts until the last entry. Adding more entries afterwards is allowed.
func (s *Summarizer) Summary() Summary {
	sum := s.sum
	sum.TimeAway = s.awayDone
	if sum.StillAway {
		sum.TimeAway = sum.TimeAway.plus(s.away)
	}
	switch {
	case sum.Entries == 0:
		sum.Status = StatusNoEntries
	case s.final != "":
		sum.Status = s.final
	case s.cancel:
		sum.Status = StatusCancelRequested
	default:
		sum.Status = StatusInProgress
	}
	return sum
}
