package mockapi

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"go.yaml.in/yaml/v3"
)

// Fixture is a set of sessions to preload with WithFixture.
//
// Its file is YAML (or JSON, which is YAML):
//
//	timezone: UTC                     # IANA zone of the times below; default UTC
//	sessions:
//	  - id: "1001"                    # required, unique
//	    start: "2026-11-26T14:30:00Z" # RFC 3339; default 2026-01-01T09:00 in timezone
//	    entries:                      # oldest first; omit for an empty session
//	      - {action_type: ENTERED, at: "14:30"}   # wall-clock HH:MM on start's date
//	      - {action_type: ENDED, offset: 35}      # or minutes after start
//	      - {action_type: SESSION_PERIOD, offset: 35, text: "optional text"}
//	  - id: "1004"
//	    generate: 300                 # GenerateSession entries instead of entries
//	    anchor: start                 # if still in progress, move it to end as the server starts
//
// Each entry needs a documented action_type and exactly one of at or
// offset; entries must not go back in time. A session's end is not
// completed automatically: list its SESSION_PERIOD, whose text, when
// omitted, counts the minutes from the session's first entry.
type Fixture struct {
	// Location is the fixture's time zone. Its entries' times are in it,
	// and a Handler built WithFixture renders dates in it unless
	// WithLocation says otherwise, so dates do not depend on the machine.
	Location *time.Location
	// Sessions are the fixture's sessions in file order.
	Sessions []FixtureSession
}

// FixtureSession is one session of a Fixture.
type FixtureSession struct {
	ID      string
	Entries []Entry
	// AnchorToStart ("anchor: start" in the file) asks a Handler to move
	// the session, if still in progress, to end in the minute before its
	// clock when it loads the fixture (at start, on Reset, or through
	// POST /_mock/sessions), keeping the gaps between entries.
	AnchorToStart bool
}

//go:embed fixtures/default.yaml
var defaultFixtureYAML []byte

// DefaultFixture returns a fresh copy of the embedded fixtures/default.yaml
// (times in UTC): 1001 a complete consultation (ENTERED 2:30 PM,
// TEMPORARILY_LEFT 2:41 PM, ENTERED 2:44 PM, ENDED 3:05 PM, SESSION_PERIOD
// "Session period: 35 minutes"), 1002 in progress, 1003 cancelled, 1004
// with 350 generated entries and 1005 with none. It panics only if the
// embedded file is broken, which the package's tests rule out.
func DefaultFixture() *Fixture {
	f, err := ParseFixture(defaultFixtureYAML)
	if err != nil {
		panic(fmt.Sprintf("mockapi: embedded default fixture: %v", err))
	}
	return f
}

// AnchoredAt returns a copy of f in which every session still in progress
// is moved in time, keeping the gaps between its entries, so that its last
// entry was recorded in the minute before now. Entries created live then
// follow it, as they would on a real server, and its SESSION_PERIOD counts
// real minutes. Ended and empty sessions keep their times.
func (f *Fixture) AnchoredAt(now time.Time) *Fixture {
	out := &Fixture{Location: f.Location, Sessions: make([]FixtureSession, len(f.Sessions))}
	for i, s := range f.Sessions {
		out.Sessions[i] = FixtureSession{ID: s.ID, Entries: anchorEntries(s.Entries, now), AnchorToStart: s.AnchorToStart}
	}
	return out
}

// anchorEntries returns a copy of a session's entries, moved in time to
// end in the minute before now when the session is still in progress.
func anchorEntries(entries []Entry, now time.Time) []Entry {
	entries = slices.Clone(entries)
	n := len(entries)
	if n == 0 || slices.ContainsFunc(entries, func(e Entry) bool { return e.ActionType.ends() }) {
		return entries
	}
	shift := now.Truncate(time.Minute).Add(-time.Minute).Sub(entries[n-1].Time)
	for j := range entries {
		entries[j].Time = entries[j].Time.Add(shift)
	}
	return entries
}

// LoadFixture reads and parses the fixture file at path. Errors name the
// file and, where known, the line.
func LoadFixture(path string) (*Fixture, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read fixture: %w", err)
	}
	f, err := parseFixture(data)
	if err != nil {
		return nil, fmt.Errorf("fixture %s: %w", path, err)
	}
	return f, nil
}

// ParseFixture parses a fixture from YAML or JSON data. Errors name the
// line where known.
func ParseFixture(data []byte) (*Fixture, error) {
	f, err := parseFixture(data)
	if err != nil {
		return nil, fmt.Errorf("fixture: %w", err)
	}
	return f, nil
}

// parseFixture parses data without naming its source in errors.
func parseFixture(data []byte) (*Fixture, error) {
	var raw rawFixture
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	if !raw.seen {
		return nil, errors.New("empty document")
	}
	return raw.build()
}
