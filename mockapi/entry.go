package mockapi

import "time"

// Entry is one stored session-log entry.
type Entry struct {
	// ActionType is sent as the entry's "action_type". Entries added with
	// AddSession may use any value, to test clients against unknown types.
	ActionType ActionType
	// Time is when the entry was recorded; its "date" is Time in the
	// handler's location, formatted "3:04 PM".
	Time time.Time
	// Text is sent as the entry's "text". Left empty, it is filled in when
	// the entry is stored: the documented text of ActionType, or for
	// SESSION_PERIOD the whole minutes from the session's first entry to
	// this one ("Session period: 35 minutes").
	Text string
}

// withText returns e with Text filled in as Entry documents; first is the
// time of the session's first entry.
func (e Entry) withText(first time.Time) Entry {
	switch {
	case e.Text != "":
	case e.ActionType == ActionSessionPeriod:
		e.Text = periodText(e.Time.Sub(first))
	default:
		e.Text = actionTexts[e.ActionType]
	}
	return e
}

// withTexts returns a copy of entries with every Text filled in.
func withTexts(entries []Entry) []Entry {
	out := make([]Entry, len(entries))
	for i, e := range entries {
		out[i] = e.withText(entries[0].Time)
	}
	return out
}

// wireEntry is an entry as the API sends it.
type wireEntry struct {
	Text       string `json:"text"`
	Date       string `json:"date"`
	ActionType string `json:"action_type"`
}

// dateLayout is the API's "date" format.
const dateLayout = "3:04 PM"

// wire renders e as the API sends it, with its date in loc.
func (e Entry) wire(loc *time.Location) wireEntry {
	return wireEntry{Text: e.Text, Date: e.Time.In(loc).Format(dateLayout), ActionType: string(e.ActionType)}
}
