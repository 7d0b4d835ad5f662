package client

import (
	"fmt"
	"math"
)

// span is the part of a timeline an Entries call delivers, fixed by the
// first reply: the positions it delivers and the later pages that hold them.
type span struct {
	perPage  int // per_page of the first reply, asked of every later page
	from, to int // 1-based positions to deliver, both included
	// next and last are the later pages to fetch, none when next > last.
	next, last int
}

// planSpan works out what to deliver from the first reply, first, which is
// page opts.Page (or page 1).
//
// Positions count from the start of the timeline: entry i (0-based) of
// page n is at (n-1)*perPage+i+1. The timeline is the one page 1
// describes, positions 1 to its total: entries appended later are not
// delivered, so the same entry can never be delivered twice, and pages past
// page 1's last_page (or past the page holding position total, if that
// comes first) are never fetched. Last moves the start to total-Last+1;
// Limit then caps the count.
func planSpan(first *Page, opts EntriesOptions) span {
	s := span{perPage: first.PerPage, from: 1, to: math.MaxInt}
	if opts.Page > 0 || len(first.Entries) == 0 {
		// One page only, or the first page is already empty.
		if opts.Limit > 0 {
			s.to = (max(opts.Page, 1)-1)*s.perPage + min(opts.Limit, len(first.Entries))
		}
		return s
	}
	s.to = first.Total
	if opts.Last > 0 {
		s.from = max(1, first.Total-opts.Last+1)
	}
	if opts.Limit > 0 && opts.Limit <= s.to-s.from {
		s.to = s.from + opts.Limit - 1
	}
	// A non-empty page has perPage >= 1: the client rejects a page holding
	// more entries than its per_page.
	s.next = max(2, pageOf(s.from, s.perPage))
	s.last = min(first.LastPage, pageOf(s.to, s.perPage))
	return s
}

// pageCountProblem describes a reply whose last_page is not the one its
// total and per_page make, Laravel's max(1, ceil(total/per_page)) (0 is
// let pass for an empty log): trusting it would skip pages or ask for
// pages that cannot exist. It returns "" for a consistent reply.
func pageCountProblem(p *Page) string {
	want := 1
	switch {
	case p.Total == 0 && p.LastPage == 0:
		return ""
	case p.Total > 0 && p.PerPage < 1:
		return fmt.Sprintf("per_page is %d although total is %d", p.PerPage, p.Total)
	case p.Total > 0:
		want = pageOf(p.Total, p.PerPage)
	}
	if p.LastPage != want {
		return fmt.Sprintf("last_page is %d, but total %d at per_page %d makes last_page %d", p.LastPage, p.Total, p.PerPage, want)
	}
	return ""
}

// pageOf returns the page that holds position pos.
func pageOf(pos, perPage int) int { return (pos-1)/perPage + 1 }

// deliver passes on the entries of page n that fall in the span, in order.
// It reports done when nothing after this page is to be delivered: the page
// is empty, the span ends on it, or yield returned an error (which it
// returns).
func (s span) deliver(n int, entries []LogEntry, yield func(Entry) error) (done bool, err error) {
	base := (n - 1) * s.perPage
	for i, e := range entries {
		pos := base + i + 1
		if pos < s.from {
			continue
		}
		if pos > s.to {
			return true, nil
		}
		if err := yield(Entry{Position: pos, LogEntry: e}); err != nil {
			return true, err
		}
	}
	return len(entries) == 0 || base+len(entries) >= s.to || n >= s.last, nil
}
