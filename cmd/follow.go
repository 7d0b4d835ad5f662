package cmd

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// Follow tuning.
const (
	// maxFollowInterval caps the polling interval after rate limiting, and
	// the wait between reconnection attempts.
	maxFollowInterval = time.Minute
	// endGracePolls is how many polls follow waits, after ENDED or
	// CANCELLED, for the SESSION_PERIOD the API records with them.
	endGracePolls = 3
	// defaultReconnectFor is how long follow keeps trying to reach the API
	// after it lost it (--reconnect-for).
	defaultReconnectFor = 5 * time.Minute
)

// follower prints a session's timeline and then each new entry as it is
// logged, polling only the page that holds the next entry, once per wait.
type follower struct {
	c        *client.Client
	id       string
	perPage  int
	interval time.Duration
	filter   map[client.ActionType]bool
	gaps     bool
	w        output.Writer
	errOut   func(string)
	// reconnectFor bounds how long connection errors and 5xx replies are
	// retried while following; 0 ends the follow at the first one.
	reconnectFor time.Duration
	// sleep waits d, reporting false when ctx ended first; now is the clock.
	sleep func(ctx context.Context, d time.Duration) bool
	now   func() time.Time

	seen        int  // position of the last entry fetched
	pageSizeSet bool // perPage is the one the server pages by
	clock       timeline.Clock
	ended       bool // an ENDED or CANCELLED entry was seen
	period      bool // and a SESSION_PERIOD after it
	graceLeft   int
	lostAt      time.Time // when the API was lost; zero while it answers
}

// run prints the first part (the whole timeline, or its last entries) and
// then polls, one request per wait, until the session has ended or ctx is
// done.
func (f *follower) run(ctx context.Context, last int) error {
	if err := f.printStart(ctx, last); err != nil {
		return err
	}
	f.graceLeft = endGracePolls
	interval := f.interval
	for !f.done() {
		if !f.sleep(ctx, interval) {
			return ctx.Err()
		}
		err := f.poll(ctx)
		var apiErr *client.Error
		switch {
		case errors.As(err, &apiErr) && apiErr.Kind == client.KindRateLimited:
			interval = rateLimitedInterval(interval, apiErr.RetryAfter)
			f.errOut(fmt.Sprintf("rate limited; polling every %s", interval))
			continue
		case err != nil:
			if interval, err = f.reconnectWait(ctx, interval, err); err != nil {
				return err
			}
			continue
		}
		if !f.lostAt.IsZero() {
			f.errOut(fmt.Sprintf("connection to the API is back after %s", f.now().Sub(f.lostAt).Round(100*time.Millisecond)))
			f.lostAt = time.Time{}
		}
		interval = f.interval
		if f.ended && !f.period {
			f.graceLeft--
		}
	}
	return nil
}

// reconnectWait decides what follows a failed poll. A connection error or
// a 5xx reply is retried, waiting twice as long each time (from the
// interval, up to maxFollowInterval), until reconnectFor has passed since
// the API was lost; the loss is announced once. It returns the wait before
// the next poll, or the error that ends the follow.
func (f *follower) reconnectWait(ctx context.Context, last time.Duration, err error) (time.Duration, error) {
	var apiErr *client.Error
	if ctx.Err() != nil || !errors.As(err, &apiErr) || f.reconnectFor <= 0 ||
		(apiErr.Kind != client.KindNetwork && apiErr.Kind != client.KindServer) {
		return 0, err
	}
	now := f.now()
	if f.lostAt.IsZero() {
		f.lostAt = now
		reason := apiErr.Explanation
		if apiErr.StatusCode != 0 {
			reason += fmt.Sprintf(" (HTTP %d)", apiErr.StatusCode)
		}
		f.errOut(fmt.Sprintf("connection to the API lost (%s); retrying for up to %s", reason, f.reconnectFor))
		return min(f.interval, f.reconnectFor), nil
	}
	left := f.reconnectFor - now.Sub(f.lostAt)
	if left <= 0 {
		return 0, err
	}
	return min(2*last, maxFollowInterval, left), nil
}

// rateLimitedInterval is the polling interval after a 429: double the last
// one, up to maxFollowInterval, and never sooner than the server asked.
func rateLimitedInterval(last, retryAfter time.Duration) time.Duration {
	return max(min(2*last, maxFollowInterval), retryAfter)
}

// printStart prints the timeline, or its last entries. The session's state
// needs its last two entries (ENDED or CANCELLED, then SESSION_PERIOD), so
// for --last 1 two are fetched and the earlier one is only noted.
func (f *follower) printStart(ctx context.Context, last int) error {
	fetch := last
	if last == 1 {
		fetch = 2
	}
	type entry struct {
		position int
		e        client.LogEntry
	}
	var held []entry
	opts := client.PagerOptions{PerPage: f.perPage, Last: fetch, Concurrency: 1}
	err := f.c.Timeline(ctx, f.id, opts, func(position int, e client.LogEntry) error {
		if fetch != last {
			held = append(held, entry{position, e})
			return nil
		}
		return f.emit(position, e, true)
	})
	if err != nil {
		return err
	}
	for i, h := range held {
		if err := f.emit(h.position, h.e, i >= len(held)-last); err != nil {
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

// poll fetches the page holding the next entry and prints what is new on
// it. The reply must page by the per_page asked, as the pager demands of
// every page after the first; only the first poll may learn the server's
// own page size (a server that caps per_page), and prints nothing then.
func (f *follower) poll(ctx context.Context) error {
	page := f.seen/f.perPage + 1
	p, err := f.c.ListLogs(ctx, f.id, client.ListOptions{Page: page, PerPage: f.perPage})
	if err != nil {
		return err
	}
	if p.PerPage != f.perPage {
		if f.pageSizeSet || p.PerPage < 1 {
			return &client.Error{Kind: client.KindInvalidResponse, StatusCode: http.StatusOK,
				Explanation: fmt.Sprintf("invalid reply from the server: asked for per_page %d but the server paged by %d", f.perPage, p.PerPage)}
		}
		f.perPage, f.pageSizeSet = p.PerPage, true
		return nil
	}
	f.pageSizeSet = true
	offset := (page - 1) * f.perPage
	for i, e := range p.Entries {
		if pos := offset + i + 1; pos > f.seen {
			if err := f.emit(pos, e, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// emit notes the entry and, when show, prints it if it passes the filter.
func (f *follower) emit(position int, e client.LogEntry, show bool) error {
	f.seen = position
	switch e.ActionType {
	case client.ActionEnded, client.ActionCancelled:
		f.ended = true
	case client.ActionSessionPeriod:
		f.period = f.period || f.ended
	}
	var gap timeline.Gap
	if f.gaps {
		gap = f.clock.Next(e.Date)
	}
	if !show || len(f.filter) > 0 && !f.filter[e.ActionType] {
		return nil
	}
	return f.w.Write(output.Record{SessionID: f.id, Position: position, Entry: e, Gap: gap})
}

// runFollow is `list ID --follow`: the timeline, then every new entry as it
// is logged, until the session ends (exit 0) or the run is interrupted.
func runFollow(ctx context.Context, opts *ListOptions, settings *Settings, c *client.Client, filter map[client.ActionType]bool) error {
	w, err := opts.Output.streamWriter(opts.IO, opts.Gaps)
	if err != nil {
		return err
	}
	f := &follower{
		c: c, id: opts.SessionIDs[0], perPage: settings.PerPage, interval: opts.Interval,
		filter: filter, gaps: opts.Gaps, w: w,
		errOut:       opts.IO.Notice,
		reconnectFor: opts.ReconnectFor, sleep: sleepCtx, now: opts.Now,
	}
	runErr := f.run(ctx, opts.Last)
	if err := w.Close(); err != nil {
		return err
	}
	if runErr != nil {
		return &sessionError{id: f.id, err: runErr}
	}
	opts.IO.Notice(fmt.Sprintf("session %q has ended", f.id))
	return nil
}

// checkFollow refuses --follow with what it cannot honour.
func checkFollow(opts *ListOptions) error {
	switch {
	case !opts.Follow:
		return nil
	case len(opts.SessionIDs) != 1:
		return usageErrorf("--follow takes exactly one session id")
	case opts.Page > 0 || opts.Limit > 0:
		return usageErrorf("--follow cannot be combined with --page or --limit")
	case opts.Interval <= 0:
		return usageErrorf("--interval must be positive")
	case opts.ReconnectFor < 0:
		return usageErrorf("--reconnect-for must not be negative")
	}
	return nil
}
