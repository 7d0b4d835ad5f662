package client

import (
	"bytes"
	"slices"

	"github.com/sessionlog/sessionlog/internal/jsonscan"
)

// maxSkippedDepth is the deepest nesting the fast decoder skips over in
// members it does not read; deeper ones go to the tolerant decoder.
const maxSkippedDepth = 64

// fastListReply decodes a successful list reply in one pass over its
// bytes: the envelope and the paginator read by their exact keys, each
// entry scanned once, its Raw a slice of the body and its fields
// substrings of one copy of it. It accepts only what a server usually
// sends (a 2xx reply, "success": true or absent, integer paging numbers,
// entries whose documented fields are strings or null, valid UTF-8, no key
// sent twice or escaped, nothing nested beyond 64 levels) and returns false
// for anything else, which decodeListReply hands to the tolerant decoder:
// that one holds every error message.
func fastListReply(rep *reply, wantPage int) (*Page, bool) {
	if rep.status < 200 || rep.status > 299 {
		return nil, false
	}
	d := fastDecoder{body: rep.body}
	page, ok := d.envelope()
	if !ok || pagingProblem(page, wantPage) != "" {
		return nil, false
	}
	return page, true
}

// fastDecoder is one fast pass over a list reply's body.
type fastDecoder struct {
	body []byte
	// text is the body as a string, made once the first field needs it.
	text string
	// members is scratch space for each entry's members.
	members []jsonscan.Member
}

// objectKeys calls member with the unescaped key of each member of the
// object at body[i] and the index of its value; member returns the index
// past the value. It returns the index past the object, false when the
// object is malformed, has an escaped key, or member fails.
func (d *fastDecoder) objectKeys(i int, member func(key []byte, value int) (int, bool)) (int, bool) {
	b := d.body
	if i >= len(b) || b[i] != '{' {
		return 0, false
	}
	i = jsonscan.SkipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, false
		}
		end, flags, ok := jsonscan.String(b, i)
		if !ok || flags&(jsonscan.Escaped|jsonscan.BadUTF8) != 0 {
			return 0, false
		}
		key := b[i+1 : end-1]
		i = jsonscan.SkipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return 0, false
		}
		if i, ok = member(key, jsonscan.SkipSpace(b, i+1)); !ok {
			return 0, false
		}
		i = jsonscan.SkipSpace(b, i)
		switch {
		case i >= len(b):
			return 0, false
		case b[i] == ',':
			i = jsonscan.SkipSpace(b, i+1)
		case b[i] == '}':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// skip scans over the value at body[i], which must be valid UTF-8.
func (d *fastDecoder) skip(i int) (int, bool) {
	r, ok := jsonscan.Value(d.body, i, maxSkippedDepth)
	return r.End, ok && r.Flags&jsonscan.BadUTF8 == 0
}

// envelope reads {"success", "message", "data", "statusCode"}.
func (d *fastDecoder) envelope() (*Page, bool) {
	var page *Page
	var seenSuccess, seenStatus bool
	end, ok := d.objectKeys(jsonscan.SkipSpace(d.body, 0), func(key []byte, i int) (int, bool) {
		switch string(key) {
		case "success":
			if seenSuccess || !bytes.HasPrefix(d.body[i:], []byte("true")) {
				return 0, false
			}
			seenSuccess = true
			return i + len("true"), true
		case "statusCode":
			n, end, ok := jsonscan.Int(d.body, i)
			if seenStatus || !ok || n >= 400 {
				return 0, false
			}
			seenStatus = true
			return end, true
		case "data":
			if page != nil {
				return 0, false
			}
			page = &Page{}
			return d.paginator(i, page)
		}
		return d.skip(i)
	})
	if !ok || page == nil || jsonscan.SkipSpace(d.body, end) != len(d.body) {
		return nil, false
	}
	return page, true
}

// paginator reads Laravel's paginator into page.
func (d *fastDecoder) paginator(i int, page *Page) (int, bool) {
	const allSeen = 1<<5 - 1
	seen := 0
	end, ok := d.objectKeys(i, func(key []byte, i int) (int, bool) {
		var bit int
		var field *int
		switch string(key) {
		case "current_page":
			bit, field = 1, &page.CurrentPage
		case "last_page":
			bit, field = 2, &page.LastPage
		case "per_page":
			bit, field = 4, &page.PerPage
		case "total":
			bit, field = 8, &page.Total
		case "data":
			if seen&16 != 0 {
				return 0, false
			}
			seen |= 16
			return d.entries(i, page)
		default:
			return d.skip(i)
		}
		n, end, ok := jsonscan.Int(d.body, i)
		if seen&bit != 0 || !ok {
			return 0, false
		}
		seen |= bit
		*field = n
		return end, true
	})
	return end, ok && seen == allSeen
}

// entries reads the paginator's array of entries into page.Entries.
func (d *fastDecoder) entries(i int, page *Page) (int, bool) {
	b := d.body
	if i >= len(b) || b[i] != '[' {
		return 0, false
	}
	page.Entries = []LogEntry{}
	i = jsonscan.SkipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, true
	}
	for {
		var entry LogEntry
		end, ok := d.entry(i, &entry)
		if !ok {
			return 0, false
		}
		if len(page.Entries) == 0 {
			// Room for as many entries as the first one's size leaves in
			// the body (the entries are most of it, and alike), counting at
			// least 64 bytes an entry: room for tiny entries would take
			// more memory than the body.
			page.Entries = slices.Grow(page.Entries, (len(b)-i)/max(end-i+1, 64))
		}
		page.Entries = append(page.Entries, entry)
		i = jsonscan.SkipSpace(b, end)
		switch {
		case i >= len(b):
			return 0, false
		case b[i] == ',':
			i = jsonscan.SkipSpace(b, i+1)
		case b[i] == ']':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// entry reads the entry object at body[i] into e as LogEntry.UnmarshalJSON
// would, when it is one of the usual ones.
func (d *fastDecoder) entry(i int, e *LogEntry) (int, bool) {
	if i >= len(d.body) || d.body[i] != '{' {
		return 0, false
	}
	members, r, ok := jsonscan.Object(d.members[:0], d.body, i, maxEntryDepth)
	d.members = members
	if !ok || r.Flags&jsonscan.BadUTF8 != 0 {
		return 0, false
	}
	for k, m := range members {
		if m.KeyFlags&jsonscan.Escaped != 0 {
			return 0, false
		}
		for _, earlier := range members[:k] {
			if bytes.Equal(earlier.Key, m.Key) {
				return 0, false
			}
		}
		field := e.field(string(m.Key[1 : len(m.Key)-1]))
		if field == nil {
			continue
		}
		switch {
		case m.Value[0] == '"':
			*field = d.stringValue(m)
		case string(m.Value) != "null":
			return 0, false
		}
	}
	e.Raw = d.body[i:r.End:r.End]
	return r.End, true
}

// stringValue returns the text of the string value of m.
func (d *fastDecoder) stringValue(m jsonscan.Member) string {
	if m.ValueFlags&jsonscan.Escaped != 0 {
		return string(jsonscan.AppendUnquoted(nil, m.Value))
	}
	if d.text == "" {
		d.text = string(d.body)
	}
	return d.text[m.ValueAt+1 : m.ValueAt+len(m.Value)-1]
}
