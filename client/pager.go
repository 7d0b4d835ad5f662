package client

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"sync"
	"sync/atomic"

	"github.com/sessionlog/sessionlog/internal/ordered"
)

// errStop, returned by an internal yield function, ends the delivery early
// without an error: the caller broke out of the loop.
var errStop = errors.New("stop delivering entries")

// aheadPerSlot is how many pages per Pool slot a call may fetch beyond the
// next page it has to deliver: enough to keep every slot busy while one
// slow page holds up delivery, and a bound on the pages held in memory.
const aheadPerSlot = 2

// Entry is one activity-log entry with its place in the session's timeline.
type Entry struct {
	// Position is the entry's 1-based position in the whole timeline,
	// oldest first, whatever part of it was asked for.
	Position int
	LogEntry
}

// EntriesOptions selects the part of a session's timeline Entries delivers.
// The zero value delivers the whole timeline.
type EntriesOptions struct {
	// PerPage is the page size asked for the first page (0: the server's
	// default, 30). Every later page is asked with the per_page the first
	// reply reports, so a server that caps per_page is followed.
	PerPage int
	// Page, when > 0, delivers only this page of the timeline.
	Page int
	// Limit, when > 0, delivers at most this many entries and fetches no
	// page past the one holding the last of them.
	Limit int
	// Last, when > 0, delivers only the most recent Last entries, fetching
	// the first page (for total and per_page) and the pages holding them.
	// It cannot be combined with Page.
	Last int
}

// validate refuses options that cannot be honoured.
func (o EntriesOptions) validate() error {
	bad := func(why string) error { return &Error{Kind: KindInvalidInput, Explanation: why} }
	switch {
	case o.PerPage < 0 || o.Page < 0 || o.Limit < 0 || o.Last < 0:
		return bad("per_page, concurrency, page, limit and last must not be negative")
	case o.Page > 0 && o.Last > 0:
		return bad("a single page and the last entries cannot be asked for together")
	}
	return nil
}

// FetchOption says how Entries fetches the pages: how many requests at
// once, and who is told of each page.
type FetchOption func(*fetchConfig)

type fetchConfig struct {
	concurrency int
	pool        *Pool
	order       int
	onPage      func(done, total int)
	onSpan      func(last int)
}

// WithConcurrency lets Entries keep up to n requests in flight
// (default DefaultConcurrency). It is ignored with WithPool.
func WithConcurrency(n int) FetchOption { return func(f *fetchConfig) { f.concurrency = n } }

// WithPool makes Entries share pool's request slots with every other call
// using it. order ranks this call among them: a free slot goes to the
// waiting request of the lowest order first, so give the session consumed
// first the lowest order.
func WithPool(pool *Pool, order int) FetchOption {
	return func(f *fetchConfig) { f.pool, f.order = pool, order }
}

// WithPageDone calls fn on the iterating goroutine after each page has
// been delivered, with the pages delivered so far and the pages the first
// reply says there are to fetch, e.g. to draw a progress bar.
func WithPageDone(fn func(done, total int)) FetchOption {
	return func(f *fetchConfig) { f.onPage = fn }
}

// WithLastPosition calls fn on the iterating goroutine once the first
// reply is in, before the first entry is yielded, with the position of the
// last entry Entries will yield if the timeline holds it (fewer are
// yielded when it ends early or the loop breaks): e.g. to size a column.
func WithLastPosition(fn func(last int)) FetchOption {
	return func(f *fetchConfig) { f.onSpan = fn }
}

// Entries returns an iterator over a session's activity log in timeline
// order, oldest first, each entry with its position in the whole timeline.
// Breaking out of the loop stops the fetching: requests in flight are
// cancelled, and the loop ends once they have. A failure is yielded once,
// as an *Error with a zero Entry, after the entries before the failed page,
// and ends the iteration.
//
// Entries fetches the first page, then the pages after it side by side, at
// most DefaultConcurrency requests at once (see WithConcurrency and
// WithPool), and delivers each page as soon as every earlier page has been
// delivered; it holds at most two pages per request slot in memory and
// drops each page once delivered.
//
// The timeline is the one the first reply describes: positions 1 to its
// total. Entries appended to the session while it pages are not delivered
// (the log is append-only and oldest-first, so an append never shifts the
// pages before it, and per_page is the same on every page), and no page
// past the first reply's last_page is fetched; use Follow to see them.
//
// Fetching stops at the first empty page, even when the replies claim
// more: requests already sent may finish, but none is sent for a later
// page. A reply for another page than the one asked (a server that ignores
// "page"), with another per_page than the first reply, or with a last_page
// that its total and per_page do not make fails with KindInvalidResponse,
// rather than repeating or silently skipping entries.
func (c *Client) Entries(ctx context.Context, sessionID string, opts EntriesOptions, how ...FetchOption) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		err := c.entries(ctx, sessionID, opts, how, func(e Entry) error {
			if !yield(e, nil) {
				return errStop
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			yield(Entry{}, err)
		}
	}
}

// entries delivers the entries Entries yields to deliver, stopping at the
// first error deliver returns.
func (c *Client) entries(ctx context.Context, sessionID string, opts EntriesOptions, how []FetchOption, deliver func(Entry) error) error {
	if err := checkCall(ctx, sessionID); err != nil {
		return err
	}
	if err := opts.validate(); err != nil {
		return err
	}
	var cfg fetchConfig
	for _, o := range how {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.concurrency < 0 {
		return &Error{Kind: KindInvalidInput, Explanation: "per_page, concurrency, page, limit and last must not be negative"}
	}
	t := &timeline{c: c, id: sessionID, pool: cfg.pool, order: cfg.order, progress: cfg.onPage}
	if t.pool == nil {
		t.pool = NewPool(cfg.concurrency)
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
	if cfg.onSpan != nil {
		cfg.onSpan(min(s.to, (n-1)*s.perPage+len(first.Entries)+max(s.last-n, 0)*s.perPage))
	}
	t.noteShort(n, len(first.Entries), s.perPage)
	done, err := s.deliver(n, first.Entries, deliver)
	t.reportProgress(s, 1)
	if !done {
		err = t.fetchRest(ctx, s, deliver)
	}
	return err
}

// timeline is the state of one Entries call.
type timeline struct {
	c     *Client
	id    string
	pool  *Pool
	order int
	// progress is the WithPageDone callback, nil for none.
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
func (t *timeline) fetchRest(ctx context.Context, s span, deliver func(Entry) error) error {
	ahead := aheadPerSlot * t.pool.Size()
	results := make(chan pageResult, ahead) // never blocks: at most ahead requests are outstanding
	ready := ordered.NewQueue[pageResult](s.next)
	last := s.last
	for sent := s.next; ready.Index() <= last; {
		for ; sent <= last && sent < ready.Index()+ahead; sent++ {
			t.start(ctx, sent, s.perPage, results)
		}
		r := <-results
		if r.skipped || r.n > last {
			continue
		}
		if r.err != nil || len(r.page.Entries) == 0 {
			last = r.n
		}
		ready.Put(r.n, r)
		for r, ok := ready.Next(); ok; r, ok = ready.Next() {
			if r.err != nil {
				return r.err
			}
			if err := t.checkAfterShort(r.n, len(r.page.Entries), s.perPage); err != nil {
				return err
			}
			done, err := s.deliver(r.n, r.page.Entries, deliver)
			t.reportProgress(s, r.n-s.next+2)
			if done || err != nil {
				return err
			}
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
	page, _, err = t.c.ListLogs(ctx, t.id, PageOptions{Page: n, PerPage: perPage})
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
