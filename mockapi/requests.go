package mockapi

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// maxRecords is how many requests Requests keeps (the most recent).
const maxRecords = 10000

// RequestRecord is one request the Handler received.
type RequestRecord struct {
	Method string
	// Path is the escaped path the client sent, including any base path.
	Path string
	// Query is the raw query string.
	Query string
	// Header is the request's header without Authorization.
	Header http.Header
	// Body is the body of a POST to the log route, else "".
	Body string
	// SessionID is the decoded {id} when the log route matched, else "".
	SessionID string
	// Status is the reply's status code, 0 when the request's context ended
	// during WithLatency and no reply was written.
	Status int
}

// requestLog keeps the records, counts per method and the optional log writer.
type requestLog struct {
	mu      sync.Mutex
	w       io.Writer
	records []RequestRecord
	counts  map[string]int
}

// newRecord starts the record of r.
func newRecord(r *http.Request) RequestRecord {
	header := r.Header.Clone()
	header.Del("Authorization")
	return RequestRecord{Method: r.Method, Path: requestPath(r), Query: r.URL.RawQuery, Header: header}
}

// add stores rec and writes its log line.
func (l *requestLog) add(rec RequestRecord, took time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.records) == maxRecords {
		l.records = append(l.records[:0], l.records[1:]...)
	}
	l.records = append(l.records, rec)
	l.counts[rec.Method]++
	if l.w == nil {
		return
	}
	uri := rec.Path
	if rec.Query != "" {
		uri += "?" + rec.Query
	}
	// The log is best effort: a failing writer must not fail the request.
	_, _ = fmt.Fprintf(l.w, "%s %s %d %s\n", rec.Method, uri, rec.Status, took.Round(time.Microsecond))
}

// Requests returns copies of the records of the requests received so
// far, oldest first (at most the last 10,000).
func (h *Handler) Requests() []RequestRecord {
	h.requests.mu.Lock()
	defer h.requests.mu.Unlock()
	out := make([]RequestRecord, len(h.requests.records))
	for i, rec := range h.requests.records {
		rec.Header = rec.Header.Clone()
		out[i] = rec
	}
	return out
}

// RequestCount returns how many requests with method were received
// (all of them when method is ""), whatever their outcome.
func (h *Handler) RequestCount(method string) int {
	h.requests.mu.Lock()
	defer h.requests.mu.Unlock()
	if method != "" {
		return h.requests.counts[method]
	}
	n := 0
	for _, c := range h.requests.counts {
		n += c
	}
	return n
}
