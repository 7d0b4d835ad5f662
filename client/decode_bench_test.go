package client

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

// BenchmarkDecodeListReply1000 decodes one 1,000-entry page of the mock's
// replies, as ListLogs does after reading the body; it reports the time
// and allocations per entry besides those per page.
func BenchmarkDecodeListReply1000(b *testing.B) {
	const perPage = 1000
	h := mockapi.NewHandler(benchSession(2 * perPage)...)
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
}
