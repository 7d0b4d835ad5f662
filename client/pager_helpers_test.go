package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeLog is a session log served page by page as Laravel's paginator
// would, with knobs for the ways a server can misbehave.
type fakeLog struct {
	total   int // entries in the log
	perPage int // page size when the request names none, and the cap; default 10
	// grown, when > total, is the entry count from the second request on,
	// as if entries were appended right after page 1 was served.
	grown int
	// claimLast, when > 0, is the last_page claimed instead of the true one,
	// and claimTotal the total claimed.
	claimLast, claimTotal int
	// ignorePage answers page 1 whatever page is asked for.
	ignorePage bool
	// perPageFrom, when > 0, is the page from which per_page is doubled.
	perPageFrom int
	// hold, when set, is called as a request arrives, already counted in
	// flight, and may return a channel the reply then waits for (at most
	// holdLimit, after which heldTooLong is set).
	hold func(page int) <-chan struct{}
	// intercept, when set, may answer a request itself (returning true);
	// n is the request's 1-based number.
	intercept func(w http.ResponseWriter, page, n int) bool

	mu                sync.Mutex
	inFlight, maxSeen int
	heldTooLong       bool
}

// holdLimit is the longest a fakeLog holds a reply back: only a broken
// pager keeps a gate shut that long.
const holdLimit = 30 * time.Second

// entryText is the text of the entry at position pos.
func entryText(pos int) string { return "entry " + strconv.Itoa(pos) }

// serve answers one list request.
func (f *fakeLog) serve(w http.ResponseWriter, r *http.Request, n int) {
	f.mu.Lock()
	f.inFlight++
	f.maxSeen = max(f.maxSeen, f.inFlight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()

	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	size := f.perPage
	if size == 0 {
		size = 10
	}
	if asked, _ := strconv.Atoi(q.Get("per_page")); asked > 0 {
		size = min(asked, size)
	}
	if f.intercept != nil && f.intercept(w, page, n) {
		return
	}
	if f.hold != nil {
		f.waitFor(r, f.hold(page))
	}
	total := f.total
	if f.grown > total && n > 1 {
		total = f.grown
	}
	if f.ignorePage {
		page = 1
	}
	if f.perPageFrom > 0 && page >= f.perPageFrom {
		size *= 2
	}
	last := max(1, (total+size-1)/size)
	claimedTotal := total
	if f.claimLast > 0 {
		last, claimedTotal = f.claimLast, f.claimTotal
	}
	items := []map[string]string{}
	for pos := (page-1)*size + 1; pos <= min(page*size, total); pos++ {
		items = append(items, map[string]string{"text": entryText(pos), "date": "2:30 PM", "action_type": "ENTERED"})
	}
	data, _ := json.Marshal(map[string]any{
		"current_page": page, "data": items, "last_page": last, "per_page": size, "total": claimedTotal,
	})
	respond(w, http.StatusOK, fmt.Sprintf(`{"success":true,"message":"ok","data":%s,"statusCode":200}`, data))
}

// waitFor waits until gate is closed (at once when it is nil), the
// request is cancelled, or holdLimit has passed.
func (f *fakeLog) waitFor(r *http.Request, gate <-chan struct{}) {
	if gate == nil {
		return
	}
	select {
	case <-gate:
	case <-r.Context().Done():
	case <-time.After(holdLimit):
		f.mu.Lock()
		f.heldTooLong = true
		f.mu.Unlock()
	}
}

// overlapping returns a hold function that holds the first n requests until
// the n-th has arrived, so that n requests are surely in flight at once.
func overlapping(n int) func(int) <-chan struct{} {
	var arrived atomic.Int32
	gate := make(chan struct{})
	return func(int) <-chan struct{} {
		switch k := arrived.Add(1); {
		case k == int32(n):
			close(gate)
			return gate
		case k < int32(n):
			return gate
		}
		return nil
	}
}

// wasHeldTooLong reports whether a held reply gave up waiting.
func (f *fakeLog) wasHeldTooLong() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.heldTooLong
}

// maxInFlight returns the most requests the server was answering at once.
func (f *fakeLog) maxInFlight() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.maxSeen
}

// newFakeLogServer serves f under basePath and returns the server and a
// client for it with no retries.
func newFakeLogServer(t *testing.T, f *fakeLog) (*apiServer, *Client) {
	t.Helper()
	srv := newAPIServer(t, f.serve)
	c, _ := newTestClient(t, srv.URL+basePath, WithRetries(0))
	return srv, c
}

// pagerOptions are what to fetch and how, in one struct for table tests.
type pagerOptions struct {
	PerPage, Page, Limit, Last int
	Concurrency                int
	Pool                       *Pool
	Order                      int
	Progress                   func(done, total int)
}

// split returns the options as Entries takes them.
func (o pagerOptions) split() (EntriesOptions, []FetchOption) {
	how := []FetchOption{WithConcurrency(o.Concurrency)}
	if o.Pool != nil {
		how = append(how, WithPool(o.Pool, o.Order))
	}
	if o.Progress != nil {
		how = append(how, WithPageDone(o.Progress))
	}
	return EntriesOptions{PerPage: o.PerPage, Page: o.Page, Limit: o.Limit, Last: o.Last}, how
}

// entriesOf ranges over Entries with opts and returns its error.
func entriesOf(c *Client, opts pagerOptions) error {
	what, how := opts.split()
	for _, err := range c.Entries(context.Background(), "s1", what, how...) {
		if err != nil {
			return err
		}
	}
	return nil
}

// collected is what an Entries loop received.
type collected struct {
	positions []int
	err       error
}

// collect ranges over Entries and gathers the positions it yields,
// checking that each entry is the one at its position.
func collect(t *testing.T, c *Client, opts pagerOptions) collected {
	t.Helper()
	var got collected
	what, how := opts.split()
	for e, err := range c.Entries(context.Background(), "s1", what, how...) {
		if err != nil {
			if got.err != nil {
				t.Errorf("a second error after %v: %v", got.err, err)
			}
			got.err = err
			continue
		}
		if got.err != nil {
			t.Errorf("position %d delivered after the error %v", e.Position, got.err)
		}
		if e.Text != entryText(e.Position) {
			t.Errorf("position %d holds %q", e.Position, e.Text)
		}
		got.positions = append(got.positions, e.Position)
	}
	return got
}

// positions returns the positions from..to.
func positions(from, to int) []int {
	var out []int
	for p := from; p <= to; p++ {
		out = append(out, p)
	}
	return out
}

// queries returns the queries of the requests srv received, by page number.
func queries(srv *apiServer) []string {
	var out []string
	for _, r := range srv.requests() {
		out = append(out, r.Query)
	}
	page := func(q string) int {
		v, _ := url.ParseQuery(q)
		n, _ := strconv.Atoi(v.Get("page"))
		return n
	}
	slices.SortStableFunc(out, func(a, b string) int { return page(a) - page(b) })
	return out
}

// queued returns how many requests wait for a slot of p.
func (p *Pool) queued() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.waiting.Len()
}
