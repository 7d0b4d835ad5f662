package client

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// Follow defaults and bounds.
const (
	// DefaultFollowInterval is how often Follow polls when
	// FollowOptions.Interval is 0.
	DefaultFollowInterval = 2 * time.Second
	// MaxFollowInterval caps Follow's polling interval after rate limiting,
	// and its wait between reconnection attempts.
	MaxFollowInterval = time.Minute
	// endGracePolls is how many polls Follow waits, after ENDED or
	// CANCELLED, for the SESSION_PERIOD the API records with them.
	endGracePolls = 3
	// defaultFollowPerPage is the page size Follow polls by when
	// FollowOptions.PerPage is 0: the API's own default.
	defaultFollowPerPage = 30
)

// FollowOptions selects what Follow delivers and how it polls.
type FollowOptions struct {
	// PerPage is the page size to poll by (0: 30, the API's default). A
	// server that pages by another size is followed once, on the first
	// poll; a later change fails with KindInvalidResponse.
	PerPage int
	// Last, when > 0, starts with the most recent Last entries instead of
	// the whole timeline.
	Last int
	// Interval is the wait between polls (0: DefaultFollowInterval).
	Interval time.Duration
	// ReconnectFor bounds how long connection failures and 5xx replies are
	// retried, waiting twice as long each time (from Interval, up to
	// MaxFollowInterval); 0 ends the follow at the first one.
	ReconnectFor time.Duration

	// OnLost, when not nil, is told once when the API is lost: the error,
	// and how long Follow keeps trying to reach it again.
	OnLost func(err *Error, retryFor time.Duration)
	// OnBack, when not nil, is told when the API answers again, with how
	// long it was lost.
	OnBack func(lostFor time.Duration)
	// OnRateLimited, when not nil, is told of each 429 reply, with the
	// polling interval Follow uses from then on.
	OnRateLimited func(interval time.Duration)
	// OnCaughtUp, when not nil, is called once the start (the timeline or
	// its last entries) has been delivered, before the first poll.
	OnCaughtUp func()
}

// Follow returns an iterator over a session's timeline (or its last
// entries) and then over each new entry as it is logged, polling the page
// that holds the next entry once per interval. The iteration ends when the
// session has ended: ENDED or CANCELLED followed by its SESSION_PERIOD, or
// no SESSION_PERIOD within three polls. Breaking out of the loop stops it.
//
// The start is fetched as Entries fetches it, with its consistency checks;
// every poll must page by the same per_page and report a consistent
// last_page. A 429 reply slows the polling (twice the interval, up to
// MaxFollowInterval, never sooner than its Retry-After); a connection
// failure or a 5xx reply is retried for up to ReconnectFor. Any other
// failure, or the context ending, is yielded once as an error and ends the
// iteration.
func (c *Client) Follow(ctx context.Context, sessionID string, opts FollowOptions) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		f := &follower{c: c, id: sessionID, opts: opts, yield: yield}
		if err := f.run(ctx); err != nil && !errors.Is(err, errStop) {
			yield(Entry{}, err)
		}
	}
}

// follower is the state of one Follow iteration.
type follower struct {
	c     *Client
	id    string
	opts  FollowOptions
	yield func(Entry, error) bool

	perPage     int
	seen        int  // position of the last entry fetched
	pageSizeSet bool // perPage is the one the server pages by
	ended       bool // an ENDED or CANCELLED entry was seen
	period      bool // and a SESSION_PERIOD after it
	graceLeft   int
	lostAt      time.Time // when the API was lost; zero while it answers
}

// run delivers the start and then polls, one request per wait, until the
// session has ended.
func (f *follower) run(ctx context.Context) error {
	if err := checkCall(ctx, f.id); err != nil {
		return err
	}
	o := f.opts
	if o.PerPage < 0 || o.Last < 0 || o.Interval < 0 || o.ReconnectFor < 0 {
		return &Error{Kind: KindInvalidInput, Explanation: "per_page, last, interval and reconnect-for must not be negative"}
	}
	f.perPage = o.PerPage
	if f.perPage == 0 {
		f.perPage = defaultFollowPerPage
	}
	if o.Interval == 0 {
		f.opts.Interval = DefaultFollowInterval
	}
	if err := f.start(ctx); err != nil {
		return err
	}
	if f.opts.OnCaughtUp != nil {
		f.opts.OnCaughtUp()
	}
	f.graceLeft = endGracePolls
	interval := f.opts.Interval
	for !f.done() {
		if err := f.c.sleep(ctx, interval); err != nil {
			return cancelledError(ctx, http.MethodGet, err, false)
		}
		err := f.poll(ctx)
		var apiErr *Error
		switch {
		case errors.Is(err, errStop):
			return err
		case errors.As(err, &apiErr) && apiErr.Kind == KindRateLimited:
			interval = rateLimitedInterval(interval, apiErr.RetryAfter)
			if f.opts.OnRateLimited != nil {
				f.opts.OnRateLimited(interval)
			}
			continue
		case err != nil:
			if interval, err = f.reconnectWait(ctx, interval, err); err != nil {
				return err
			}
			continue
		}
		if !f.lostAt.IsZero() {
			if f.opts.OnBack != nil {
				f.opts.OnBack(f.c.now().Sub(f.lostAt))
			}
			f.lostAt = time.Time{}
		}
		interval = f.opts.Interval
		if f.ended && !f.period {
			f.graceLeft--
		}
	}
	return nil
}

// reconnectWait decides what follows a failed poll. A connection error or
// a 5xx reply is retried, waiting twice as long each time (from the
// interval, up to MaxFollowInterval), until ReconnectFor has passed since
// the API was lost; the loss is announced once. It returns the wait before
// the next poll, or the error that ends the follow.
func (f *follower) reconnectWait(ctx context.Context, last time.Duration, err error) (time.Duration, error) {
	var apiErr *Error
	if ctx.Err() != nil || !errors.As(err, &apiErr) || f.opts.ReconnectFor <= 0 ||
		(apiErr.Kind != KindNetwork && apiErr.Kind != KindServer) {
		return 0, err
	}
	now := f.c.now()
	if f.lostAt.IsZero() {
		f.lostAt = now
		if f.opts.OnLost != nil {
			f.opts.OnLost(apiErr, f.opts.ReconnectFor)
		}
		return min(f.opts.Interval, f.opts.ReconnectFor), nil
	}
	left := f.opts.ReconnectFor - now.Sub(f.lostAt)
	if left <= 0 {
		return 0, err
	}
	return min(2*last, MaxFollowInterval, left), nil
}

// rateLimitedInterval is the polling interval after a 429: double the last
// one, up to MaxFollowInterval, and never sooner than the server asked.
func rateLimitedInterval(last, retryAfter time.Duration) time.Duration {
	return max(min(2*last, MaxFollowInterval), retryAfter)
}

// start delivers the timeline, or its last entries. The session's state
// needs its last two entries (ENDED or CANCELLED, then SESSION_PERIOD), so
// for Last 1 two are fetched and the earlier one is only noted.
func (f *follower) start(ctx context.Context) error {
	last := f.opts.Last
	fetch := last
	if last == 1 {
		fetch = 2
	}
	var held []Entry
	opts := EntriesOptions{PerPage: f.opts.PerPage, Last: fetch}
	err := f.c.entries(ctx, f.id, opts, []FetchOption{WithConcurrency(1)}, func(e Entry) error {
		if fetch != last {
			held = append(held, e)
			return nil
		}
		return f.emit(e, true)
	})
	if err != nil {
		return err
	}
	for i, e := range held {
		if err := f.emit(e, i >= len(held)-last); err != nil {
			return err
		}
	}
	return nil
}

// done reports whether the session has ended: ENDED or CANCELLED followed
// by its SESSION_PERIOD, or no SESSION_PERIOD within the grace polls.
func (f *follower) done() bool {
	return f.ended && (f.period || f.graceLeft <= 0)
}

// poll fetches the page holding the next entry and delivers what is new on
// it. The reply must page by the per_page asked, as the pager demands of
// every page after the first, and report the last_page its total makes;
// only the first poll may learn the server's own page size (a server that
// caps per_page), and delivers nothing then.
func (f *follower) poll(ctx context.Context) error {
	page := f.seen/f.perPage + 1
	p, _, err := f.c.ListLogs(ctx, f.id, PageOptions{Page: page, PerPage: f.perPage})
	if err != nil {
		return err
	}
	if p.PerPage != f.perPage {
		if f.pageSizeSet || p.PerPage < 1 {
			return invalidReply(http.StatusOK, fmt.Sprintf("asked for per_page %d but the server paged by %d", f.perPage, p.PerPage))
		}
		f.perPage, f.pageSizeSet = p.PerPage, true
		return nil
	}
	f.pageSizeSet = true
	if problem := pageCountProblem(p); problem != "" {
		return invalidReply(http.StatusOK, fmt.Sprintf("page %d: %s", page, problem))
	}
	offset := (page - 1) * f.perPage
	for i, e := range p.Entries {
		if pos := offset + i + 1; pos > f.seen {
			if err := f.emit(Entry{Position: pos, LogEntry: e}, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// emit notes the entry and, when show, yields it.
func (f *follower) emit(e Entry, show bool) error {
	f.seen = e.Position
	switch e.ActionType {
	case ActionEnded, ActionCancelled:
		f.ended = true
	case ActionSessionPeriod:
		f.period = f.period || f.ended
	}
	if show && !f.yield(e, nil) {
		return errStop
	}
	return nil
}
