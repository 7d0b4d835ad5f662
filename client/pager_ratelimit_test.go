package client

import (
	"context"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"
)

// TestTimelineRateLimitPausesEveryWorker sends pages 2 to 5 at once; page
// 2 gets a 429 with Retry-After once pages 3 to 5 have arrived, and those
// are answered only once the client is pausing. Every worker must then
// wait out the pause: the three that take the slots pages 3 to 5 free up
// wait before sending, and nothing reaches the server until it ends.
func TestTimelineRateLimitPausesEveryWorker(t *testing.T) {
	arrived := make(chan struct{}, 3) // pages 3 to 5 have been received
	pausing := make(chan struct{})    // the client has started waiting out the 429
	abort := make(chan struct{})      // the test is over: unblock every handler
	var once sync.Once
	f := &fakeLog{total: 90}
	f.intercept = func(w http.ResponseWriter, page, n int) bool {
		switch {
		case page == 2 && n <= 5:
			for range 3 {
				select {
				case <-arrived:
				case <-abort:
				}
			}
			respond(w, http.StatusTooManyRequests, `{"message":"Too Many Attempts."}`, "Retry-After", "2")
			return true
		case page >= 3 && page <= 5 && n <= 5:
			arrived <- struct{}{}
			select {
			case <-pausing:
			case <-abort:
			}
		}
		return false
	}
	srv := newAPIServer(t, f.serve)
	t.Cleanup(func() { close(abort) }) // runs before the server closes
	c, clock := newTestClient(t, srv.URL+basePath, WithRetries(1))
	sleeps := make(chan time.Duration, 10)
	release := make(chan struct{})
	c.sleep = func(ctx context.Context, d time.Duration) error {
		once.Do(func() { close(pausing) })
		sleeps <- d
		select {
		case <-release:
		case <-abort:
		}
		return clock.Sleep(ctx, d)
	}

	done := make(chan collected, 1)
	go func() { done <- collect(t, c, pagerOptions{PerPage: 10, Concurrency: 4}) }()

	// Page 2 waits out its 429; the workers of pages 6 to 8 wait out the
	// same pause before sending; page 9 waits for a slot.
	for i := range 4 {
		select {
		case d := <-sleeps:
			if d != 2*time.Second {
				t.Errorf("wait %d is %s, want the 2s pause", i+1, d)
			}
		case <-time.After(holdLimit):
			t.Fatalf("%d workers wait out the pause, want 4", i)
		}
	}
	if n := srv.count(); n != 5 {
		t.Errorf("%d requests before the pause ended, want 5 (pages 1 to 5)", n)
	}
	close(release)
	got := <-done
	if got.err != nil {
		t.Fatal(got.err)
	}
	if !reflect.DeepEqual(got.positions, positions(1, 90)) {
		t.Errorf("positions %v, want 1..90", got.positions)
	}
	if n := srv.count(); n != 10 {
		t.Errorf("%d requests, want 10 (9 pages and the retry of page 2)", n)
	}
	if len(sleeps) != 0 {
		t.Errorf("%d more waits, want none after the pause", len(sleeps))
	}
}
