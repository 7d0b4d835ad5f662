package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// runCreateRows runs a bulk injection (--from-file) or a dry run, printing
// one result per row.
func runCreateRows(ctx context.Context, opts *CreateOptions) error {
	rows, err := createRows(ctx, opts)
	if err != nil {
		return err
	}
	settings, err := opts.Settings()
	if err != nil {
		return err
	}
	plan := bulkPlan{Rows: rows, Concurrency: settings.Concurrency, Delay: opts.Delay, DryRun: opts.DryRun, PerPage: settings.PerPage}
	w, err := opts.Output.resultWriter(opts.IO)
	if err != nil {
		return err
	}
	var c *client.Client
	if opts.DryRun != dryRunClient {
		if c, err = opts.Client(ctx); err != nil {
			var config *ConfigError
			if opts.DryRun == dryRunServer && errors.As(err, &config) {
				return configErrorf("%w; --dry-run=client checks the rows without the server", err)
			}
			return err
		}
	}
	counts := map[output.ResultStatus]int{}
	done := 0
	var first, writeErr error
	bar := newProgress(opts.IO, "rows", opts.Now)
	plan.run(ctx, c, func(r bulkResult) {
		res := output.Result{Line: r.Row.Line, SessionID: r.Row.SessionID, Action: r.Row.Action, Status: r.Status, Entry: r.Entry, DryRun: opts.DryRun != dryRunOff}
		if r.Err != nil {
			info := describe(&sessionError{id: r.Row.SessionID, err: r.Err})
			res.Error = &info
			if first == nil {
				first = r.Err
			}
		}
		counts[res.Status]++
		done++
		bar.Update(done, len(rows))
		if writeErr == nil {
			writeErr = w.Write(res)
		}
	})
	bar.Clear()
	outputErr := w.Close()
	if writeErr != nil {
		outputErr = writeErr
	}
	opts.IO.Notice(resultCounts(counts, len(rows), opts.DryRun != dryRunOff))
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return firstFailure(opts.IO, first, outputErr)
}

// createRows reads the rows of --from-file, or makes them from the
// command line's session id and action types.
func createRows(ctx context.Context, opts *CreateOptions) ([]bulkRow, error) {
	read := bulkReadOptions{Format: strings.ToLower(opts.Format), NoValidate: opts.NoValidate}
	switch {
	case opts.Format != "" && opts.FromFile == "":
		return nil, usageErrorf("--format is the format of --from-file: give it with --from-file")
	case opts.Format != "" && !slices.Contains(bulkFormats, read.Format):
		return nil, usageErrorf("--format %q: the formats are jsonl and csv", opts.Format)
	}
	if opts.FromFile == "" {
		id, err := parseSessionID(opts.SessionID)
		if err != nil {
			return nil, err
		}
		opts.SessionID = id
		actions, err := parseActions(opts.Actions, opts.NoValidate)
		if err != nil {
			return nil, err
		}
		rows := make([]bulkRow, len(actions))
		for i, a := range actions {
			rows[i] = bulkRow{SessionID: opts.SessionID, Action: a}
		}
		return rows, nil
	}
	if opts.FromFile == "-" {
		if opts.IO.IsStdinTTY() {
			opts.IO.Notice("reading rows from standard input; end with Ctrl-D")
		}
		return readBulkFileContext(ctx, opts.IO.In, "stdin", read)
	}
	f, err := os.Open(opts.FromFile)
	if err != nil {
		return nil, &ConfigError{Err: err}
	}
	defer f.Close()
	return readBulkFileContext(ctx, f, opts.FromFile, read)
}

// resultCounts says in one line what a run did, e.g. "3 of 5 rows created,
// 1 failed, 1 skipped", or what a dry run found, e.g. "dry run: 3 of 5 rows
// would be sent, 2 would fail; nothing was sent".
func resultCounts(counts map[output.ResultStatus]int, total int, dryRun bool) string {
	if dryRun {
		msg := fmt.Sprintf("dry run: %d of %d rows would be sent", counts[output.ResultWouldCreate], total)
		if n := counts[output.ResultWouldFail]; n > 0 {
			msg += fmt.Sprintf(", %d would fail", n)
		}
		if n := counts[output.ResultFailed]; n > 0 {
			msg += fmt.Sprintf(", %d could not be checked", n)
		}
		return msg + "; nothing was sent"
	}
	return fmt.Sprintf("%d of %d rows created, %d failed, %d skipped",
		counts[output.ResultCreated], total, counts[output.ResultFailed], counts[output.ResultSkipped])
}
