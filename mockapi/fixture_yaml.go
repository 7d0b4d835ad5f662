package mockapi

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a fixture (or a fuzzer) from asking for absurd sizes.
const (
	maxGenerate = 100000
	maxOffset   = 1000000 // minutes, about two years
)

// rawFixture is a fixture file as written; line fields are 1-based.
type rawFixture struct {
	Timezone string       `yaml:"timezone"`
	Sessions []rawSession `yaml:"sessions"`
	seen     bool
	tzLine   int
}

// rawSession is one session as written.
type rawSession struct {
	ID       string     `yaml:"id"`
	Start    string     `yaml:"start"`
	Generate int        `yaml:"generate"`
	Anchor   string     `yaml:"anchor"`
	Entries  []rawEntry `yaml:"entries"`
	line     int
}

// rawEntry is one entry as written.
type rawEntry struct {
	ActionType string `yaml:"action_type"`
	At         string `yaml:"at"`
	Offset     *int   `yaml:"offset"`
	Text       string `yaml:"text"`
	line       int
}

// UnmarshalYAML decodes the fixture's top level, rejecting unknown keys.
func (f *rawFixture) UnmarshalYAML(n *yaml.Node) error {
	if err := checkKeys(n, "fixture", "timezone", "sessions"); err != nil {
		return err
	}
	sessions, err := mappingItems(n, "sessions", "session")
	if err != nil {
		return err
	}
	type plain rawFixture
	if err := n.Decode((*plain)(f)); err != nil {
		return err
	}
	f.seen, f.tzLine = true, n.Line
	if v := value(n, "timezone"); v != nil {
		f.tzLine = v.Line
	}
	for i := range min(len(sessions), len(f.Sessions)) {
		f.Sessions[i].line = sessions[i].Line
	}
	return nil
}

// UnmarshalYAML decodes a session, rejecting unknown keys.
func (s *rawSession) UnmarshalYAML(n *yaml.Node) error {
	if err := checkKeys(n, "session", "id", "start", "generate", "anchor", "entries"); err != nil {
		return err
	}
	entries, err := mappingItems(n, "entries", "entry")
	if err != nil {
		return err
	}
	type plain rawSession
	if err := n.Decode((*plain)(s)); err != nil {
		return err
	}
	s.line = n.Line
	for i := range min(len(entries), len(s.Entries)) {
		s.Entries[i].line = entries[i].Line
	}
	return nil
}

// UnmarshalYAML decodes an entry, rejecting unknown keys.
func (e *rawEntry) UnmarshalYAML(n *yaml.Node) error {
	if err := checkKeys(n, "entry", "action_type", "at", "offset", "text"); err != nil {
		return err
	}
	type plain rawEntry
	return n.Decode((*plain)(e))
}

// checkKeys reports an error unless n is a mapping whose keys are all in keys.
func checkKeys(n *yaml.Node, what string, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: %s must be a mapping", n.Line, what)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !slices.Contains(keys, k.Value) {
			return fmt.Errorf("line %d: unknown %s key %q (want %s)", k.Line, what, k.Value, strings.Join(keys, ", "))
		}
	}
	return nil
}

// mappingItems returns the items of the sequence under key in mapping n,
// failing unless each is a mapping: yaml would silently drop null items,
// and the items' lines must line up with the decoded slice.
func mappingItems(n *yaml.Node, key, what string) ([]*yaml.Node, error) {
	v := resolve(value(n, key))
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil, nil
	}
	for _, item := range v.Content {
		if resolve(item).Kind != yaml.MappingNode {
			return nil, fmt.Errorf("line %d: %s must be a mapping", item.Line, what)
		}
	}
	return v.Content, nil
}

// resolve follows an alias node to its anchor.
func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// value returns the value node of key in mapping n, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// build checks the raw fixture and turns it into a Fixture.
func (f *rawFixture) build() (*Fixture, error) {
	loc := time.UTC
	if f.Timezone != "" {
		if f.Timezone == "Local" {
			return nil, fmt.Errorf("line %d: timezone %q depends on the machine; name a zone such as UTC", f.tzLine, f.Timezone)
		}
		l, err := time.LoadLocation(f.Timezone)
		if err != nil {
			return nil, fmt.Errorf("line %d: timezone %q: %w", f.tzLine, f.Timezone, err)
		}
		loc = l
	}
	out := &Fixture{Location: loc, Sessions: make([]FixtureSession, 0, len(f.Sessions))}
	firstLine := make(map[string]int, len(f.Sessions))
	for _, rs := range f.Sessions {
		if prev, dup := firstLine[rs.ID]; dup {
			return nil, fmt.Errorf("line %d: duplicate session id %q (first at line %d)", rs.line, rs.ID, prev)
		}
		s, err := rs.build(loc)
		if err != nil {
			return nil, err
		}
		firstLine[rs.ID] = rs.line
		out.Sessions = append(out.Sessions, s)
	}
	return out, nil
}

// build checks the raw session and turns it into a FixtureSession.
func (rs *rawSession) build(loc *time.Location) (FixtureSession, error) {
	if rs.ID == "" {
		return FixtureSession{}, fmt.Errorf("line %d: session has no id", rs.line)
	}
	fail := func(line int, err error) (FixtureSession, error) {
		return FixtureSession{}, fmt.Errorf("line %d: session %q: %w", line, rs.ID, err)
	}
	if rs.Anchor != "" && rs.Anchor != "start" {
		return fail(rs.line, fmt.Errorf("anchor %q: the only anchor is \"start\"", rs.Anchor))
	}
	anchored := rs.Anchor == "start"
	start := time.Date(2026, time.January, 1, 9, 0, 0, 0, loc)
	if rs.Start != "" {
		t, err := time.Parse(time.RFC3339, rs.Start)
		if err != nil {
			return fail(rs.line, fmt.Errorf("start %q is not an RFC 3339 time: %w", rs.Start, err))
		}
		start = t.In(loc)
	}
	switch {
	case rs.Generate < 0 || rs.Generate > maxGenerate:
		return fail(rs.line, fmt.Errorf("generate %d is outside 0..%d", rs.Generate, maxGenerate))
	case rs.Generate > 0 && len(rs.Entries) > 0:
		return fail(rs.line, errors.New("give either generate or entries, not both"))
	case rs.Generate > 0:
		return FixtureSession{ID: rs.ID, Entries: GenerateSession(rs.ID, rs.Generate, start), AnchorToStart: anchored}, nil
	}
	entries := make([]Entry, 0, len(rs.Entries))
	for _, re := range rs.Entries {
		e, err := re.build(start)
		if err != nil {
			return fail(re.line, err)
		}
		if n := len(entries); n > 0 && e.Time.Before(entries[n-1].Time) {
			return fail(re.line, fmt.Errorf("entry at %s is before the one above it", e.Time.Format("2006-01-02 15:04")))
		}
		entries = append(entries, e)
	}
	return FixtureSession{ID: rs.ID, Entries: withTexts(entries), AnchorToStart: anchored}, nil
}

// build checks the raw entry and turns it into an Entry; at is read on
// start's date, offset from start.
func (re *rawEntry) build(start time.Time) (Entry, error) {
	a := ActionType(re.ActionType)
	if !a.valid() {
		return Entry{}, fmt.Errorf("action_type %q is not one of ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD", re.ActionType)
	}
	e := Entry{ActionType: a, Text: re.Text}
	switch {
	case (re.At == "") == (re.Offset == nil):
		return Entry{}, errors.New("give exactly one of at and offset")
	case re.Offset != nil:
		if *re.Offset < 0 || *re.Offset > maxOffset {
			return Entry{}, fmt.Errorf("offset %d is outside 0..%d minutes", *re.Offset, maxOffset)
		}
		e.Time = start.Add(time.Duration(*re.Offset) * time.Minute)
	default:
		clock, err := time.Parse("15:04", re.At)
		if err != nil {
			return Entry{}, fmt.Errorf("at %q is not HH:MM: %w", re.At, err)
		}
		y, m, d := start.Date()
		e.Time = time.Date(y, m, d, clock.Hour(), clock.Minute(), 0, 0, start.Location())
	}
	return e, nil
}
