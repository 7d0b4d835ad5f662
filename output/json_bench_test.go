package output

import (
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/sessionlog/sessionlog/client"
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
