package cmd

import (
	"context"
	"sync"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// bulkResult is the outcome of one row.
type bulkResult struct {
	Row bulkRow
	// Status is output.ResultCreated, ResultFailed, ResultSkipped or ResultWouldCreate.
	Status output.ResultStatus
	Entry  *client.LogEntry // created rows
	Err    error            // failed rows
}

// bulkPlan runs injection rows: the rows of one session in file order, each
// after the previous one succeeded, and different sessions in parallel.
type bulkPlan struct {
	Rows        []bulkRow
	Concurrency int
	Delay       time.Duration // between rows of one session
	DryRun      bool
}

// run creates the rows and calls emit once per row, in file order, as soon
// as that row and every row before it are settled. emit is never called
// concurrently.
func (p bulkPlan) run(ctx context.Context, c *client.Client, emit func(bulkResult)) {
	if p.DryRun {
		for _, row := range p.Rows {
			emit(bulkResult{Row: row, Status: output.ResultWouldCreate})
		}
		return
	}
	ordered := newOrderedEmitter(len(p.Rows), emit)
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
			p.runSession(ctx, c, sessions[id], ordered.settle)
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
		if n > 0 && p.Delay > 0 && !sleepCtx(ctx, p.Delay) {
			settle(i, bulkResult{Row: row, Status: output.ResultSkipped})
			continue
		}
		entry, err := c.CreateLog(ctx, row.SessionID, row.Action)
		if err != nil {
			failed = true
			settle(i, bulkResult{Row: row, Status: output.ResultFailed, Err: err})
			continue
		}
		settle(i, bulkResult{Row: row, Status: output.ResultCreated, Entry: entry})
	}
}

// sleepCtx waits d, or until ctx is done; it reports whether d passed.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// orderedEmitter releases results settled in any order strictly by index.
type orderedEmitter struct {
	mu      sync.Mutex
	pending []*bulkResult
	next    int
	emit    func(bulkResult)
}

func newOrderedEmitter(n int, emit func(bulkResult)) *orderedEmitter {
	return &orderedEmitter{pending: make([]*bulkResult, n), emit: emit}
}

func (o *orderedEmitter) settle(i int, r bulkResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending[i] = &r
	for o.next < len(o.pending) && o.pending[o.next] != nil {
		o.emit(*o.pending[o.next])
		o.pending[o.next] = nil
		o.next++
	}
}
