package cmd

import (
	"context"
	"sync"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/clock"
	"github.com/sessionlog/sessionlog/internal/ordered"
	"github.com/sessionlog/sessionlog/output"
)

// bulkResult is the outcome of one row.
type bulkResult struct {
	Row bulkRow
	// Status is output.ResultCreated, ResultFailed, ResultSkipped,
	// ResultWouldCreate or ResultWouldFail.
	Status output.ResultStatus
	Entry  *client.LogEntry // created rows
	Err    error            // failed rows, and why a row would fail
}

// bulkPlan runs injection rows: the rows of one session in file order, each
// after the previous one succeeded, and different sessions in parallel. A
// dry run sends nothing: dryRunServer reads each session instead
// (checkSession), dryRunClient settles every row as would_create.
type bulkPlan struct {
	Rows        []bulkRow
	Concurrency int
	Delay       time.Duration // between rows of one session
	DryRun      dryRunMode
	PerPage     int // page size of the GETs of a server dry run
}

// run creates the rows and calls emit once per row, in file order, as soon
// as that row and every row before it are settled. emit is never called
// concurrently.
func (p bulkPlan) run(ctx context.Context, c *client.Client, emit func(bulkResult)) {
	if p.DryRun == dryRunClient {
		for _, row := range p.Rows {
			emit(bulkResult{Row: row, Status: output.ResultWouldCreate})
		}
		return
	}
	emitter := &orderedEmitter{emit: emit}
	sessions := map[string][]int{}
	var order []string
	for i, row := range p.Rows {
		if _, seen := sessions[row.SessionID]; !seen {
			order = append(order, row.SessionID)
		}
		sessions[row.SessionID] = append(sessions[row.SessionID], i)
	}
	sem := make(chan struct{}, max(1, p.Concurrency))
	var wg sync.WaitGroup
	for _, id := range order {
		sem <- struct{}{} // sessions start in file order
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if p.DryRun == dryRunServer {
				p.checkSession(ctx, c, sessions[id], emitter.settle)
				return
			}
			p.runSession(ctx, c, sessions[id], emitter.settle)
		}()
	}
	wg.Wait()
}

// runSession creates one session's rows in order; after a failure, or once
// ctx is done, the remaining rows are skipped.
func (p bulkPlan) runSession(ctx context.Context, c *client.Client, indexes []int, settle func(int, bulkResult)) {
	failed := false
	for n, i := range indexes {
		row := p.Rows[i]
		if failed || ctx.Err() != nil {
			settle(i, bulkResult{Row: row, Status: output.ResultSkipped})
			continue
		}
		if n > 0 && p.Delay > 0 && clock.Sleep(ctx, p.Delay) != nil {
			settle(i, bulkResult{Row: row, Status: output.ResultSkipped})
			continue
		}
		entry, _, err := c.CreateLog(ctx, row.SessionID, row.Action)
		if err != nil {
			failed = true
			settle(i, bulkResult{Row: row, Status: output.ResultFailed, Err: err})
			continue
		}
		settle(i, bulkResult{Row: row, Status: output.ResultCreated, Entry: entry})
	}
}

// orderedEmitter releases results settled in any order strictly by index.
type orderedEmitter struct {
	mu      sync.Mutex
	pending ordered.Queue[bulkResult]
	emit    func(bulkResult)
}

func (o *orderedEmitter) settle(i int, r bulkResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending.Put(i, r)
	for r, ok := o.pending.Next(); ok; r, ok = o.pending.Next() {
		o.emit(r)
	}
}
