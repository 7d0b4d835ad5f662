// The presence chart (--chart) and the HTML report (-o html) of list and
// summary: both need each session's whole timeline before they draw.

package cmd

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// sessionsReport is one run of list or summary that draws whole sessions.
type sessionsReport struct {
	ios   *IOStreams
	out   *outputFlags
	chart bool
	now   func() time.Time
	// gaps adds the time since the previous entry to the report's tables.
	gaps bool
	// table, for list --chart, is the writer of the timeline table that
	// precedes the chart; nil for none.
	table func(ios *IOStreams) (output.Writer, error)
}

// wantsReport reports whether the flags ask for the chart or the report.
func wantsReport(chart bool, out *outputFlags) bool {
	return chart || out.format == output.FormatHTML
}

// addChartFlag adds --chart and lets the command make -o html; call it
// before registering the output flags.
func addChartFlag(cmd *cobra.Command, chart *bool, out *outputFlags) {
	cmd.Flags().BoolVar(chart, "chart", false, "draw each session's presence as a bar: present, away, gone, ended")
	out.html = true
}

// checkChart refuses --chart with an output that is not the terminal table.
func checkChart(chart bool, out *outputFlags) error {
	if chart && out.format != output.FormatTable {
		return usageErrorf("--chart draws on the terminal, with -o table; -o html has the chart already")
	}
	return nil
}

// run fetches each session's whole timeline and writes them as the chart
// or the HTML page. Failed sessions are reported and left out; nothing is
// drawn when none is left, or when the run is interrupted.
func (r sessionsReport) run(ctx context.Context, c *client.Client, ids []string, settings *Settings) error {
	out := bufio.NewWriter(r.ios.Out)
	ios := *r.ios
	ios.Out = out
	var table output.Writer
	if r.table != nil {
		var err error
		if table, err = r.table(&ios); err != nil {
			return err
		}
	}
	bar := newProgress(r.ios, "pages", r.now)
	defer bar.Clear()
	req := timelineRequest{PerPage: settings.PerPage, Gaps: r.gaps, Progress: newPageProgress(bar)}
	failures := sessionFailures{ios: r.ios, total: len(ids)}
	var sessions []output.Session
	for s := range fetchTimelines(ctx, c, ids, req, settings.Concurrency) {
		b := output.NewSessionBuilder(s.id, r.out.format == output.FormatHTML)
		for rec := range s.records {
			b.Add(rec)
			if table != nil {
				if err := table.Write(rec); err != nil {
					return err
				}
			}
		}
		if s.err != nil {
			bar.Clear()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failures.add(s.id, s.err)
			continue
		}
		sessions = append(sessions, b.Session())
	}
	bar.Clear()
	return failures.end(r.write(out, table, sessions), "no log entries yet")
}

// write writes the table, if any, and the chart or the page.
func (r sessionsReport) write(out *bufio.Writer, table output.Writer, sessions []output.Session) error {
	if table != nil {
		if err := table.Close(); err != nil {
			return err
		}
		if len(sessions) > 0 {
			_ = out.WriteByte('\n') // an error shows again at the flush
		}
	}
	if len(sessions) > 0 {
		var err error
		if r.chart {
			err = output.WriteChart(out, sessions, output.ChartOptions{Width: terminalWidth(r.ios), Color: r.out.color})
		} else {
			err = output.WriteHTML(out, sessions, output.HTMLOptions{Made: r.now(), Gaps: r.gaps})
		}
		if err != nil {
			return err
		}
	}
	return flushOutput(out)
}

// terminalWidth is the width of the terminal standard output is, else of
// $COLUMNS when the terminal cannot say; piped output gets the chart's
// default width.
func terminalWidth(ios *IOStreams) int {
	if !ios.IsStdoutTTY() {
		return output.DefaultChartWidth
	}
	if f, ok := ios.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return output.DefaultChartWidth
}

// checkListReport refuses, for list --chart and -o html, the options that
// show part of a timeline.
func checkListReport(opts *ListOptions, report bool) error {
	if err := checkChart(opts.Chart, &opts.Output); err != nil || !report {
		return err
	}
	what := "-o html"
	if opts.Chart {
		what = "--chart"
	}
	switch {
	case opts.Follow:
		return usageErrorf("%s cannot be combined with --follow", what)
	case opts.Page > 0 || opts.Limit > 0 || opts.Last > 0 || len(opts.Actions) > 0:
		return usageErrorf("%s draws whole timelines: it cannot be combined with --page, --limit, --last or --action", what)
	}
	return nil
}

// listReport is the chart or the page of a list run; the chart follows the
// timeline table.
func listReport(opts *ListOptions) sessionsReport {
	r := sessionsReport{ios: opts.IO, out: &opts.Output, chart: opts.Chart, now: opts.Now, gaps: opts.Gaps}
	if opts.Chart {
		r.table = func(ios *IOStreams) (output.Writer, error) {
			return opts.Output.writer(ios, len(opts.SessionIDs) > 1, opts.Gaps)
		}
	}
	return r
}
