package client

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// ErrStop, returned by a Timeline's yield function, ends the timeline early
// without an error: Timeline stops fetching and returns nil.
var ErrStop = errors.New("stop the timeline")

// aheadPerSlot is how many pages per Pool slot a Timeline may fetch beyond
// the next page it has to deliver: enough to keep every slot busy while one
// slow page holds up delivery, and a bound on the pages held in memory.
const aheadPerSlot = 2

// PagerOptions selects the part of a session's timeline Timeline fetches,
// and how many requests it may have in flight.
type PagerOptions struct {
	// PerPage is the page size asked for the first page (0: the server's
	// default, 30). Every later page is asked with the per_page the first
	// reply reports, so a server that caps per_page is followed.
	PerPage int
	// Concurrency bounds the requests in flight when Pool is nil
	// (0: DefaultConcurrency).
	Concurrency int
	// Pool, when not nil, bounds the requests in flight across every
	// Timeline sharing it, and Concurrency is ignored.
	Pool *Pool
	// Order ranks this timeline among those sharing Pool: a free slot goes
	// to the waiting request of the lowest Order first. Give the timeline
	// that is printed first the lowest Order.
	Order int
	// Page, when > 0, fetches only this page of the timeline.
	Page int
	// Limit, when > 0, delivers at most this many entries and fetches no
	// page past the one holding the last of them.
	Limit int
	// Last, when > 0, delivers only the most recent Last entries, fetching
	// the first page (for total and per_page) and the pages holding them.
	// It cannot be combined with Page.
	Last int
	// Progress, when not nil, is called on the caller's goroutine after each
	// page is delivered, with the pages delivered so far and the pages the
	// first reply says there are to fetch.
	Progress func(done, total int)
}

// validate refuses options that cannot be honoured.
func (o PagerOptions) validate() error {
	bad := func(why string) error { return &Error{Kind: KindInvalidInput, Explanation: why} }
	switch {
	case o.PerPage < 0 || o.Concurrency < 0 || o.Page < 0 || o.Limit < 0 || o.Last < 0:
		return bad("per_page, concurrency, page, limit and last must not be negative")
	case o.Page > 0 && o.Last > 0:
		return bad("a single page and the last entries cannot be asked for together")
	}
	return nil
}

// Timeline fetches a session's activity log and calls yield with each entry
// in timeline order, oldest first, with its 1-based position in the whole
// timeline.
//
// It fetches the first page, then the pages after it side by side, at most
// Pool.Size() (or Concurrency) requests at once, and yields each page as
// soon as every earlier page has been yielded; it holds at most two pages
// per slot in memory and drops each page once yielded. yield runs on the
// caller's goroutine, one call at a time.
//
// The timeline is the one the first reply describes: positions 1 to its
// total. Entries appended to the session while it pages are not yielded
// (the log is append-only and oldest-first, so an append never shifts the
// pages before it, and per_page is the same on every page), and no page
// past the first reply's last_page is fetched; run again to see them.
//
// Fetching stops at the first empty page, even when the replies claim
// more: requests already sent may finish, but none is sent for a later
// page. It stops at the first failure: the entries before the failed page
// are yielded, then Timeline returns its *Error. A reply for another page
// than the one asked (a server that ignores "page"), with another
// per_page than the first reply, or with a last_page that its total and
// per_page do not make fails with KindInvalidResponse, rather than
// repeating or silently skipping entries.
//
// When yield returns ErrStop, Timeline returns nil at once; when it returns
// another error, Timeline returns that error as is. In both cases requests
// still in flight are cancelled, and Timeline returns once they have ended.
func (c *Client) Timeline(ctx context.Context, sessionID string, opts PagerOptions, yield func(position int, e LogEntry) error) error {
	if err := checkCall(ctx, sessionID); err != nil {
		return err
	}
	if err := opts.validate(); err != nil {
		return err
	}
	t := &timeline{c: c, id: sessionID, pool: opts.Pool, order: opts.Order, progress: opts.Progress}
	if t.pool == nil {
		t.pool = NewPool(opts.Concurrency)
	}
	t.stopAt.Store(math.MaxInt64)
	ctx, cancel := context.WithCancel(ctx)
	defer t.wg.Wait()
	defer cancel()

	n := max(opts.Page, 1)
	first, _, err := t.fetch(ctx, t.pool.enqueue(t.order, n), n, opts.PerPage, false)
	if err != nil {
		return err
	}
	s := planSpan(first, opts)
	t.noteShort(n, len(first.Entries), s.perPage)
	done, err := s.deliver(n, first.Entries, yield)
	t.reportProgress(s, 1)
	if !done {
		err = t.fetchRest(ctx, s, yield)
	}
	if errors.Is(err, ErrStop) {
		return nil
	}
	return err
}

// timeline is the state of one Timeline call.
type timeline struct {
	c     *Client
	id    string
	pool  *Pool
	order int
	// progress is PagerOptions.Progress, nil for none.
	progress func(done, total int)
	// short is the first delivered page that held fewer than per_page
	// entries, 0 while none has: only empty pages may follow it.
	short, shortLen int
	// stopAt is the lowest page found empty or failed: no later page is sent.
	stopAt atomic.Int64
	wg     sync.WaitGroup
}

// pageResult is the outcome of one page request.
type pageResult struct {
	n       int
	page    *Page
	skipped bool // not sent: an earlier page was empty or failed
	err     error
}

// fetchRest fetches s's later pages with the pool's concurrency and
// delivers them in order.
func (t *timeline) fetchRest(ctx context.Context, s span, yield func(int, LogEntry) error) error {
	ahead := aheadPerSlot * t.pool.Size()
	results := make(chan pageResult, ahead) // never blocks: at most ahead requests are outstanding
	ready := make(map[int]pageResult, ahead)
	next, last := s.next, s.last
	for sent := next; next <= last; {
		for ; sent <= last && sent < next+ahead; sent++ {
			t.start(ctx, sent, s.perPage, results)
		}
		r := <-results
		if r.skipped || r.n > last {
			continue
		}
		if r.err != nil || len(r.page.Entries) == 0 {
			last = r.n
		}
		ready[r.n] = r
		for r, ok := ready[next]; ok; r, ok = ready[next] {
			delete(ready, next)
			if r.err != nil {
				return r.err
			}
			if err := t.checkAfterShort(next, len(r.page.Entries), s.perPage); err != nil {
				return err
			}
			done, err := s.deliver(next, r.page.Entries, yield)
			t.reportProgress(s, next-s.next+2)
			if done || err != nil {
				return err
			}
			next++
		}
	}
	return nil
}

// noteShort remembers page n when it held fewer than perPage entries.
func (t *timeline) noteShort(n, entries, perPage int) {
	if t.short == 0 && entries < perPage {
		t.short, t.shortLen = n, entries
	}
}

// checkAfterShort fails when page n holds entries after a short page: the
// log is append-only, so every page before its last is full, and a short
// page in the middle means entries are missing. A short page followed by
// empty ones is a reply that claims more pages than there are, which ends
// the timeline without an error.
func (t *timeline) checkAfterShort(n, entries, perPage int) error {
	if t.short > 0 && entries > 0 {
		return invalidReply(0, fmt.Sprintf("page %d held only %d of %d entries, yet page %d has more: entries are missing",
			t.short, t.shortLen, perPage, n))
	}
	t.noteShort(n, entries, perPage)
	return nil
}

// reportProgress tells the progress callback that done pages of s, the
// first page included, have been delivered.
func (t *timeline) reportProgress(s span, done int) {
	if t.progress == nil {
		return
	}
	later := 0
	if s.next >= 2 && s.last >= s.next {
		later = s.last - s.next + 1
	}
	t.progress(done, 1+later)
}

// start queues page n for a pool slot, then fetches it in a new goroutine
// and sends the outcome to results.
func (t *timeline) start(ctx context.Context, n, perPage int, results chan<- pageResult) {
	slot := t.pool.enqueue(t.order, n)
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		page, skipped, err := t.fetch(ctx, slot, n, perPage, true)
		results <- pageResult{n: n, page: page, skipped: skipped, err: err}
	}()
}

// fetch requests page n once slot holds a pool slot, then frees the slot.
// A later page (one after the first) is skipped, unsent, when an earlier
// page was found empty or failed; its reply must keep the first reply's
// per_page; and when it is empty or fails, no later page is sent any more.
// That is settled before the slot is freed, so no request for a page past
// the first empty one starts after its reply has come.
func (t *timeline) fetch(ctx context.Context, slot *waiter, n, perPage int, later bool) (page *Page, skipped bool, err error) {
	if err := t.pool.wait(ctx, slot); err != nil {
		return nil, false, err
	}
	defer t.pool.release()
	if int64(n) > t.stopAt.Load() {
		return nil, true, nil
	}
	page, err = t.c.ListLogs(ctx, t.id, ListOptions{Page: n, PerPage: perPage})
	if err == nil {
		if problem := pageCountProblem(page); problem != "" {
			err = invalidReply(0, fmt.Sprintf("page %d: %s", n, problem))
		}
	}
	if later {
		if err == nil && page.PerPage != perPage {
			err = invalidReply(0, fmt.Sprintf("page %d has per_page %d but page 1 had %d, so entries would be repeated or missed", n, page.PerPage, perPage))
		}
		if err != nil || len(page.Entries) == 0 {
			t.lowerStop(int64(n))
		}
	}
	return page, false, err
}

// lowerStop moves stopAt down to n unless it is already lower.
func (t *timeline) lowerStop(n int64) {
	for {
		cur := t.stopAt.Load()
		if n >= cur || t.stopAt.CompareAndSwap(cur, n) {
			return
		}
	}
}
