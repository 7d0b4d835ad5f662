package mockapi

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sessionlog/sessionlog/internal/clock"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// Handler is an in-memory session-log API as an http.Handler, with an
// admin API under /_mock/ (see the package documentation). It is safe for
// concurrent use.
type Handler struct {
	basePath   string
	token      string
	latency    time.Duration
	clock      *mockClock
	loc        *time.Location
	maxPerPage int
	autoCreate bool

	fixture     *Fixture      // what Reset restores; nil for none
	startFaults []faults.Rule // what Reset re-arms
	faults      *faults.Layer // the fault layer around api
	api         http.Handler  // the API itself, without faults or journal

	mu       sync.RWMutex
	sessions map[string]*session

	requests requestLog
}

// NewHandler returns a Handler with an empty store, or with the sessions of
// WithFixture. Dates render in WithLocation's zone, else the fixture's,
// else time.Local; tests should fix the zone and WithClock.
func NewHandler(opts ...Option) *Handler {
	return newHandler(newConfig(opts))
}

// newHandler builds a Handler from c.
func newHandler(c config) *Handler {
	h := &Handler{
		basePath:    c.basePath,
		token:       c.token,
		latency:     c.latency,
		clock:       newMockClock(c.clock, c.frozenAt),
		loc:         c.loc,
		maxPerPage:  c.maxPerPage,
		autoCreate:  c.autoCreate,
		fixture:     c.fixture,
		startFaults: c.faults,
		sessions:    make(map[string]*session),
		requests:    requestLog{w: c.requestLog, counts: make(map[string]int)},
	}
	h.api = http.HandlerFunc(h.serveAPI)
	h.faults = faults.Wrap(h.api, c.faults...)
	if h.loc == nil && c.fixture != nil {
		h.loc = c.fixture.Location
	}
	if h.loc == nil {
		h.loc = time.Local
	}
	h.loadFixture()
	return h
}

// loadFixture replaces the store with the fixture's sessions.
func (h *Handler) loadFixture() {
	h.mu.Lock()
	clear(h.sessions)
	h.mu.Unlock()
	if h.fixture != nil {
		h.AddFixture(h.fixture)
	}
}

// Reset brings the Handler back to how it started: the fixture's sessions
// (those marked AnchorToStart anchored again), the WithFaults rules
// re-armed and later ones removed, an empty journal and the clock back
// where it started.
func (h *Handler) Reset() {
	h.clock.reset()
	h.loadFixture()
	h.faults.SetRules(h.startFaults...)
	h.faults.ClearRequests()
	h.ClearRequests()
}

// AddFaults adds rules after the Handler's fault rules.
func (h *Handler) AddFaults(rules ...faults.Rule) { h.faults.AddRules(rules...) }

// ClearFaults removes every fault rule, WithFaults ones included, and
// returns how many there were.
func (h *Handler) ClearFaults() int { return h.faults.SetRules() }

// ServeHTTP answers one request: the admin API under /_mock/, else the
// API behind the fault rules, recorded in the journal.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rel, inBase := h.relativePath(r.URL.EscapedPath())
	if inBase && isAdminPath(rel) {
		sw := &statusWriter{ResponseWriter: w, started: func(status int) {
			h.requests.log(newRecord(r, h.clock.wall()), status, time.Since(start))
		}}
		rep := h.routeAdmin(r, rel)
		rep.write(sw)
		return
	}
	rec := newRecord(r, h.clock.wall())
	rec.Body, r.Body = journalBody(r)
	if inBase {
		rec.SessionID, _ = matchLogRoute(rel)
	}
	// The record is stored as the reply starts, before the client can see
	// it, so that a client that got its reply finds it in the journal.
	sw := &statusWriter{ResponseWriter: w, started: func(status int) {
		rec.Status = status
		h.requests.add(rec, time.Since(start))
	}}
	h.faults.ServeHTTP(sw, r)
	sw.start(0) // no reply was sent
}

// serveAPI answers r as the API would, after the configured latency.
func (h *Handler) serveAPI(w http.ResponseWriter, r *http.Request) {
	if h.wait(r.Context()) {
		rep := h.serve(r)
		rep.write(w)
	}
}

// wait sleeps for the configured latency; it reports false if ctx ended first.
func (h *Handler) wait(ctx context.Context) bool {
	return clock.Sleep(ctx, h.latency) == nil
}

// serve routes r in Laravel's order: route match (404/405), then
// authentication (401), then the controller.
func (h *Handler) serve(r *http.Request) reply {
	full := r.URL.EscapedPath() // Laravel's messages name the whole path
	rel, ok := h.relativePath(full)
	if !ok {
		return routeNotFound(full)
	}
	id, ok := matchLogRoute(rel)
	if !ok {
		return routeNotFound(full)
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if !h.authorized(r) {
			return unauthenticated()
		}
		return h.list(r, id)
	case http.MethodPost:
		body, ok := readBody(r)
		if !h.authorized(r) {
			return unauthenticated()
		}
		return h.create(id, r.Header.Get("Content-Type"), body, ok)
	case http.MethodOptions:
		return reply{status: http.StatusOK, allow: "GET,HEAD,POST"}
	default:
		return methodNotAllowed(r.Method, full)
	}
}

// authorized reports whether r carries the configured bearer token.
func (h *Handler) authorized(r *http.Request) bool {
	return h.token == "" || r.Header.Get("Authorization") == "Bearer "+h.token
}

// statusWriter calls started once, with the status, as the reply starts
// (before it reaches the client), or with 0 when the connection is
// hijacked to be dropped.
type statusWriter struct {
	http.ResponseWriter
	started func(status int)
	done    bool
}

// start calls started the first time only.
func (w *statusWriter) start(status int) {
	if !w.done {
		w.done = true
		w.started(status)
	}
}

// WriteHeader records code and passes it on.
func (w *statusWriter) WriteHeader(code int) {
	w.start(code)
	w.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200 and passes b on.
func (w *statusWriter) Write(b []byte) (int, error) {
	w.start(http.StatusOK)
	return w.ResponseWriter.Write(b)
}

// Flush records an implicit 200 and flushes.
func (w *statusWriter) Flush() {
	w.start(http.StatusOK)
	_ = http.NewResponseController(w.ResponseWriter).Flush() // as http.Flusher, it cannot report
}

// Hijack records that no reply was sent and hands over the connection.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.start(0)
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
