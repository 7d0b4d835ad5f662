package cmd

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// Follow tuning.
const (
	// maxFollowInterval caps the polling interval after rate limiting.
	maxFollowInterval = time.Minute
	// endGracePolls is how many polls follow waits, after ENDED or
	// CANCELLED, for the SESSION_PERIOD the API records with them.
	endGracePolls = 3
)

// follower prints a session's timeline and then each new entry as it is
// logged, polling only the page that holds the next entry.
type follower struct {
	c        *client.Client
	id       string
	perPage  int
	interval time.Duration
	filter   map[client.ActionType]bool
	gaps     bool
	w        output.Writer
	errOut   func(string)

	seen      int // position of the last entry fetched
	clock     timeline.Clock
	ended     bool // an ENDED or CANCELLED entry was seen
	period    bool // and a SESSION_PERIOD after it
	graceLeft int
}

// run prints the first part (the whole timeline, or its last entries) and
// then polls until the session has ended or ctx is done.
func (f *follower) run(ctx context.Context, last int) error {
	if err := f.printStart(ctx, last); err != nil {
		return err
	}
	f.graceLeft = endGracePolls
	interval := f.interval
	for !f.done() {
		if !sleepCtx(ctx, interval) {
			return ctx.Err()
		}
		err := f.catchUp(ctx)
		var apiErr *client.Error
		switch {
		case errors.As(err, &apiErr) && apiErr.Kind == client.KindRateLimited:
			interval = rateLimitedInterval(interval, apiErr.RetryAfter)
			f.errOut(fmt.Sprintf("rate limited; polling every %s", interval))
			continue
		case err != nil:
			return err
		}
		interval = f.interval
		if f.ended && !f.period {
			f.graceLeft--
		}
	}
	return nil
}

// rateLimitedInterval is the polling interval after a 429: double the last
// one, up to maxFollowInterval, and never sooner than the server asked.
func rateLimitedInterval(last, retryAfter time.Duration) time.Duration {
	return max(min(2*last, maxFollowInterval), retryAfter)
}

// catchUp polls until it has printed every entry logged so far.
func (f *follower) catchUp(ctx context.Context) error {
	for more := true; more; {
		var err error
		if more, err = f.poll(ctx); err != nil {
			return err
		}
	}
	return nil
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
// it; more reports that the page was full and later pages exist.
func (f *follower) poll(ctx context.Context) (more bool, err error) {
	page := f.seen/f.perPage + 1
	p, err := f.c.ListLogs(ctx, f.id, client.ListOptions{Page: page, PerPage: f.perPage})
	if err != nil {
		return false, err
	}
	if p.PerPage > 0 && p.PerPage != f.perPage {
		// The server pages by another size: ask again by its own.
		f.perPage = p.PerPage
		return true, nil
	}
	offset := (page - 1) * f.perPage
	for i, e := range p.Entries {
		if pos := offset + i + 1; pos > f.seen {
			if err := f.emit(pos, e, true); err != nil {
				return false, err
			}
		}
	}
	return len(p.Entries) == f.perPage && page < p.LastPage, nil
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
		errOut: func(msg string) { fmt.Fprintln(opts.IO.ErrOut, msg) },
	}
	runErr := f.run(ctx, opts.Last)
	if err := w.Close(); err != nil {
		return err
	}
	if runErr != nil {
		return &sessionError{id: f.id, err: runErr}
	}
	fmt.Fprintf(opts.IO.ErrOut, "session %q has ended\n", f.id)
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
	}
	return nil
}
