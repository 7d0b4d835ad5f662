package client

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
)

// The benchmarked timeline: 3,000 entries in 100 pages of 30, each
// request answered after 50ms, as from a distant server.
const (
	benchEntries = 3000
	benchPerPage = 30
	benchLatency = 50 * time.Millisecond
)

// benchSession returns mockapi options serving session "bench" of n entries.
func benchSession(n int) []mockapi.Option {
	start := time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)
	return []mockapi.Option{
		mockapi.WithBasePath(basePath),
		mockapi.WithLocation(time.UTC),
		mockapi.WithFixture(&mockapi.Fixture{Location: time.UTC, Sessions: []mockapi.FixtureSession{
			{ID: "bench", Entries: mockapi.GenerateSession("bench", n, start)},
		}}),
	}
}

// BenchmarkTimeline fetches the whole timeline with 1, 4, 8 and 16 workers.
// Besides ns/op it reports requests/op and x_floor: the time over the
// floor of ceil(99/workers)+1 round trips of 50ms (page 1, then the other
// 99 pages workers at a time).
func BenchmarkTimeline(b *testing.B) {
	srv, err := mockapi.NewServer(append(benchSession(benchEntries), mockapi.WithLatency(benchLatency))...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	c, err := New(srv.URL())
	if err != nil {
		b.Fatal(err)
	}
	pages := (benchEntries + benchPerPage - 1) / benchPerPage
	for _, workers := range []int{1, 4, 8, 16} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			before := srv.Handler().RequestCount(http.MethodGet)
			start := time.Now()
			for b.Loop() {
				n := 0
				for _, err := range c.Entries(context.Background(), "bench", EntriesOptions{PerPage: benchPerPage}, WithConcurrency(workers)) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != benchEntries {
					b.Fatalf("%d entries", n)
				}
			}
			perOp := time.Since(start) / time.Duration(b.N)
			floor := time.Duration((pages-1+workers-1)/workers+1) * benchLatency
			b.ReportMetric(float64(srv.Handler().RequestCount(http.MethodGet)-before)/float64(b.N), "requests/op")
			b.ReportMetric(float64(perOp)/float64(floor), "x_floor")
		})
	}
}

// BenchmarkDecodeListReply decodes one page of the mock's replies, as
// ListLogs does after reading the body, at 30, 100 and 1,000 entries a page.
func BenchmarkDecodeListReply(b *testing.B) {
	h := mockapi.NewHandler(benchSession(benchEntries)...)
	for _, perPage := range []int{30, 100, 1000} {
		b.Run(fmt.Sprintf("per_page=%d", perPage), func(b *testing.B) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, fmt.Sprintf("%sv1/customer/sessions/bench/log?page=2&per_page=%d", basePath, perPage), nil))
			rep := &reply{status: rec.Code, body: rec.Body.Bytes()}
			b.SetBytes(int64(len(rep.body)))
			b.ReportAllocs()
			for b.Loop() {
				page, err := decodeListReply(rep, 2)
				if err != nil || len(page.Entries) != perPage {
					b.Fatalf("page %+v, error %v", page, err)
				}
			}
		})
	}
}
