package client

import (
	"bytes"
	"encoding/json"
)

// LogEntry is one activity-log entry. Text, Date and ActionType are the
// documented fields; Raw holds the whole JSON object exactly as the server
// sent it, so fields the API adds later survive into JSON output.
type LogEntry struct {
	Text       string     `json:"text"`
	Date       string     `json:"date"`
	ActionType ActionType `json:"action_type"`
	// Raw is the entry's JSON object as received; nil for entries built in code.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the documented fields and keeps the whole object in Raw.
func (e *LogEntry) UnmarshalJSON(b []byte) error {
	type plain LogEntry
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*e = LogEntry(p)
	e.Raw = bytes.Clone(b)
	return nil
}

// MarshalJSON returns Raw when the entry came from the server, so that no
// field is lost, and the documented fields otherwise.
func (e LogEntry) MarshalJSON() ([]byte, error) {
	if len(e.Raw) > 0 {
		return e.Raw, nil
	}
	type plain LogEntry
	return json.Marshal(plain(e))
}

// Page is one page of a session's activity log together with the paging
// facts the server reported for it.
type Page struct {
	Entries     []LogEntry
	CurrentPage int
	LastPage    int
	PerPage     int
	Total       int
}

// ListOptions selects one page of a session's log. Zero values leave the
// choice to the server (page 1, 30 entries).
type ListOptions struct {
	Page    int
	PerPage int
}
