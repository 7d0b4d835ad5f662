package cmd

import (
	"context"
	"iter"
	"sync"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// timelineRequest says which part of a session's timeline to fetch.
type timelineRequest struct {
	PerPage int
	Page    int // 0: follow every page
	Limit   int // 0: no limit; counts the entries shown, after Filter
	Last    int // 0: from the start; else only the most recent Last entries
	Filter  map[client.ActionType]bool
	// Gaps asks for each record's time since the previous entry of the
	// timeline, whether or not that entry passes the filter. Every record
	// says whether midnight passed since the previous record, Gaps or not.
	Gaps bool
	// Progress, when not nil, is told of every page fetched.
	Progress *pageProgress
}

// entriesOptions returns what to fetch, and how, for the session printed at
// place order. The client applies Limit itself only without a filter; with
// one, the stream stops once Limit entries have passed the filter.
func (req timelineRequest) entriesOptions(pool *client.Pool, order int) (client.EntriesOptions, []client.FetchOption) {
	opts := client.EntriesOptions{PerPage: req.PerPage, Page: req.Page, Last: req.Last}
	if len(req.Filter) == 0 {
		opts.Limit = req.Limit
	}
	how := []client.FetchOption{client.WithPool(pool, order)}
	if req.Progress != nil {
		how = append(how, client.WithPageDone(func(done, total int) { req.Progress.set(order, done, total) }))
	}
	return opts, how
}

// pageProgress sums the pages fetched by the sessions of one listing into
// one progress line, drawn once there is more than one page to fetch.
type pageProgress struct {
	mu    sync.Mutex
	bar   *progress
	pages map[int][2]int // done and total pages, by session order
}

func newPageProgress(bar *progress) *pageProgress {
	return &pageProgress{bar: bar, pages: map[int][2]int{}}
}

// set records that session order has fetched done of its total pages.
func (p *pageProgress) set(order, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages[order] = [2]int{done, total}
	var sumDone, sumTotal int
	for _, dt := range p.pages {
		sumDone += dt[0]
		sumTotal += dt[1]
	}
	if sumTotal > 1 {
		p.bar.Update(sumDone, sumTotal)
	}
}

// streamBuffer is how many records a session may hold, fetched but not
// yet printed, while an earlier session is printed.
const streamBuffer = 256

// timelineStream carries one session's records, in timeline order, from
// the goroutine that fetches them to the printer.
type timelineStream struct {
	id      string
	records chan output.Record // closed once the session is done
	err     error              // what stopped the session early; read once records is closed
	// lastPosition is the position of the last entry the session will
	// send, 0 when unknown; read once a record has been received.
	lastPosition int
}

// fetchTimelines yields the sessions' streams in the order of ids; the
// consumer must drain each stream's records before taking the next.
//
// All sessions share one pool of concurrency requests, the earliest
// session's requests first, so the session being printed streams at full
// speed. While it is printed, the next concurrency-1 sessions are fetched
// ahead, each holding at most streamBuffer records plus the pager's pages
// ahead; later sessions start only as earlier ones are done. Memory is
// thus bounded whatever the sessions' length and number.
func fetchTimelines(ctx context.Context, c *client.Client, ids []string, req timelineRequest, concurrency int) iter.Seq[*timelineStream] {
	return func(yield func(*timelineStream) bool) {
		var wg sync.WaitGroup
		defer wg.Wait()
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		pool := client.NewPool(concurrency)
		streams := make([]*timelineStream, len(ids))
		started := 0
		for i := range ids {
			for ; started < len(ids) && started < i+max(concurrency, 1); started++ {
				s := &timelineStream{id: ids[started], records: make(chan output.Record, streamBuffer)}
				streams[started] = s
				opts, how := req.entriesOptions(pool, started)
				how = append(how, client.WithLastPosition(func(last int) { s.lastPosition = last }))
				wg.Go(func() { s.fetch(ctx, c, opts, how, req) })
			}
			if !yield(streams[i]) {
				return
			}
		}
	}
}

// fetch sends the session's records that pass the filter to s.records, up
// to the limit, then records why it stopped, if early, and closes records.
func (s *timelineStream) fetch(ctx context.Context, c *client.Client, opts client.EntriesOptions, how []client.FetchOption, req timelineRequest) {
	defer close(s.records)
	shown := 0
	var clock timeline.ShownClock
	for e, err := range c.Entries(ctx, s.id, opts, how...) {
		if err != nil {
			s.err = err
			return
		}
		shownEntry := len(req.Filter) == 0 || req.Filter[e.ActionType]
		gap := clock.Next(e.Date, shownEntry)
		if !shownEntry {
			continue
		}
		select {
		case s.records <- output.Record{SessionID: s.id, Position: e.Position, Entry: e.LogEntry, Gap: gap}:
		case <-ctx.Done():
			s.err = ctx.Err()
			return
		}
		shown++
		if req.Limit > 0 && shown == req.Limit {
			return
		}
	}
}
