package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// decodeListReply turns a list reply into a Page. wantPage is the page that
// was asked for (1 when none was named); a reply for another page is invalid.
// Every failure is an *Error. The usual reply is decoded in one pass
// (fastListReply); any other goes through the tolerant decoder.
func decodeListReply(rep *reply, wantPage int) (*Page, error) {
	if page, ok := fastListReply(rep, wantPage); ok {
		return page, nil
	}
	return tolerantListReply(rep, wantPage)
}

// tolerantListReply is decodeListReply with encoding/json, layer by layer:
// it reads whatever a server may send and explains each failure.
func tolerantListReply(rep *reply, wantPage int) (*Page, error) {
	env, err := checkReply(rep)
	if err != nil {
		return nil, err
	}
	page, problem := decodePage(env.data, wantPage)
	if problem != "" {
		return nil, invalidReply(rep.status, problem)
	}
	return page, nil
}

// decodeCreateReply turns a create reply into the recorded entry. Every
// failure is an *Error.
func decodeCreateReply(rep *reply) (*LogEntry, error) {
	env, err := checkReply(rep)
	if err != nil {
		return nil, err
	}
	if !isObject(env.data) {
		return nil, invalidReply(rep.status, "data is not an object")
	}
	var entry LogEntry
	if err := json.Unmarshal(env.data, &entry); err != nil {
		return nil, invalidReply(rep.status, "the entry cannot be decoded: "+err.Error())
	}
	return &entry, nil
}

// decodePage decodes Laravel's length-aware paginator. It returns a one-line
// problem instead of a page when data is malformed or its paging impossible.
func decodePage(data json.RawMessage, wantPage int) (*Page, string) {
	var m map[string]json.RawMessage
	if !isObject(data) || json.Unmarshal(data, &m) != nil {
		return nil, "data is not an object"
	}
	var nums [4]int
	for i, name := range []string{"current_page", "last_page", "per_page", "total"} {
		raw, ok := m[name]
		if !ok || isNull(raw) {
			return nil, "data." + name + " is missing"
		}
		n, ok := parseFlexInt(raw)
		if !ok {
			return nil, "data." + name + " is not an integer"
		}
		nums[i] = n
	}
	p := &Page{CurrentPage: nums[0], LastPage: nums[1], PerPage: nums[2], Total: nums[3]}

	var items []json.RawMessage
	if isNull(m["data"]) || json.Unmarshal(m["data"], &items) != nil {
		return nil, "data.data is not an array"
	}
	p.Entries = make([]LogEntry, len(items))
	for i, item := range items {
		if !isObject(item) {
			return nil, fmt.Sprintf("entry %d is not an object", i+1)
		}
		if err := json.Unmarshal(item, &p.Entries[i]); err != nil {
			return nil, fmt.Sprintf("entry %d cannot be decoded: %v", i+1, err)
		}
	}
	if problem := pagingProblem(p, wantPage); problem != "" {
		return nil, problem
	}
	return p, ""
}

// pagingProblem describes paging numbers no server could truthfully send.
func pagingProblem(p *Page, wantPage int) string {
	switch n := len(p.Entries); {
	case p.CurrentPage < 1:
		return fmt.Sprintf("current_page is %d", p.CurrentPage)
	case p.LastPage < 0 || p.PerPage < 0 || p.Total < 0:
		return fmt.Sprintf("negative paging numbers (last_page %d, per_page %d, total %d)", p.LastPage, p.PerPage, p.Total)
	case p.Total > 0 && p.LastPage < 1:
		return fmt.Sprintf("last_page is %d although total is %d", p.LastPage, p.Total)
	case p.CurrentPage != wantPage:
		return fmt.Sprintf("asked for page %d but the server returned page %d", wantPage, p.CurrentPage)
	case n > p.PerPage:
		return fmt.Sprintf("%d entries on a page of per_page %d", n, p.PerPage)
	case n > p.Total:
		return fmt.Sprintf("%d entries although total is %d", n, p.Total)
	}
	return ""
}

// maxExactInt is the largest integer a JSON number (a float64) holds exactly.
const maxExactInt = 1 << 53

// parseFlexInt decodes an integer sent as a JSON number (30, 30.0) or as a
// numeric string ("30"), as Laravel sometimes does.
func parseFlexInt(raw json.RawMessage) (int, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return 0, false
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, false
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		return n, err == nil && n >= -maxExactInt && n <= maxExactInt
	}
	if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > maxExactInt {
		return 0, false
	}
	return int(f), true
}
