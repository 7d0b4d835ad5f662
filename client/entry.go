package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// LogEntry is one activity-log entry. Text, Date and ActionType are the
// documented fields; Raw holds the whole JSON object as the server sent it,
// so fields the API adds later survive into JSON output. A caller may
// change the fields: MarshalJSON writes what they hold.
type LogEntry struct {
	Text       string     `json:"text"`
	Date       string     `json:"date"`
	ActionType ActionType `json:"action_type"`
	// Raw is the entry's JSON object as received, made to agree with the
	// fields above (see UnmarshalJSON); nil for entries built in code. An
	// entry of a Page may share Raw's memory with the reply's other
	// entries: copy it before changing its bytes.
	Raw json.RawMessage `json:"-"`
}

// maxEntryDepth is the deepest nesting of arrays and objects an entry may
// have, the entry object itself counting as one level. A deeper entry is
// refused: re-indented as JSON or YAML it would grow with the square of its
// depth, and no documented field nests at all.
const maxEntryDepth = 64

// errTooDeep is the error for an entry nested beyond maxEntryDepth.
var errTooDeep = fmt.Errorf("nested more than %d levels deep", maxEntryDepth)

// UnmarshalJSON decodes an entry object. The documented fields are read by
// their exact keys: encoding/json alone would also take "TEXT" or
// "Action_Type" for them, so that a reply could show one entry in the table
// and another in JSON. Raw keeps the object, changed only where a reader of
// it could otherwise see something other than the fields: invalid UTF-8
// becomes U+FFFD (as in the fields), and a key sent twice is kept once, at
// its first place, with its last value (the one the fields hold, as
// encoding/json and jq read it). An entry nested more than 64 levels deep is
// an error.
func (e *LogEntry) UnmarshalJSON(b []byte) error {
	if jsonDepth(b) > maxEntryDepth {
		return errTooDeep
	}
	members, duplicates, err := objectMembers(b)
	if err != nil {
		return err
	}
	entry, err := fieldsOf(members)
	if err != nil {
		return err
	}
	switch {
	case duplicates:
		entry.Raw = appendMembers(nil, members)
	case !utf8.Valid(b):
		entry.Raw = toValidUTF8(b)
	default:
		entry.Raw = bytes.Clone(b)
	}
	*e = entry
	return nil
}

// fieldsOf reads the documented fields from an entry object's members.
func fieldsOf(members []member) (LogEntry, error) {
	var entry LogEntry
	for _, m := range members {
		field := entry.field(m.key)
		if field == nil {
			continue
		}
		if err := json.Unmarshal(m.value, field); err != nil {
			return LogEntry{}, fmt.Errorf("%s: %w", m.key, err)
		}
	}
	return entry, nil
}

// documentedKeys are the keys of the documented fields, in the API's order.
var documentedKeys = []string{"text", "date", "action_type"}

// field returns the documented field stored under key, nil for another key.
func (e *LogEntry) field(key string) *string {
	switch key {
	case "text":
		return &e.Text
	case "date":
		return &e.Date
	case "action_type":
		return (*string)(&e.ActionType)
	}
	return nil
}

// MarshalJSON writes the entry as it is now. An entry from the server
// whose documented fields still hold what Raw holds is written as Raw, byte
// for byte, so that no key the API added is lost. One whose fields were
// changed is written as Raw with those fields' values replaced, its other
// keys kept in place. An entry without Raw is written from its fields.
func (e LogEntry) MarshalJSON() ([]byte, error) {
	type plain LogEntry
	if len(e.Raw) == 0 {
		return json.Marshal(plain(e))
	}
	members, _, err := objectMembers(e.Raw)
	if err != nil {
		return nil, fmt.Errorf("raw entry: %w", err)
	}
	if held, err := fieldsOf(members); err == nil &&
		held.Text == e.Text && held.Date == e.Date && held.ActionType == e.ActionType {
		return e.Raw, nil
	}
	for _, key := range documentedKeys {
		value := encodeString(*e.field(key))
		i := slices.IndexFunc(members, func(m member) bool { return m.key == key })
		if i < 0 {
			members = append(members, member{key, value})
		} else {
			members[i].value = value
		}
	}
	return appendMembers(nil, members), nil
}

// encodeString encodes s as a JSON string, leaving <, > and & as they
// are, as the API sends them.
func encodeString(s string) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a Go string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// member is one key and value of a JSON object.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers returns the members of the JSON object b in order, a key
// sent twice once at its first place with its last value, and whether there
// was such a key. Keys are decoded (invalid UTF-8 as U+FFFD), values are
// raw with invalid UTF-8 replaced by U+FFFD.
func objectMembers(b []byte) (members []member, duplicates bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false, errors.New("not a JSON object")
	}
	index := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false, err
		}
		key, _ := tok.(string) // the decoder yields object keys as strings
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false, err
		}
		value = toValidUTF8(value)
		if i, ok := index[key]; ok {
			members[i].value = value
			duplicates = true
			continue
		}
		index[key] = len(members)
		members = append(members, member{key, value})
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return nil, false, err
	}
	return members, duplicates, nil
}

// appendMembers appends members to dst as one compact JSON object.
func appendMembers(dst []byte, members []member) []byte {
	dst = append(dst, '{')
	for i, m := range members {
		if i > 0 {
			dst = append(dst, ',')
		}
		key, _ := json.Marshal(m.key) // a Go string always encodes
		dst = append(dst, key...)
		dst = append(dst, ':')
		dst = append(dst, m.value...)
	}
	return append(dst, '}')
}

// toValidUTF8 returns b with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as encoding/json does when it decodes a string; b
// itself when it is valid. In valid JSON such bytes occur only inside
// strings, so the result is valid JSON whose strings read as decoded ones.
func toValidUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// jsonDepth returns the deepest nesting of arrays and objects in the JSON
// text b; strings are skipped.
func jsonDepth(b []byte) int {
	depth, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range b {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
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

// PageOptions selects one page of a session's log. Zero values leave the
// choice to the server (page 1, 30 entries).
type PageOptions struct {
	Page    int
	PerPage int
}
