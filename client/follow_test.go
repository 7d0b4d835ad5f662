package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// endedWithoutPeriod is a session that ended but has no SESSION_PERIOD
// yet, so a follow of it makes exactly endGracePolls successful polls.
const endedWithoutPeriod = "77"

const followToken = "follow-token"

// followRun is one Follow of endedWithoutPeriod through a fault layer,
// whose waits are recorded and pass at once: no test waits for real.
type followRun struct {
	layer     *faults.Layer
	clock     *fakeClock
	positions []int
	notices   []string
	err       error
}

// followThrough follows endedWithoutPeriod behind rules with opts, the
// notices recorded as the CLI words them.
func followThrough(t *testing.T, opts FollowOptions, rules ...faults.Rule) *followRun {
	t.Helper()
	at := time.Date(2026, 11, 26, 16, 20, 0, 0, time.UTC)
	mock := mockapi.NewHandler(mockapi.WithBasePath("/api"), mockapi.WithToken(followToken))
	mock.AddSession(endedWithoutPeriod,
		mockapi.Entry{ActionType: mockapi.ActionEntered, Time: at},
		mockapi.Entry{ActionType: mockapi.ActionEnded, Time: at})
	run := &followRun{layer: faults.Wrap(mock, rules...)}
	srv := httptest.NewServer(run.layer)
	t.Cleanup(srv.Close)
	var c *Client
	c, run.clock = newTestClient(t, srv.URL+"/api", WithToken(followToken), WithRetries(0), WithTimeout(5*time.Second))
	opts.OnLost = func(err *Error, retryFor time.Duration) {
		run.notices = append(run.notices, fmt.Sprintf("lost (%s, HTTP %d) for up to %s", err.Explanation, err.StatusCode, retryFor))
	}
	opts.OnBack = func(d time.Duration) { run.notices = append(run.notices, "back after "+d.String()) }
	opts.OnRateLimited = func(d time.Duration) { run.notices = append(run.notices, "polling every "+d.String()) }
	for e, err := range c.Follow(context.Background(), endedWithoutPeriod, opts) {
		if err != nil {
			run.err = err
			continue
		}
		run.positions = append(run.positions, e.Position)
	}
	return run
}

func TestFollowReconnects(t *testing.T) {
	const s = time.Second
	tests := []struct {
		name         string
		fault        faults.Fault
		failures     int // polls that fail, after the first listing; 0 for all
		reconnectFor time.Duration
		gets         int
		waits        []time.Duration
		notices      []string
		kind         ErrorKind // "" for none
	}{
		{name: "503 three times, then back", fault: faults.Laravel(503, "Service Unavailable"), failures: 3, reconnectFor: 5 * time.Minute,
			gets: 7, waits: []time.Duration{2 * s, 2 * s, 4 * s, 8 * s, 2 * s, 2 * s},
			notices: []string{"lost (the service is unavailable, HTTP 503) for up to 5m0s", "back after 14s"}},
		{name: "502 until the bound passes", fault: faults.HTML(502, "502 Bad Gateway"), reconnectFor: 10 * s,
			gets: 5, waits: []time.Duration{2 * s, 2 * s, 4 * s, 4 * s},
			notices: []string{"lost (bad gateway: a proxy could not get a reply from the API server; the server returned an HTML page instead of JSON, HTTP 502) for up to 10s"},
			kind:    KindServer},
		{name: "503 with ReconnectFor 0 ends at once", fault: faults.Laravel(503, "Service Unavailable"),
			gets: 2, waits: []time.Duration{2 * s}, kind: KindServer},
		{name: "401 is not retried", fault: faults.Laravel(401, "Unauthenticated."), reconnectFor: 5 * time.Minute,
			gets: 2, waits: []time.Duration{2 * s}, kind: KindAuth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := followThrough(t, FollowOptions{PerPage: 100, ReconnectFor: tt.reconnectFor},
				faults.Rule{Method: http.MethodGet, Nth: 2, Times: tt.failures, Fault: tt.fault})
			var e *Error
			switch {
			case tt.kind == "" && run.err != nil:
				t.Errorf("error %v, want none", run.err)
			case tt.kind != "" && (!errors.As(run.err, &e) || e.Kind != tt.kind):
				t.Errorf("error %v, want kind %s", run.err, tt.kind)
			}
			if n := run.layer.Count(http.MethodGet); n != tt.gets {
				t.Errorf("%d GETs, want %d", n, tt.gets)
			}
			if !reflect.DeepEqual(run.clock.Waits(), tt.waits) {
				t.Errorf("waits %v, want %v", run.clock.Waits(), tt.waits)
			}
			if !reflect.DeepEqual(run.notices, tt.notices) {
				t.Errorf("notices\n%q\nwant\n%q", run.notices, tt.notices)
			}
			if !reflect.DeepEqual(run.positions, []int{1, 2}) {
				t.Errorf("positions %v, want the session's 2 once each", run.positions)
			}
		})
	}
}

// perPagePlusOne answers with a per_page one more than the request asked.
var perPagePlusOne = faults.FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
	asked, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	faults.SetPaging("per_page", asked+1).Inject(w, r, next)
})

func TestFollowRefusesAShiftingPageSize(t *testing.T) {
	run := followThrough(t, FollowOptions{PerPage: 100, ReconnectFor: 5 * time.Minute},
		faults.Rule{Method: http.MethodGet, Nth: 2, Fault: perPagePlusOne})
	var e *Error
	if !errors.As(run.err, &e) || e.Kind != KindInvalidResponse ||
		e.Explanation != "invalid reply from the server: asked for per_page 101 but the server paged by 102" {
		t.Fatalf("err %v, want an invalid reply about per_page", run.err)
	}
	// The first poll learns the server's page size; the second finds it
	// changed. Each waited the interval.
	if n := run.layer.Count(http.MethodGet); n != 3 {
		t.Errorf("%d GETs, want 3", n)
	}
	if want := []time.Duration{2 * time.Second, 2 * time.Second}; !reflect.DeepEqual(run.clock.Waits(), want) {
		t.Errorf("waits %v, want %v", run.clock.Waits(), want)
	}
}

func TestFollowLearnsACappedPageSize(t *testing.T) {
	// A server that caps per_page at 50: the first poll learns it, and
	// every later poll asks for it.
	run := followThrough(t, FollowOptions{PerPage: 100, ReconnectFor: 5 * time.Minute},
		faults.Rule{Method: http.MethodGet, Nth: 2, Times: 1, Fault: faults.SetPaging("per_page", 50)})
	if run.err != nil {
		t.Fatal(run.err)
	}
	// The start, then the grace polls, the first of which learns per_page 50.
	if n := run.layer.Count(http.MethodGet); n != 1+endGracePolls {
		t.Errorf("%d GETs, want %d", n, 1+endGracePolls)
	}
	for _, r := range run.layer.Requests()[2:] {
		if !strings.Contains(r.Query, "per_page=50") {
			t.Errorf("poll ?%s does not ask for per_page 50", r.Query)
		}
	}
}

func TestFollowRefusesAnInconsistentLastPage(t *testing.T) {
	// A poll whose last_page its total and per_page do not make is refused,
	// as the pager refuses it.
	run := followThrough(t, FollowOptions{PerPage: 100},
		faults.Rule{Method: http.MethodGet, Nth: 2, Fault: faults.SetPaging("last_page", 7)})
	var e *Error
	if !errors.As(run.err, &e) || e.Kind != KindInvalidResponse ||
		e.Explanation != "invalid reply from the server: page 1: last_page is 7, but total 2 at per_page 100 makes last_page 1" {
		t.Fatalf("err %v, want an invalid reply about last_page", run.err)
	}
}

func TestFollowBacksOffWhenRateLimited(t *testing.T) {
	run := followThrough(t, FollowOptions{PerPage: 100, Interval: 10 * time.Millisecond},
		faults.Rule{Method: http.MethodGet, Nth: 2, Times: 2,
			Fault: faults.Status(http.StatusTooManyRequests, nil, `{"message":"Too Many Attempts."}`)})
	if run.err != nil {
		t.Fatal(run.err)
	}
	if want := []string{"polling every 20ms", "polling every 40ms"}; !reflect.DeepEqual(run.notices, want) {
		t.Errorf("notices %q, want %q", run.notices, want)
	}
	ms := time.Millisecond
	if want := []time.Duration{10 * ms, 20 * ms, 40 * ms, 10 * ms, 10 * ms}; !reflect.DeepEqual(run.clock.Waits(), want) {
		t.Errorf("waits %v, want %v", run.clock.Waits(), want)
	}
}

func TestFollowBreakStops(t *testing.T) {
	run := &followRun{}
	mock := mockapi.NewHandler(mockapi.WithBasePath("/api"))
	mock.AddSession("5", mockapi.Entry{ActionType: mockapi.ActionEntered, Time: time.Now()})
	srv := httptest.NewServer(mock)
	t.Cleanup(srv.Close)
	c, clock := newTestClient(t, srv.URL+"/api")
	for e, err := range c.Follow(context.Background(), "5", FollowOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		run.positions = append(run.positions, e.Position)
		break
	}
	if !reflect.DeepEqual(run.positions, []int{1}) || len(clock.Waits()) != 0 {
		t.Errorf("positions %v, waits %v: want 1 and no poll", run.positions, clock.Waits())
	}
}

func TestRateLimitedInterval(t *testing.T) {
	tests := []struct{ last, retryAfter, want time.Duration }{
		{2 * time.Second, 0, 4 * time.Second},
		{40 * time.Second, 0, time.Minute},
		{2 * time.Second, 2 * time.Minute, 2 * time.Minute},
		{2 * time.Second, time.Second, 4 * time.Second},
	}
	for _, tt := range tests {
		if got := rateLimitedInterval(tt.last, tt.retryAfter); got != tt.want {
			t.Errorf("rateLimitedInterval(%s, %s) = %s, want %s", tt.last, tt.retryAfter, got, tt.want)
		}
	}
}
