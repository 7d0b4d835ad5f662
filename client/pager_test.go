package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTimelineKeepsOrderWhenPagesArriveOutOfOrder(t *testing.T) {
	// 10 pages, 4 at a time: page 2 is answered only once page 6 has been
	// asked for, that is once a slot was freed by page 3, 4 or 5 arriving
	// at the client before it.
	const concurrency = 4
	page6Asked := make(chan struct{})
	f := &fakeLog{total: 100, hold: func(page int) <-chan struct{} {
		switch page {
		case 2:
			return page6Asked
		case 6:
			close(page6Asked)
		}
		return nil
	}}
	srv, c := newFakeLogServer(t, f)
	got := collect(t, c, pagerOptions{Concurrency: concurrency})
	if got.err != nil {
		t.Fatal(got.err)
	}
	if f.wasHeldTooLong() {
		t.Fatal("page 6 was never asked for while page 2 was pending")
	}
	if !reflect.DeepEqual(got.positions, positions(1, 100)) {
		t.Errorf("positions %v, want 1..100 in order", got.positions)
	}
	if n := srv.count(); n != 10 {
		t.Errorf("%d requests, want 10", n)
	}
	if m := f.maxInFlight(); m > concurrency {
		t.Errorf("%d requests in flight at once, want at most %d", m, concurrency)
	}
}

func TestTimelineFetchesOnlyWhatItDelivers(t *testing.T) {
	page := func(n, size int) string { return fmt.Sprintf("page=%d&per_page=%d", n, size) }
	tests := []struct {
		name          string
		total         int
		opts          pagerOptions
		wantFrom      int
		wantTo        int
		wantQueries   []string
		wantNoEntries bool
	}{
		{"whole log", 25, pagerOptions{PerPage: 10}, 1, 25,
			[]string{page(1, 10), page(2, 10), page(3, 10)}, false},
		{"limit within page 1", 100, pagerOptions{PerPage: 10, Limit: 5}, 1, 5,
			[]string{page(1, 10)}, false},
		{"limit on a page boundary", 100, pagerOptions{PerPage: 10, Limit: 20}, 1, 20,
			[]string{page(1, 10), page(2, 10)}, false},
		{"limit spanning pages", 100, pagerOptions{PerPage: 10, Limit: 25}, 1, 25,
			[]string{page(1, 10), page(2, 10), page(3, 10)}, false},
		{"last 5: page 1 and the last page", 100, pagerOptions{PerPage: 10, Last: 5}, 96, 100,
			[]string{page(1, 10), page(10, 10)}, false},
		{"last 15: page 1 and the last two", 100, pagerOptions{PerPage: 10, Last: 15}, 86, 100,
			[]string{page(1, 10), page(9, 10), page(10, 10)}, false},
		{"last within page 1", 7, pagerOptions{PerPage: 10, Last: 5}, 3, 7,
			[]string{page(1, 10)}, false},
		{"last more than the log", 25, pagerOptions{PerPage: 10, Last: 200}, 1, 25,
			[]string{page(1, 10), page(2, 10), page(3, 10)}, false},
		{"last with limit", 100, pagerOptions{PerPage: 10, Last: 15, Limit: 3}, 86, 88,
			[]string{page(1, 10), page(9, 10)}, false},
		{"one page", 100, pagerOptions{PerPage: 10, Page: 3}, 21, 30,
			[]string{page(3, 10)}, false},
		{"one page with limit", 100, pagerOptions{PerPage: 10, Page: 3, Limit: 4}, 21, 24,
			[]string{page(3, 10)}, false},
		{"page past the end", 25, pagerOptions{PerPage: 10, Page: 9}, 0, 0,
			[]string{page(9, 10)}, true},
		{"empty log", 0, pagerOptions{PerPage: 10}, 0, 0,
			[]string{page(1, 10)}, true},
		{"server default per_page", 25, pagerOptions{}, 1, 25,
			[]string{"page=1", page(2, 10), page(3, 10)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFakeLogServer(t, &fakeLog{total: tt.total})
			got := collect(t, c, tt.opts)
			if got.err != nil {
				t.Fatal(got.err)
			}
			want := positions(tt.wantFrom, tt.wantTo)
			if tt.wantNoEntries {
				want = nil
			}
			if !reflect.DeepEqual(got.positions, want) {
				t.Errorf("positions %v, want %v", got.positions, want)
			}
			if q := queries(srv); !reflect.DeepEqual(q, tt.wantQueries) {
				t.Errorf("requests %q, want %q", q, tt.wantQueries)
			}
		})
	}
}

func TestTimelineStopsAtFirstEmptyPage(t *testing.T) {
	// The replies claim 1000 pages of 30; only 3 hold entries.
	const concurrency = 4
	f := &fakeLog{total: 90, perPage: 30, claimLast: 1000, claimTotal: 30000}
	srv, c := newFakeLogServer(t, f)
	got := collect(t, c, pagerOptions{Concurrency: concurrency})
	if got.err != nil {
		t.Fatal(got.err)
	}
	if !reflect.DeepEqual(got.positions, positions(1, 90)) {
		t.Errorf("positions %v, want 1..90", got.positions)
	}
	if n := srv.count(); n < 4 || n > 3+concurrency {
		t.Errorf("%d requests, want between 4 and %d", n, 3+concurrency)
	}
}

func TestTimelineFailsRatherThanRepeating(t *testing.T) {
	tests := []struct {
		name      string
		log       *fakeLog
		opts      pagerOptions
		wantTo    int
		wantError string
	}{
		{"server ignores page", &fakeLog{total: 50, ignorePage: true}, pagerOptions{PerPage: 10}, 10,
			"invalid reply from the server: asked for page 2 but the server returned page 1 (HTTP 200)"},
		{"per_page changes", &fakeLog{total: 100, perPageFrom: 3}, pagerOptions{PerPage: 10}, 20,
			"invalid reply from the server: page 3 has per_page 20 but page 1 had 10, so entries would be repeated or missed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := newFakeLogServer(t, tt.log)
			got := collect(t, c, tt.opts)
			if e := asError(t, got.err); e.Kind != KindInvalidResponse || e.Error() != tt.wantError {
				t.Errorf("error %q (%s), want %q", e, e.Kind, tt.wantError)
			}
			if !reflect.DeepEqual(got.positions, positions(1, tt.wantTo)) {
				t.Errorf("positions %v, want 1..%d", got.positions, tt.wantTo)
			}
		})
	}
}

func TestTimelineDeliversEntriesBeforeTheFailure(t *testing.T) {
	f := &fakeLog{total: 100}
	f.intercept = func(w http.ResponseWriter, page, _ int) bool {
		if page != 3 {
			return false
		}
		respond(w, http.StatusInternalServerError, `{"message":"Server Error"}`)
		return true
	}
	_, c := newFakeLogServer(t, f)
	got := collect(t, c, pagerOptions{PerPage: 10, Concurrency: 4})
	if e := asError(t, got.err); e.Kind != KindServer || e.StatusCode != http.StatusInternalServerError {
		t.Errorf("error %v, want the HTTP 500 of page 3", got.err)
	}
	if !reflect.DeepEqual(got.positions, positions(1, 20)) {
		t.Errorf("positions %v, want 1..20", got.positions)
	}
}

func TestTimelineIgnoresEntriesAppendedWhilePaging(t *testing.T) {
	// Page 1 says 25 entries (3 pages of 10, the server capping per_page at
	// 10); 10 more are appended before pages 2 and 3 are served.
	f := &fakeLog{total: 25, grown: 35}
	srv, c := newFakeLogServer(t, f)
	got := collect(t, c, pagerOptions{PerPage: 50, Concurrency: 2})
	if got.err != nil {
		t.Fatal(got.err)
	}
	if !reflect.DeepEqual(got.positions, positions(1, 25)) {
		t.Errorf("positions %v, want 1..25 once each", got.positions)
	}
	want := []string{"page=1&per_page=50", "page=2&per_page=10", "page=3&per_page=10"}
	if q := queries(srv); !reflect.DeepEqual(q, want) {
		t.Errorf("requests %q, want %q", q, want)
	}
}

func TestEntriesBreakStopsFetching(t *testing.T) {
	srv, c := newFakeLogServer(t, &fakeLog{total: 100})
	var seen []int
	for e, err := range c.Entries(context.Background(), "s1", EntriesOptions{PerPage: 10}, WithConcurrency(1)) {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, e.Position)
		if e.Position == 12 {
			break
		}
	}
	if !reflect.DeepEqual(seen, positions(1, 12)) {
		t.Errorf("positions %v, want 1..12", seen)
	}
	// Concurrency 1 keeps two pages ahead: page 3 may have been sent, page 4 not.
	if n := srv.count(); n < 2 || n > 3 {
		t.Errorf("%d requests, want 2 or 3", n)
	}
}

func TestTimelineRefusesBadOptions(t *testing.T) {
	tests := []struct {
		opts pagerOptions
		want string
	}{
		{pagerOptions{Limit: -1}, "per_page, concurrency, page, limit and last must not be negative"},
		{pagerOptions{Concurrency: -2}, "per_page, concurrency, page, limit and last must not be negative"},
		{pagerOptions{Page: 2, Last: 5}, "a single page and the last entries cannot be asked for together"},
	}
	srv, c := newFakeLogServer(t, &fakeLog{total: 10})
	for _, tt := range tests {
		got := collect(t, c, tt.opts)
		if e := asError(t, got.err); e.Kind != KindInvalidInput || e.Explanation != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.opts, got.err, tt.want)
		}
	}
	if n := srv.count(); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

func TestTimelinesShareOnePool(t *testing.T) {
	// The three first pages are held until all three are in flight.
	f := &fakeLog{total: 60, hold: overlapping(3)}
	srv, c := newFakeLogServer(t, f)
	pool := NewPool(3)
	errs := make(chan error, 3)
	for i := range 3 {
		go func() {
			errs <- entriesOf(c, pagerOptions{PerPage: 10, Pool: pool, Order: i})
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.count(); n != 18 {
		t.Errorf("%d requests, want 18", n)
	}
	if f.wasHeldTooLong() {
		t.Error("the three first pages were never in flight together")
	}
	if m := f.maxInFlight(); m > 3 {
		t.Errorf("%d requests in flight at once, want at most the pool's 3", m)
	}
}

func TestPoolServesLowestOrderThenPageFirst(t *testing.T) {
	pool := NewPool(1)
	ctx := context.Background()
	if err := pool.wait(ctx, pool.enqueue(0, 1)); err != nil {
		t.Fatal(err)
	}
	type key struct{ order, page int }
	waiters := []key{{1, 2}, {0, 9}, {1, 1}, {0, 3}}
	granted := make(chan key, len(waiters))
	cancelCtx, cancel := context.WithCancel(ctx)
	cancelled := make(chan error, 1)
	go func() { cancelled <- pool.wait(cancelCtx, pool.enqueue(0, 0)) }() // would come first, but gives up
	for _, k := range waiters {
		go func() {
			if err := pool.wait(ctx, pool.enqueue(k.order, k.page)); err != nil {
				t.Error(err)
			}
			granted <- k
		}()
	}
	for deadline := time.Now().Add(holdLimit); pool.queued() < len(waiters)+1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d waiters queued, want %d", pool.queued(), len(waiters)+1)
		}
	}
	cancel()
	if e := asError(t, <-cancelled); e.Kind != KindNetwork || e.Explanation != "the request was cancelled" {
		t.Errorf("cancelled wait: %v", e)
	}
	var order []key
	for range waiters {
		pool.release()
		order = append(order, <-granted)
	}
	want := []key{{0, 3}, {0, 9}, {1, 1}, {1, 2}}
	if !slices.Equal(order, want) {
		t.Errorf("slots granted in order %v, want %v", order, want)
	}
}

func TestTimelineReportsProgress(t *testing.T) {
	tests := []struct {
		name string
		opts pagerOptions
		want string
	}{
		{"every page", pagerOptions{PerPage: 30, Concurrency: 3}, "1/4 2/4 3/4 4/4"},
		{"last entries skip the pages before them", pagerOptions{PerPage: 30, Last: 10}, "1/3 2/3 3/3"},
		{"one page", pagerOptions{PerPage: 30, Page: 2}, "1/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := newFakeLogServer(t, &fakeLog{total: 95, perPage: 100})
			var got []string
			tt.opts.Progress = func(done, total int) { got = append(got, fmt.Sprintf("%d/%d", done, total)) }
			if err := entriesOf(c, tt.opts); err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("progress %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestTimelineRefusesShortPageInTheMiddle(t *testing.T) {
	// Page 2 of 3 holds one entry of two: position 4 would silently go missing.
	_, c := newFakeLogServer(t, &fakeLog{total: 6, perPage: 2, intercept: func(w http.ResponseWriter, page, _ int) bool {
		if page != 2 {
			return false
		}
		respond(w, http.StatusOK, `{"success":true,"message":"ok","data":{"current_page":2,"data":[`+
			`{"text":"entry 3","date":"2:30 PM","action_type":"ENTERED"}],"last_page":3,"per_page":2,"total":6},"statusCode":200}`)
		return true
	}})
	got := collect(t, c, pagerOptions{PerPage: 2, Concurrency: 1})
	want := "invalid reply from the server: page 2 held only 1 of 2 entries, yet page 3 has more: entries are missing"
	var e *Error
	if !errors.As(got.err, &e) || e.Kind != KindInvalidResponse || e.Explanation != want {
		t.Errorf("err = %v, want %q", got.err, want)
	}
	if !slices.Equal(got.positions, []int{1, 2, 3}) {
		t.Errorf("positions %v, want [1 2 3] before the error", got.positions)
	}
}

func TestTimelineRefusesALastPageItsTotalDoesNotMake(t *testing.T) {
	// 100 entries at 10 a page make 10 pages: trusting last_page 5 would
	// deliver 50 entries and stop, as if that were all.
	srv, c := newFakeLogServer(t, &fakeLog{total: 100, claimLast: 5, claimTotal: 100})
	got := collect(t, c, pagerOptions{Concurrency: 2})
	want := "invalid reply from the server: page 1: last_page is 5, but total 100 at per_page 10 makes last_page 10"
	if e := asError(t, got.err); e.Kind != KindInvalidResponse || e.Explanation != want {
		t.Errorf("err = %v, want %q", got.err, want)
	}
	if len(got.positions) != 0 || srv.count() != 1 {
		t.Errorf("positions %v after %d requests, want none after 1", got.positions, srv.count())
	}
}

func TestPageCountProblem(t *testing.T) {
	tests := []struct {
		last, perPage, total int
		want                 string
	}{
		{1, 30, 0, ""},
		{0, 30, 0, ""},
		{0, 0, 0, ""},
		{1, 30, 2, ""},
		{10, 10, 100, ""},
		{11, 10, 101, ""},
		{1, 1, 1, ""},
		{5, 10, 100, "last_page is 5, but total 100 at per_page 10 makes last_page 10"},
		{11, 10, 100, "last_page is 11, but total 100 at per_page 10 makes last_page 10"},
		{10, 10, 101, "last_page is 10, but total 101 at per_page 10 makes last_page 11"},
		{3, 30, 0, "last_page is 3, but total 0 at per_page 30 makes last_page 1"},
		{2, 0, 0, "last_page is 2, but total 0 at per_page 0 makes last_page 1"},
		{1, 0, 5, "per_page is 0 although total is 5"},
	}
	for _, tt := range tests {
		p := &Page{CurrentPage: 1, LastPage: tt.last, PerPage: tt.perPage, Total: tt.total}
		if got := pageCountProblem(p); got != tt.want {
			t.Errorf("last_page %d, per_page %d, total %d: %q, want %q", tt.last, tt.perPage, tt.total, got, tt.want)
		}
	}
}

func TestEntriesTellsTheLastPositionBeforeTheFirstEntry(t *testing.T) {
	tests := []struct {
		name  string
		total int
		opts  EntriesOptions
		want  int
	}{
		{"whole log", 25, EntriesOptions{PerPage: 10}, 25},
		{"limit", 100, EntriesOptions{PerPage: 10, Limit: 25}, 25},
		{"last", 100, EntriesOptions{PerPage: 10, Last: 15}, 100},
		{"last with limit", 100, EntriesOptions{PerPage: 10, Last: 15, Limit: 3}, 88},
		{"one page", 100, EntriesOptions{PerPage: 10, Page: 3}, 30},
		{"one page with limit", 100, EntriesOptions{PerPage: 10, Page: 3, Limit: 4}, 24},
		{"short last page", 25, EntriesOptions{PerPage: 10, Page: 3}, 25},
		{"empty log", 0, EntriesOptions{PerPage: 10}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := newFakeLogServer(t, &fakeLog{total: tt.total})
			got, calls, yielded := -1, 0, 0
			tell := WithLastPosition(func(last int) {
				got, calls = last, calls+1
				if yielded > 0 {
					t.Errorf("told after %d entries", yielded)
				}
			})
			for _, err := range c.Entries(context.Background(), "s1", tt.opts, tell) {
				if err != nil {
					t.Fatal(err)
				}
				yielded++
			}
			if got != tt.want || calls != 1 {
				t.Errorf("told %d (%d calls), want %d once", got, calls, tt.want)
			}
		})
	}
}
