package cmd

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// SummaryOptions are the inputs of `sessionlog summary`.
type SummaryOptions struct {
	IO       *IOStreams
	Client   func(context.Context) (*client.Client, error)
	Settings func() (*Settings, error)
	Now      func() time.Time

	SessionIDs []string
	Chart      bool
	Output     outputFlags
}

func newSummaryCmd(f *Factory, runF func(context.Context, *SummaryOptions) error) *cobra.Command {
	opts := &SummaryOptions{IO: f.IOStreams, Client: f.Client, Settings: f.Settings, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "summary SESSION_ID...",
		Short: "Summarise sessions: status, entries, time the customer was away",
		Long: `Print one row per session, in the order given: its status (in progress,
ended, cancelled, cancel requested), how many entries it has, the time of
the first and the last, the DURATION from first to last, how many times the
customer left temporarily and the total time away (from TEMPORARILY_LEFT to
the next ENTERED, LEFT, ENDED or CANCELLED).

A session that could not be read keeps its row, with its failure as status
("not found"; in json, csv and yaml the error kind and the "error" object),
and the last line on stderr names the failed sessions.

The API gives times of day only (2:30 PM, 2:30 م, 14:30), in the server's
clock, without a date. Durations are computed from them, crossing midnight
where a time goes backwards. A time that cannot be read makes the durations
that depend on it unknown ("?", or null in JSON); they are never guessed.

On a terminal too narrow for the table, FIRST, ENTRIES and LAST are left
out, in that order, before any other cell is cut, and a note on stderr
says so; --wide shows every column.

--chart draws each session as a bar instead, from its first entry to its
last: present, away, gone (after LEFT), ended, and unknown where a time
cannot be read. Sessions that overlap in time share one time axis. -o html
writes one self-contained page for a ticket: per session its figures, the
chart and the timeline.`,
		Example: `  sessionlog summary 48213 48214 48215
  sessionlog summary 48213 48214 --chart
  sessionlog summary 48213 48214 -o html > sessions.html
  sessionlog summary 48213 -o json --jq '.[] | select(.still_away) | .session_id'`,
		Args:              requireArgs(1, "a session id"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              outputRunE(f, &opts.Output, opts, func(args []string) { opts.SessionIDs = args }, runF, runSummary),
	}
	addPagingFlags(cmd.Flags())
	addChartFlag(cmd, &opts.Chart, &opts.Output)
	opts.Output.register(cmd)
	return cmd
}

func runSummary(ctx context.Context, opts *SummaryOptions) error {
	ids, err := parseSessionIDs(opts.SessionIDs)
	if err != nil {
		return err
	}
	opts.SessionIDs = ids
	if err := checkChart(opts.Chart, &opts.Output); err != nil {
		return err
	}
	settings, c, err := sessionsClient(ctx, opts.Settings, opts.Client)
	if err != nil {
		return err
	}
	if wantsReport(opts.Chart, &opts.Output) {
		r := sessionsReport{ios: opts.IO, out: &opts.Output, chart: opts.Chart, now: opts.Now}
		return r.run(ctx, c, opts.SessionIDs, settings)
	}
	w, err := opts.Output.summaryWriter(opts.IO)
	if err != nil {
		return err
	}
	failures := sessionFailures{ios: opts.IO, total: len(opts.SessionIDs)}
	req := timelineRequest{PerPage: settings.PerPage}
	for s := range fetchTimelines(ctx, c, opts.SessionIDs, req, settings.Concurrency) {
		sum := timeline.NewSummarizer(s.id)
		for rec := range s.records {
			sum.Add(rec.Entry)
		}
		if s.err != nil {
			if ctx.Err() != nil {
				// Complete the document, as list does, so that an interrupted
				// run leaves well-formed output of what it printed.
				if err := w.Close(); err != nil {
					return err
				}
				return ctx.Err()
			}
			// The session keeps its row, which shows the failure.
			info := failures.add(s.id, s.err)
			if err := w.Write(output.SummaryRow{Summary: timeline.Summary{SessionID: s.id}, Error: &info}); err != nil {
				return err
			}
			continue
		}
		if err := w.Write(output.SummaryRow{Summary: sum.Summary()}); err != nil {
			return err
		}
	}
	closeErr := w.Close()
	noteLeftOutColumns(opts.IO, w)
	return failures.end(closeErr, "")
}

// noteLeftOutColumns says once on stderr, after the table, which columns
// the table left out to fit the terminal, and how to see them. Piped output
// has no width to fit, so it never leaves any out.
func noteLeftOutColumns(ios *IOStreams, w output.SummaryWriter) {
	if names := output.LeftOutColumns(w); len(names) > 0 {
		ios.FinalNotice(andList(names) + " left out to fit; --wide shows all")
	}
}
