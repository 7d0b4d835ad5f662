package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
	"github.com/sessionlog/sessionlog/timeline"
)

// dryRunMode says what a create run only checks, sending nothing. It is
// the value of --dry-run.
type dryRunMode string

// The --dry-run modes.
const (
	dryRunOff dryRunMode = ""
	// dryRunServer checks the rows and reads each session's last entries
	// from the server (GET only): --dry-run, --dry-run=server.
	dryRunServer dryRunMode = "server"
	// dryRunClient checks the rows offline: --dry-run=client.
	dryRunClient dryRunMode = "client"
)

// String returns the mode as --dry-run takes it.
func (m *dryRunMode) String() string { return string(*m) }

// Set parses a --dry-run value.
func (m *dryRunMode) Set(s string) error {
	switch mode := dryRunMode(s); mode {
	case dryRunServer, dryRunClient:
		*m = mode
		return nil
	}
	return fmt.Errorf("%q is not server or client", s)
}

// Type names the value in --help.
func (m *dryRunMode) Type() string { return "mode" }

// endStateEntries is how many of a session's last entries tell whether it
// has ended: ENDED or CANCELLED, then the SESSION_PERIOD the API records
// with them.
const endStateEntries = 2

// checkSession is the server dry run of one session's rows: it reads the
// session's last entries (one GET when its log fits on one page) and
// settles each row as the real run would go, sending nothing. A row
// would fail when its session is unknown (not found), has ended, or is
// ended by an earlier row; a row that could not be checked (the GET
// failed otherwise) fails with the GET's error.
func (p bulkPlan) checkSession(ctx context.Context, c *client.Client, indexes []int, settle func(int, bulkResult)) {
	id := p.Rows[indexes[0]].SessionID
	state := timeline.NewSummarizer(id)
	var err error
	opts := client.EntriesOptions{PerPage: p.PerPage, Last: endStateEntries}
	for e, fetchErr := range c.Entries(ctx, id, opts, client.WithConcurrency(1)) {
		if fetchErr != nil {
			err = fetchErr
			break
		}
		state.Add(e.LogEntry)
	}
	status := output.ResultFailed
	if errors.Is(err, &client.Error{Kind: client.KindNotFound}) {
		status = output.ResultWouldFail
	}
	var lastSent *bulkRow // once the session is ended, the row that ends it
	for _, i := range indexes {
		row := p.Rows[i]
		sum := state.Summary()
		switch {
		case err != nil:
			settle(i, bulkResult{Row: row, Status: status, Err: err})
		case sum.Status == timeline.StatusEnded || sum.Status == timeline.StatusCancelled:
			settle(i, bulkResult{Row: row, Status: output.ResultWouldFail, Err: endedError(sum, lastSent)})
		default:
			settle(i, bulkResult{Row: row, Status: output.ResultWouldCreate})
			state.Add(client.LogEntry{ActionType: row.Action})
			lastSent = &row
		}
	}
}

// endedError is the refusal a create for an ended session would get, e.g.
// "the session has already ended (cancelled at 10:09 AM); ...", or "(ended
// by line 3)" when a row of the run ends it.
func endedError(sum timeline.Summary, endedBy *bulkRow) error {
	how := string(sum.Status)
	switch {
	case endedBy == nil && sum.Last != "":
		how += " at " + sum.Last
	case endedBy != nil && endedBy.Line > 0:
		how = fmt.Sprintf("%s by line %d", sum.Status, endedBy.Line)
	case endedBy != nil:
		how = fmt.Sprintf("%s by the %s before it", sum.Status, endedBy.Action)
	}
	return &client.Error{Kind: client.KindSessionEnded,
		Explanation: fmt.Sprintf("the session has already ended (%s); no more log entries can be recorded", how)}
}
