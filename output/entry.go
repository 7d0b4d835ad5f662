package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/jsonscan"
	"github.com/sessionlog/sessionlog/internal/safetext"
)

// Keys and columns that the output adds to the server's fields.
const (
	// sessionIDKey is the key under which every output object carries its
	// record's session id.
	sessionIDKey = "session_id"
	// positionKey is the key under which every output object carries its
	// record's position, null when unknown.
	positionKey = "position"
	// gapKey is the key and csv column of a record's gap, with Options.Gaps.
	gapKey = "gap_seconds"
)

// entryCodec encodes Records as the options ask.
type entryCodec struct {
	opts Options
}

// object appends r's output object to dst as compact JSON: "session_id"
// and "position" (null when unknown) first, then every field of the
// server's object in the server's order, values byte for byte but for
// whitespace (server fields of those names are dropped in favour of ours),
// then, with Gaps, "gap_seconds" (likewise replacing the server's).
// Entries built in code (nil Raw) contribute their documented fields. The
// server's members are spliced in from Raw in one scan; an object whose
// keys would read differently once re-encoded, or that the scan does not
// take, is tokenised instead (see tokenised).
func (c entryCodec) object(dst []byte, r Record) ([]byte, error) {
	raw := []byte(r.Entry.Raw)
	if len(raw) == 0 {
		var err error
		if raw, err = json.Marshal(r.Entry); err != nil {
			return dst, fmt.Errorf("encode %s: %w", c.describe(r), err)
		}
	}
	var scratch [16]jsonscan.Member
	members, scan, ok := jsonscan.Object(scratch[:0], raw, 0, maxSplicedDepth)
	if !ok || scan.End != len(raw) || slices.ContainsFunc(members, keyReencoded) {
		return c.tokenised(dst, r, raw)
	}
	dst = c.head(dst, r)
	for _, m := range members {
		if c.replaced(string(m.Key[1 : len(m.Key)-1])) {
			continue
		}
		dst = append(dst, ',')
		dst = append(dst, m.Key...)
		dst = append(dst, ':')
		if scan.Flags&jsonscan.Spaced != 0 {
			dst = jsonscan.AppendCompact(dst, m.Value)
		} else {
			dst = append(dst, m.Value...)
		}
	}
	return c.tail(dst, r), nil
}

// maxSplicedDepth is the deepest nesting object splices; a deeper Raw
// (only one built in code can be) is tokenised.
const maxSplicedDepth = 256

// keyReencoded reports whether appendString would write m's key otherwise
// than it stands in the text: one with an escape, invalid UTF-8, an HTML
// character or a line or paragraph separator.
func keyReencoded(m jsonscan.Member) bool {
	if m.KeyFlags&(jsonscan.Escaped|jsonscan.BadUTF8) != 0 ||
		m.KeyFlags&jsonscan.NonASCII != 0 && bytes.ContainsAny(m.Key, "\u2028\u2029") {
		return true
	}
	for _, c := range m.Key {
		if c == '<' || c == '>' || c == '&' {
			return true
		}
	}
	return false
}

// replaced reports whether the server's member key gives way to one the
// output adds.
func (c entryCodec) replaced(key string) bool {
	return key == sessionIDKey || key == positionKey || key == gapKey && c.opts.Gaps
}

// head appends the start of r's output object: "{", its session id and
// its position.
func (c entryCodec) head(dst []byte, r Record) []byte {
	dst = append(dst, `{"`+sessionIDKey+`":`...)
	dst = appendString(dst, r.SessionID)
	dst = append(dst, `,"`+positionKey+`":`...)
	if r.Position > 0 {
		return strconv.AppendInt(dst, int64(r.Position), 10)
	}
	return append(dst, "null"...)
}

// tail appends the end of r's output object: its gap, with Gaps, and "}".
func (c entryCodec) tail(dst []byte, r Record) []byte {
	if c.opts.Gaps {
		dst = append(dst, `,"`+gapKey+`":`...)
		dst = appendSeconds(dst, r.Gap.Elapsed)
	}
	return append(dst, '}')
}

// tokenised is object for a Raw that object does not splice: it reads Raw
// token by token, re-encoding each key, and explains what is wrong with a
// Raw that is not a JSON object.
func (c entryCodec) tokenised(dst []byte, r Record, raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return dst, fmt.Errorf("decode %s: %w", c.describe(r), err)
	}
	if tok != json.Delim('{') {
		return dst, fmt.Errorf("%s is not a JSON object", c.describe(r))
	}
	dst = c.head(dst, r)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return dst, fmt.Errorf("decode %s: %w", c.describe(r), err)
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return dst, fmt.Errorf("decode %s: %w", c.describe(r), err)
		}
		key := tok.(string) // the decoder yields object keys as strings
		if c.replaced(key) {
			continue
		}
		dst = append(dst, ',')
		dst = appendString(dst, key)
		dst = append(dst, ':')
		dst = jsonscan.AppendCompact(dst, value)
	}
	return c.tail(dst, r), nil
}

// describe names r in error messages.
func (entryCodec) describe(r Record) string {
	return fmt.Sprintf("entry %d of session %q", r.Position, r.SessionID)
}

// csvHeader returns the csv header row.
func (c entryCodec) csvHeader() []string {
	header := []string{"session_id", "position", "date", "action_type", "text"}
	if c.opts.Gaps {
		header = append(header, gapKey)
	}
	return header
}

// csvRow fills row with r's cells.
func (c entryCodec) csvRow(row []string, r Record) {
	row[0] = r.SessionID
	row[1] = positionCell(r.Position, "")
	row[2] = r.Entry.Date
	row[3] = string(r.Entry.ActionType)
	row[4] = r.Entry.Text
	if c.opts.Gaps {
		row[5] = seconds(r.Gap.Elapsed)
	}
}

// tableHeader returns the table's column names.
func (c entryCodec) tableHeader() []string {
	header := make([]string, 0, 6)
	if c.opts.ShowSession {
		header = append(header, "SESSION")
	}
	header = append(header, "#", "TIME")
	if c.opts.Gaps {
		header = append(header, "GAP")
	}
	return append(header, "ACTION", "DESCRIPTION")
}

// positionCell renders a position, or unknown for position 0.
func positionCell(position int, unknown string) string {
	if position == 0 {
		return unknown
	}
	return strconv.Itoa(position)
}

// tableMinWidths are the widths the columns usually need: positions up to
// 9999, times such as "12:59 PM", gaps such as "+1h05m", the longest
// documented action type.
func (c entryCodec) tableMinWidths() []int {
	widths := make([]int, 0, 6)
	if c.opts.ShowSession {
		widths = append(widths, 7)
	}
	widths = append(widths, 4, len("12:59 PM"))
	if c.opts.Gaps {
		widths = append(widths, len("+1h05m"))
	}
	return append(widths, len(client.ActionTemporarilyLeft), 0)
}

// nextDayNote starts the DESCRIPTION of the first entry of a new day, whose
// time of day is earlier than the previous entry's. It stands there rather
// than beside the time so that a rare note does not widen the TIME column,
// and first so that a description cut to the terminal keeps it.
const nextDayNote = "(next day) "

// tableRow returns r's cells; the description falls back to the action
// type's documented meaning when the entry has no text, and the description
// of the first entry after midnight starts with nextDayNote.
func (c entryCodec) tableRow(r Record) []string {
	desc := r.Entry.Text
	if desc == "" {
		desc = r.Entry.ActionType.Description()
	}
	action := safetext.Terminal(string(r.Entry.ActionType))
	if c.opts.Color {
		action = colorAction(r.Entry.ActionType, action)
	}
	row := make([]string, 0, 6)
	if c.opts.ShowSession {
		row = append(row, safetext.Terminal(r.SessionID))
	}
	desc = safetext.Terminal(desc)
	if r.Gap.NewDay {
		desc = nextDayNote + desc
	}
	row = append(row, positionCell(r.Position, "-"), safetext.Terminal(r.Entry.Date))
	if c.opts.Gaps {
		row = append(row, gapCell(r.Gap))
	}
	return append(row, action, desc)
}
