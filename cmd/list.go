package cmd

import (
	"bufio"
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// ListOptions are the inputs of `sessionlog list`.
type ListOptions struct {
	IO       *IOStreams
	Client   func(context.Context) (*client.Client, error)
	Settings func() (*Settings, error)
	Now      func() time.Time

	SessionIDs []string
	Page       int
	Limit      int
	Last       int
	Gaps       bool
	Chart      bool
	Follow     bool
	Interval   time.Duration
	// ReconnectFor bounds how long --follow retries a lost API.
	ReconnectFor time.Duration
	Actions      []string
	Output       outputFlags
}

func newListCmd(f *Factory, runF func(context.Context, *ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, Client: f.Client, Settings: f.Settings, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "list SESSION_ID...",
		Short: "Show the activity log of one or more sessions",
		Long: `Show the timeline of each session, oldest entry first, following every page.

Once the first page has told how many pages there are, the others are fetched
side by side, at most --concurrency requests at once, and entries are printed
in timeline order as soon as every earlier page is in: jsonl and csv output
starts after the first page and does not grow in memory with the log. The
timeline is the one the first page describes; entries recorded while it is
being fetched are not shown (run the command again to see them).

With several session ids the sessions share the --concurrency requests and
are printed in the order given, each streamed while the next ones are
fetched; a session that fails does not stop the others, and the exit code is
that of the first failure. The last lines on stderr name the sessions that
had no entries and those that failed ("1 of 3 sessions failed: 999 (not
found)").

The API gives each entry's time of day only ("2:30 PM"), in the server's
clock, without a date: where a time is earlier than the one before it,
midnight has passed, and the table starts that entry's DESCRIPTION with
"(next day)".
Every json, jsonl and yaml entry carries its "position" in the timeline.

--chart adds, under the table, each session's presence as a bar (see
summary --chart). -o html writes one self-contained page for a ticket: per
session the summary's figures, the chart and the timeline, the server's
text beside its English meaning; with --gaps the table has the gaps too.
Both need the whole timeline: they do not combine with --page, --limit,
--last, --action or --follow.`,
		Example: `  sessionlog list 48213
  sessionlog list 48213 --last 5
  sessionlog list 48213 48214 --action TEMPORARILY_LEFT,ENTERED
  sessionlog list 48213 -o csv > timeline.csv
  sessionlog list 48213 --chart
  sessionlog list 48213 -o html > 48213.html
  sessionlog list 48213 --jq '.[] | select(.action_type == "ENDED") | .date'`,
		Args:              requireArgs(1, "a session id"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              outputRunE(f, &opts.Output, opts, func(args []string) { opts.SessionIDs = args }, runF, runList),
	}
	fl := cmd.Flags()
	addPagingFlags(fl)
	decimalIntVar(fl, &opts.Page, "page", 0, "show only this page (no page-following)")
	decimalIntVar(fl, &opts.Limit, "limit", 0, "show at most this many entries, fetching no more pages than needed")
	decimalIntVar(fl, &opts.Last, "last", 0, "show only the most recent N entries, fetching only the pages that hold them")
	fl.BoolVarP(&opts.Follow, "follow", "f", false, "after the timeline, print each new entry as it is logged, until the session ends")
	fl.DurationVar(&opts.Interval, "interval", 2*time.Second, "with --follow, how often to poll for new entries")
	fl.DurationVar(&opts.ReconnectFor, "reconnect-for", defaultReconnectFor, "with --follow, how long to keep retrying after connection errors or 5xx replies (0: give up at once)")
	fl.BoolVar(&opts.Gaps, "gaps", false, "add the time since the previous entry (GAP column, gap_seconds field)")
	fl.StringSliceVar(&opts.Actions, "action", nil, "show only these action types (repeatable or comma-separated)")
	_ = cmd.RegisterFlagCompletionFunc("action", completeActionTypes)
	addChartFlag(cmd, &opts.Chart, &opts.Output)
	opts.Output.register(cmd)
	return cmd
}

func runList(ctx context.Context, opts *ListOptions) error {
	ids, err := parseSessionIDs(opts.SessionIDs)
	if err != nil {
		return err
	}
	opts.SessionIDs = ids
	filter, err := parseActionFilter(opts.Actions)
	if err != nil {
		return err
	}
	if opts.Page < 0 || opts.Limit < 0 {
		return usageErrorf("--page and --limit take a positive number")
	}
	if err := checkLast(opts); err != nil {
		return err
	}
	if err := checkFollow(opts); err != nil {
		return err
	}
	report := wantsReport(opts.Chart, &opts.Output)
	if err := checkListReport(opts, report); err != nil {
		return err
	}
	settings, c, err := sessionsClient(ctx, opts.Settings, opts.Client)
	if err != nil {
		return err
	}
	if report {
		return listReport(opts).run(ctx, c, opts.SessionIDs, settings)
	}
	if opts.Follow {
		return runFollow(ctx, opts, settings, c, filter)
	}
	out := bufio.NewWriter(opts.IO.Out)
	ios := *opts.IO
	ios.Out = out
	// The table's widths come from the first page's rows and the last
	// position to come; then it prints rows as pages arrive.
	w, err := opts.Output.tableStreamingWriter(&ios, len(opts.SessionIDs) > 1, opts.Gaps, settings.PerPage)
	if err != nil {
		return err
	}
	// finish completes the output document, so that even an interrupted
	// run leaves well-formed output of what it printed.
	finish := func() error {
		if err := w.Close(); err != nil {
			return err
		}
		return flushOutput(out)
	}
	req := timelineRequest{PerPage: settings.PerPage, Page: opts.Page, Limit: opts.Limit, Last: opts.Last, Filter: filter, Gaps: opts.Gaps}
	// The progress line shares the terminal only with output that goes
	// elsewhere (stdout redirected).
	bar := &progress{}
	if !opts.IO.IsStdoutTTY() {
		bar = newProgress(opts.IO, "pages", opts.Now)
		req.Progress = newPageProgress(bar)
	}
	defer bar.Clear()
	failures := sessionFailures{ios: opts.IO, total: len(opts.SessionIDs)}
	for s := range fetchTimelines(ctx, c, opts.SessionIDs, req, settings.Concurrency) {
		shown, err := copyRecords(w, out, s)
		if err != nil {
			return err
		}
		if err := flushOutput(out); err != nil {
			return err
		}
		if s.err != nil {
			bar.Clear()
			if ctx.Err() != nil {
				if err := finish(); err != nil {
					return err
				}
				return ctx.Err()
			}
			failures.add(s.id, s.err)
			continue
		}
		if shown == 0 && len(opts.SessionIDs) == 1 {
			bar.Clear()
			opts.IO.Notice(fmt.Sprintf("session %q: %s", s.id, emptyNotice(req)))
		} else if shown == 0 {
			failures.addEmpty(s.id) // named once, at the end
		}
	}
	bar.Clear()
	return failures.end(finish(), emptyNotice(req))
}

// checkLast refuses --last together with the options it cannot honour.
func checkLast(opts *ListOptions) error {
	switch {
	case opts.Last < 0:
		return usageErrorf("--last takes a positive number")
	case opts.Last == 0:
		return nil
	case opts.Page > 0:
		return usageErrorf("--last cannot be combined with --page")
	case opts.Limit > 0:
		return usageErrorf("--last cannot be combined with --limit")
	case len(opts.Actions) > 0:
		return usageErrorf("--last cannot be combined with --action (it counts entries of every type; filter its output instead)")
	}
	return nil
}

// copyRecords writes a session's records to w as they arrive and returns
// how many it wrote. Output is buffered in out, and flushed whenever the
// next record is not there yet, so that entries show as soon as their page
// is in without a write call per entry.
func copyRecords(w output.Writer, out *bufio.Writer, s *timelineStream) (int, error) {
	n := 0
	for {
		var rec output.Record
		var ok bool
		select {
		case rec, ok = <-s.records:
		default:
			if err := flushOutput(out); err != nil {
				return n, err
			}
			rec, ok = <-s.records
		}
		if !ok {
			return n, nil
		}
		if n == 0 {
			output.ExpectPositions(w, s.lastPosition) // set before the first record was sent
		}
		if err := w.Write(rec); err != nil {
			return n, err
		}
		n++
	}
}

// flushOutput writes what out holds to standard output.
func flushOutput(out *bufio.Writer) error {
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

func emptyNotice(req timelineRequest) string {
	switch {
	case len(req.Filter) > 0:
		return "no log entries of the chosen action types"
	case req.Page > 0:
		return fmt.Sprintf("no log entries on page %d", req.Page)
	default:
		return "no log entries yet"
	}
}
