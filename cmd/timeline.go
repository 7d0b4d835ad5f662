package cmd

import (
	"context"
	"iter"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// timelineRequest says which part of a session's timeline to fetch.
type timelineRequest struct {
	PerPage int
	Page    int // 0: follow every page
	Limit   int // 0: no limit
	Filter  map[client.ActionType]bool
}

// timelineResult is one session's records, or the error that stopped them.
type timelineResult struct {
	id      string
	records []output.Record
	err     error
}

// fetchTimelines fetches the sessions with at most concurrency of them at
// once and yields their results in the order of ids.
func fetchTimelines(ctx context.Context, c *client.Client, ids []string, req timelineRequest, concurrency int) iter.Seq[timelineResult] {
	return func(yield func(timelineResult) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		sem := make(chan struct{}, max(1, concurrency))
		results := make([]chan timelineResult, len(ids))
		for i, id := range ids {
			results[i] = make(chan timelineResult, 1)
			go func() {
				select {
				case sem <- struct{}{}:
				case <-ctx.Done():
					results[i] <- timelineResult{id: id, err: ctx.Err()}
					return
				}
				defer func() { <-sem }()
				records, err := fetchTimeline(ctx, c, id, req)
				results[i] <- timelineResult{id: id, records: records, err: err}
			}()
		}
		for _, ch := range results {
			if !yield(<-ch) {
				return
			}
		}
	}
}

// fetchTimeline follows a session's pages in order, stopping as soon as the
// limit is reached.
func fetchTimeline(ctx context.Context, c *client.Client, id string, req timelineRequest) ([]output.Record, error) {
	var records []output.Record
	page := max(req.Page, 1)
	for {
		p, err := c.ListLogs(ctx, id, client.ListOptions{Page: page, PerPage: req.PerPage})
		if err != nil {
			return records, err
		}
		for i, e := range p.Entries {
			if len(req.Filter) > 0 && !req.Filter[e.ActionType] {
				continue
			}
			records = append(records, output.Record{SessionID: id, Position: (page-1)*p.PerPage + i + 1, Entry: e})
			if req.Limit > 0 && len(records) == req.Limit {
				return records, nil
			}
		}
		if req.Page > 0 || page >= p.LastPage || len(p.Entries) == 0 {
			return records, nil
		}
		page++
	}
}
