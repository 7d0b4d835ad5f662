package cmd

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
)

// longSession is a session of 3,000 generated entries added to the mock.
const longSession = "2001"

// addLongSession adds longSession to srv.
func addLongSession(srv *mockapi.Server) {
	start := time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)
	srv.Handler().AddSession(longSession, mockapi.GenerateSession(longSession, 3000, start)...)
}

// csvPositions returns the position column of csv output without headers.
func csvPositions(t *testing.T, stdout string) []int {
	t.Helper()
	var out []int
	for line := range strings.Lines(stdout) {
		fields := strings.Split(line, ",")
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, n)
	}
	return out
}

// seq returns the numbers from..to.
func seq(from, to int) []int {
	var out []int
	for n := from; n <= to; n++ {
		out = append(out, n)
	}
	return out
}

func TestListFetchesOnlyThePagesItShows(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		wantQueries []string
		wantFrom    int
		wantTo      int
	}{
		{"last 5: page 1 and the last page", []string{"list", longSession, "--last", "5"},
			[]string{"page=1&per_page=30", "page=100&per_page=30"}, 2996, 3000},
		{"last 45: page 1 and the last two", []string{"list", longSession, "--last", "45"},
			[]string{"page=1&per_page=30", "page=99&per_page=30", "page=100&per_page=30"}, 2956, 3000},
		{"last within page 1", []string{"list", "1001", "--last", "2"},
			[]string{"page=1&per_page=30"}, 4, 5},
		{"limit with 8 workers", []string{"list", longSession, "--limit", "65", "--concurrency", "8"},
			[]string{"page=1&per_page=30", "page=2&per_page=30", "page=3&per_page=30"}, 1, 65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newMock(t)
			addLongSession(srv)
			t.Setenv("SESSIONLOG_PER_PAGE", "30")
			res := runCLI(t, append(tt.args, "-o", "csv", "--no-headers")...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", res.code, res.stderr)
			}
			var queries []string
			for _, r := range srv.Handler().Requests() {
				queries = append(queries, r.Query)
			}
			if !reflect.DeepEqual(sortedByPage(queries), tt.wantQueries) {
				t.Errorf("requests %q, want %q", queries, tt.wantQueries)
			}
			if got := csvPositions(t, res.stdout); !reflect.DeepEqual(got, seq(tt.wantFrom, tt.wantTo)) {
				t.Errorf("positions %v, want %d..%d", got, tt.wantFrom, tt.wantTo)
			}
		})
	}
}

// sortedByPage returns "page=N&..." queries sorted by N.
func sortedByPage(queries []string) []string {
	page := func(q string) int {
		n, _ := strconv.Atoi(strings.TrimPrefix(strings.Split(q, "&")[0], "page="))
		return n
	}
	out := slices.Clone(queries)
	slices.SortStableFunc(out, func(a, b string) int { return page(a) - page(b) })
	return out
}

func TestListLastUsageErrors(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--last", "-1"}, "--last takes a positive number"},
		{[]string{"--last", "5", "--page", "2"}, "--last cannot be combined with --page"},
		{[]string{"--last", "5", "--limit", "2"}, "--last cannot be combined with --limit"},
		{[]string{"--last", "5", "--action", "ENTERED"}, "--last cannot be combined with --action"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			srv := newMock(t)
			res := runCLI(t, append([]string{"list", "1001"}, tt.args...)...)
			if res.code != ExitUsage || !strings.Contains(res.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", res.code, res.stderr, tt.wantErr)
			}
			if n := srv.Handler().RequestCount(""); n != 0 {
				t.Errorf("%d requests sent before a usage error", n)
			}
		})
	}
}

// notifyingBuffer is a standard output that closes first once written to.
type notifyingBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	once  sync.Once
	first chan struct{}
}

func (b *notifyingBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.once.Do(func() { close(b.first) })
	return b.buf.Write(p)
}

func (b *notifyingBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// gateLimit is the longest a gatedMock holds a request back.
const gateLimit = 30 * time.Second

// gatedMock serves the default fixture under /api, holding back each
// request for which hold returns a channel until that channel is closed
// (at most gateLimit, a bound only a broken run reaches), and counting the requests in flight.
type gatedMock struct {
	handler *mockapi.Handler
	hold    func(r *http.Request) <-chan struct{}

	mu                     sync.Mutex
	inFlight, most, waited int
	timedOut               bool
	arrivals               []string // "session page" of each request, in arrival order
}

func (g *gatedMock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	g.inFlight++
	g.most = max(g.most, g.inFlight)
	g.arrivals = append(g.arrivals, strings.Split(r.URL.Path, "/")[5]+" "+r.URL.Query().Get("page"))
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.inFlight--
		g.mu.Unlock()
	}()
	if gate := g.hold(r); gate != nil {
		select {
		case <-gate:
			g.mu.Lock()
			g.waited++
			g.mu.Unlock()
		case <-time.After(gateLimit):
			g.mu.Lock()
			g.timedOut = true
			g.mu.Unlock()
		}
	}
	g.handler.ServeHTTP(w, r)
}

// newGatedMock starts g and points SESSIONLOG_BASE_URL at it.
func newGatedMock(t *testing.T, g *gatedMock, opts ...mockapi.Option) {
	t.Helper()
	isolateEnv(t)
	g.handler = mockapi.NewHandler(append([]mockapi.Option{mockapi.WithFixture(mockapi.DefaultFixture()), mockapi.WithBasePath("/api")}, opts...)...)
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	t.Setenv("SESSIONLOG_BASE_URL", srv.URL+"/api")
}

func TestListStreamsWhileFetching(t *testing.T) {
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			// Session 1004 has 18 pages of 20. Its page 2 is held until its
			// first page (20 lines, less than the output buffer) is on
			// stdout, and its last page until session 1001, printed second,
			// has been asked for: 1001 gets a pool slot once 1004 has no
			// more requests waiting for one.
			out := &notifyingBuffer{first: make(chan struct{})}
			asked1001 := make(chan struct{})
			var once sync.Once
			g := &gatedMock{hold: func(r *http.Request) <-chan struct{} {
				switch {
				case strings.Contains(r.URL.Path, "/1001/"):
					once.Do(func() { close(asked1001) })
				case r.URL.Query().Get("page") == "2":
					return out.first
				case r.URL.Query().Get("page") == "18":
					return asked1001
				}
				return nil
			}}
			newGatedMock(t, g)
			ios, _, _, errOut := TestIO()
			ios.Out = out
			code := Run(context.Background(), []string{"list", "1004", "1001", "--per-page", "20", "-o", format}, ios)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if g.timedOut || g.waited != 2 {
				t.Errorf("%d held pages released, timed out %v; want pages 2 and 18 released by the first output and 1001's request", g.waited, g.timedOut)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			wantLines := 350 + 5
			if format == "csv" {
				wantLines++ // the header
			}
			if len(lines) != wantLines {
				t.Fatalf("%d lines, want %d", len(lines), wantLines)
			}
		})
	}
}

func TestListSessionsShareTheConcurrency(t *testing.T) {
	// The first three requests are held until the third has arrived, so
	// that three are surely in flight at once; a fourth must wait.
	const concurrency = 3
	var arrived atomic.Int32
	overlap := make(chan struct{})
	g := &gatedMock{hold: func(*http.Request) <-chan struct{} {
		switch n := arrived.Add(1); {
		case n == concurrency:
			close(overlap)
			return overlap
		case n < concurrency:
			return overlap
		}
		return nil
	}}
	newGatedMock(t, g)
	res := runCLI(t, "list", "1004", "1002", "1004", "1003", "--per-page", "50", "--concurrency", strconv.Itoa(concurrency), "-o", "csv", "--no-headers")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if len(g.arrivals) != 7+1+7+1 {
		t.Errorf("%d requests, want 16", len(g.arrivals))
	}
	if g.timedOut || g.waited != concurrency {
		t.Errorf("%d held requests released, timed out %v; want %d released together", g.waited, g.timedOut, concurrency)
	}
	if g.most > concurrency {
		t.Errorf("%d requests in flight at once, want at most %d", g.most, concurrency)
	}
	var sessions []string
	for line := range strings.Lines(res.stdout) {
		if id := strings.Split(line, ",")[0]; len(sessions) == 0 || sessions[len(sessions)-1] != id {
			sessions = append(sessions, id)
		}
	}
	if want := []string{"1004", "1002", "1004", "1003"}; !reflect.DeepEqual(sessions, want) {
		t.Errorf("sessions printed in order %v, want %v", sessions, want)
	}
	if n := strings.Count(res.stdout, "\n"); n != 350+3+350+4 {
		t.Errorf("%d rows, want 707", n)
	}
}
