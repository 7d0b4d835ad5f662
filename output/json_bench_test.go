package output

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
)

// mockRecords returns n records whose entries came from a server, as the
// mock sends them.
func mockRecords(b *testing.B, n int) []Record {
	b.Helper()
	actions := []client.ActionType{client.ActionEntered, client.ActionTemporarilyLeft}
	recs := make([]Record, n)
	for i := range recs {
		raw := fmt.Sprintf(`{"text":"Customer %d changed state","date":"%d:%02d PM","action_type":%q}`, i, 1+i/60%12, i%60, actions[i%2])
		if err := json.Unmarshal([]byte(raw), &recs[i].Entry); err != nil {
			b.Fatal(err)
		}
		recs[i].SessionID, recs[i].Position = "1001", i+1
	}
	return recs
}

// BenchmarkWrite1000 writes 1,000 server entries in each JSON-based format;
// allocs/op divided by 1,000 is the allocations per entry.
func BenchmarkWrite1000(b *testing.B) {
	recs := mockRecords(b, 1000)
	for _, format := range []Format{FormatJSONL, FormatJSON, FormatYAML} {
		b.Run(string(format), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w, err := New(io.Discard, Options{Format: format})
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range recs {
					if err := w.Write(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkListJSONL is `list -o jsonl` in one process: 20,000 entries
// fetched from the mock API 1,000 a page, with no latency, and written as
// JSON Lines. It is the CPU-bound path to profile (-cpuprofile); the mock
// server's share shows under mockapi and net/http.
func BenchmarkListJSONL(b *testing.B) {
	const n = 20_000
	start := time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)
	srv, err := mockapi.NewServer(mockapi.WithLocation(time.UTC), mockapi.WithFixture(&mockapi.Fixture{
		Location: time.UTC, Sessions: []mockapi.FixtureSession{{ID: "bench", Entries: mockapi.GenerateSession("bench", n, start)}},
	}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	c, err := client.New(srv.URL())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w, err := New(io.Discard, Options{Format: FormatJSONL})
		if err != nil {
			b.Fatal(err)
		}
		written := 0
		for e, err := range c.Entries(context.Background(), "bench", client.EntriesOptions{PerPage: 1000}) {
			if err != nil {
				b.Fatal(err)
			}
			if err := w.Write(Record{SessionID: "bench", Position: e.Position, Entry: e.LogEntry}); err != nil {
				b.Fatal(err)
			}
			written++
		}
		if err := w.Close(); err != nil || written != n {
			b.Fatalf("%d entries written, error %v", written, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
}
