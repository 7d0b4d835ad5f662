package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// basePath is where every test server mounts the API.
const basePath = "/api/"

// The API document's replies, verbatim.
const (
	docListReply = `{
"success": true,
"message": "تم جلب البيانات بنجاح",
"data": {
"current_page": 1,
"data": [
{
"text": "Customer entered the session",
"date": "2:30 PM",
"action_type": "ENTERED"
},
{
"text": "Customer temporarily left the session",
"date": "2:35 PM",
"action_type": "LEFT"
}
],
"first_page_url": "http://example.com/path?page=1",
"from": 1,
"last_page": 1,
"last_page_url": "http://example.com/path?page=1",
"links": [],
"next_page_url": null,
"path": "http://example.com/path",
"per_page": 30,
"prev_page_url": null,
"to": 2,
"total": 2
},
"statusCode": 200
}`
	docCreateReply = `{
"success": true,
"message": "تم حفظ البيانات بنجاح",
"data": {
"text": "Customer entered the session",
"date": "2:30 PM",
"action_type": "ENTERED"
},
"statusCode": 200
}`
	docNotFound = `{
"success": false,
"message": "لم يتم العثور على الجلسة",
"data": null,
"statusCode": 404
}`
	docEnded = `{
"success": false,
"message": "لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة",
"data": null,
"statusCode": 422
}`
	docValidation = `{
"success": false,
"message": "بيانات غير صالحة",
"data": {
"action_type": [
"نوع الإجراء غير صالح"
]
},
"statusCode": 422
}`
)

// seenRequest is what a test server received.
type seenRequest struct {
	Method, Path, RawPath, Query string
	Header                       http.Header
	Body                         string
}

// apiServer is an httptest server that records every request and answers
// it with handle; n is the request's 1-based number.
type apiServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []seenRequest
}

func newAPIServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int)) *apiServer {
	t.Helper()
	return startAPIServer(t, false, handle)
}

// newTLSAPIServer is newAPIServer over https; its Client() trusts it.
func newTLSAPIServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int)) *apiServer {
	t.Helper()
	return startAPIServer(t, true, handle)
}

func startAPIServer(t *testing.T, useTLS bool, handle func(w http.ResponseWriter, r *http.Request, n int)) *apiServer {
	t.Helper()
	s := &apiServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, seenRequest{
			Method: r.Method, Path: r.URL.EscapedPath(), RawPath: r.URL.RawPath,
			Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: string(body),
		})
		n := len(s.seen)
		s.mu.Unlock()
		handle(w, r, n)
	}))
	if useTLS {
		s.StartTLS()
	} else {
		s.Start()
	}
	t.Cleanup(s.Close)
	return s
}

func (s *apiServer) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seenRequest(nil), s.seen...)
}

func (s *apiServer) count() int { return len(s.requests()) }

// respond answers with status, a JSON body and extra headers given as name, value pairs.
func respond(w http.ResponseWriter, status int, body string, headers ...string) {
	w.Header().Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		w.Header().Set(headers[i], headers[i+1])
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// always answers every request the same way.
func always(status int, body string, headers ...string) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, _ *http.Request, _ int) { respond(w, status, body, headers...) }
}

// fakeClock stands in for the wall clock: Sleep returns at once, records the
// wait and moves the clock on by it.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	waits []time.Duration
}

var clockStart = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waits = append(f.waits, d)
	f.t = f.t.Add(d)
	return nil
}

func (f *fakeClock) Waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

// newTestClient builds a client for base with a fake clock.
func newTestClient(t *testing.T, base string, opts ...Option) (*Client, *fakeClock) {
	t.Helper()
	c, err := New(base, opts...)
	if err != nil {
		t.Fatalf("New(%q): %v", base, err)
	}
	clock := &fakeClock{t: clockStart}
	c.now, c.sleep = clock.Now, clock.Sleep
	return c, clock
}

// asError returns err as an *Error, failing the test if it is not one.
func asError(t *testing.T, err error) *Error {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	return e
}
