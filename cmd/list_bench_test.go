package cmd

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

// BenchmarkListCPUBound lists a session of 20,000 entries, 1,000 a page,
// 8 requests at once, from an in-process mock without latency: what
// paging, decoding and printing cost per entry (ns/entry, and allocations
// per listing). scripts/bench.sh measures the same on 200,000 entries
// against a plain-Go client.
func BenchmarkListCPUBound(b *testing.B) {
	const entries = 20_000
	fixture, err := mockapi.ParseFixture([]byte("timezone: UTC\nsessions:\n  - id: \"1\"\n    generate: 20000\n"))
	if err != nil {
		b.Fatal(err)
	}
	srv, err := mockapi.NewServer(mockapi.WithFixture(fixture), mockapi.WithBasePath("/api"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	for _, format := range []string{"jsonl", "table"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ios, _, _, errOut := TestIO()
				lines := &lineCounter{}
				ios.Out = lines
				args := []string{"--base-url", srv.URL(), "list", "1", "--per-page", "1000", "--concurrency", "8", "-o", format}
				if code := Run(context.Background(), args, ios); code != 0 {
					b.Fatalf("exit %d: %s", code, strings.TrimSpace(errOut.String()))
				}
				if want := entries + map[string]int{"table": 1}[format]; lines.n != want {
					b.Fatalf("%d lines, want %d", lines.n, want)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*entries), "ns/entry")
		})
	}
}

// lineCounter is an output that keeps only the number of lines written.
type lineCounter struct{ n int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte("\n"))
	return len(p), nil
}
