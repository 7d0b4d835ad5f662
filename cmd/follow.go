package cmd

import (
	"context"
	"fmt"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// defaultReconnectFor is how long follow keeps trying to reach the API
// after it lost it (--reconnect-for).
const defaultReconnectFor = 5 * time.Minute

// runFollow is `list ID --follow`: the timeline, then every new entry as it
// is logged, until the session ends (exit 0) or the run is interrupted.
func runFollow(ctx context.Context, opts *ListOptions, settings *Settings, c *client.Client, filter map[client.ActionType]bool) error {
	w, err := opts.Output.streamWriter(opts.IO, opts.Gaps)
	if err != nil {
		return err
	}
	id := opts.SessionIDs[0]
	runErr := printFollow(ctx, c, id, followOptions(opts, settings), filter, w)
	if err := w.Close(); err != nil {
		return err
	}
	if runErr != nil {
		return &sessionError{id: id, err: runErr}
	}
	opts.IO.Notice(fmt.Sprintf("session %q has ended", id))
	return nil
}

// followOptions are the client's follow options for the flags, with the
// notices written to stderr.
func followOptions(opts *ListOptions, settings *Settings) client.FollowOptions {
	ios := opts.IO
	return client.FollowOptions{
		PerPage: settings.PerPage, Last: opts.Last, Interval: opts.Interval, ReconnectFor: opts.ReconnectFor,
		OnLost: func(err *client.Error, retryFor time.Duration) {
			ios.Notice(lostNotice(err, retryFor))
		},
		OnBack: func(lostFor time.Duration) {
			ios.Notice(fmt.Sprintf("connection to the API is back after %s", lostFor.Round(100*time.Millisecond)))
		},
		OnRateLimited: func(interval time.Duration) {
			ios.Notice(fmt.Sprintf("rate limited; polling every %s", interval))
		},
	}
}

// lostNotice announces that follow lost the API and keeps trying.
func lostNotice(err *client.Error, retryFor time.Duration) string {
	reason := apiExplanation(err)
	if err.StatusCode != 0 {
		reason += fmt.Sprintf(" (HTTP %d)", err.StatusCode)
	}
	return fmt.Sprintf("connection to the API lost (%s); retrying for up to %s", reason, retryFor)
}

// printFollow writes each entry Follow delivers that passes the filter,
// with its gap to the entry before it (which the table shows with --gaps,
// and as "(next day)" where midnight has passed, always). For --last 1 it
// asks for the last two entries and prints only the later one once the
// start is in, so that its gap is measured from the entry before it.
func printFollow(ctx context.Context, c *client.Client, id string, opts client.FollowOptions, filter map[client.ActionType]bool, w output.Writer) error {
	var clock timeline.ShownClock
	var held *output.Record // the latest start entry, while --last 1 holds it
	holding := opts.Last == 1
	shown := func(e client.LogEntry) bool { return len(filter) == 0 || filter[e.ActionType] }
	write := func(rec output.Record) error {
		if !shown(rec.Entry) {
			return nil
		}
		return w.Write(rec)
	}
	var writeErr error
	if holding {
		opts.Last = 2
		opts.OnCaughtUp = func() {
			holding = false
			if held != nil {
				writeErr = write(*held)
			}
		}
	}
	for e, err := range c.Follow(ctx, id, opts) {
		if err != nil {
			return err
		}
		if writeErr != nil {
			return writeErr
		}
		rec := output.Record{SessionID: id, Position: e.Position, Entry: e.LogEntry, Gap: clock.Next(e.Date, shown(e.LogEntry))}
		if holding {
			held = &rec
			continue
		}
		if err := write(rec); err != nil {
			return err
		}
	}
	return writeErr
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
