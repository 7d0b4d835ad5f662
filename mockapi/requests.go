package mockapi

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// maxRecords is how many requests Requests keeps (the most recent).
const maxRecords = 10000

// maxJournalBody is how much of a request body a record keeps.
const maxJournalBody = 64 << 10

// RequestRecord is one request the Handler received.
type RequestRecord struct {
	// Time is when it arrived: the wall clock, or the frozen time under
	// WithFrozenClock or SetClock, moved by AdvanceClock as well.
	Time   time.Time
	Method string
	// Path is the escaped path the client sent, including any base path.
	Path string
	// Query is the raw query string.
	Query string
	// Header is the request's header without Authorization.
	Header http.Header
	// Body is the request's body, its first 64 KiB when longer.
	Body string
	// SessionID is the decoded {id} when the log route matched, else "".
	SessionID string
	// Status is the reply's status code, 0 when no reply was written: a
	// fault dropped the connection, or the request's context ended during
	// WithLatency or a fault's delay.
	Status int
}

// requestLog keeps the records, counts per method and the optional log writer.
type requestLog struct {
	mu      sync.Mutex
	w       io.Writer
	records []RequestRecord
	counts  map[string]int
}

// newRecord starts the record of r, which arrived at now.
func newRecord(r *http.Request, now time.Time) RequestRecord {
	header := r.Header.Clone()
	header.Del("Authorization")
	return RequestRecord{Time: now, Method: r.Method, Path: requestPath(r), Query: r.URL.RawQuery, Header: header}
}

// journalBody reads the first maxJournalBody bytes of r's body for the
// journal and returns them with a body that still reads the whole of it.
func journalBody(r *http.Request) (string, io.ReadCloser) {
	if r.Body == nil || r.Body == http.NoBody {
		return "", r.Body
	}
	head, _ := io.ReadAll(io.LimitReader(r.Body, maxJournalBody)) // a read error shows again to the API's own read
	return string(head), readCloser{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
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
	l.writeLine(rec, rec.Status, took)
}

// log writes the log line of a request that is not journalled (an admin
// request) and its reply's status.
func (l *requestLog) log(rec RequestRecord, status int, took time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writeLine(rec, status, took)
}

// writeLine writes rec's log line, if there is a log; l.mu is held.
func (l *requestLog) writeLine(rec RequestRecord, status int, took time.Duration) {
	if l.w == nil {
		return
	}
	uri := rec.Path
	if rec.Query != "" {
		uri += "?" + rec.Query
	}
	// The log is best effort: a failing writer must not fail the request.
	_, _ = fmt.Fprintf(l.w, "%s %s %d %s\n", rec.Method, uri, status, took.Round(time.Microsecond))
}

// ClearRequests empties the journal, so that Requests and RequestCount
// start again from nothing, and returns how many records it held.
func (h *Handler) ClearRequests() int {
	h.requests.mu.Lock()
	defer h.requests.mu.Unlock()
	n := len(h.requests.records)
	h.requests.records = nil
	clear(h.requests.counts)
	return n
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
