package mockapi

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Handler is an in-memory session-log API as an http.Handler. It is safe
// for concurrent use.
type Handler struct {
	basePath   string
	token      string
	latency    time.Duration
	clock      func() time.Time
	loc        *time.Location
	maxPerPage int

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
		basePath:   c.basePath,
		token:      c.token,
		latency:    c.latency,
		clock:      c.clock,
		loc:        c.loc,
		maxPerPage: c.maxPerPage,
		sessions:   make(map[string]*session),
		requests:   requestLog{w: c.requestLog, counts: make(map[string]int)},
	}
	if c.fixture != nil {
		if h.loc == nil {
			h.loc = c.fixture.Location
		}
		for _, s := range c.fixture.Sessions {
			h.AddSession(s.ID, s.Entries...)
		}
	}
	if h.loc == nil {
		h.loc = time.Local
	}
	return h
}

// ServeHTTP answers one request as the API would, then records it.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := newRecord(r)
	if h.wait(r.Context()) {
		rep := h.serve(r, &rec)
		rep.write(w)
		rec.Status = rep.status
	}
	h.requests.add(rec, time.Since(start))
}

// wait sleeps for the configured latency; it reports false if ctx ended first.
func (h *Handler) wait(ctx context.Context) bool {
	if h.latency <= 0 {
		return true
	}
	t := time.NewTimer(h.latency)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// serve routes r in Laravel's order: route match (404/405), then
// authentication (401), then the controller.
func (h *Handler) serve(r *http.Request, rec *RequestRecord) reply {
	rel, ok := h.relativePath(r.URL.EscapedPath())
	if !ok {
		return routeNotFound(r.URL.EscapedPath())
	}
	id, ok := matchLogRoute(rel)
	if !ok {
		return routeNotFound(rel)
	}
	rec.SessionID = id
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if !h.authorized(r) {
			return unauthenticated()
		}
		return h.list(r, id)
	case http.MethodPost:
		body, ok := readBody(r)
		rec.Body = string(body)
		if !h.authorized(r) {
			return unauthenticated()
		}
		return h.create(id, r.Header.Get("Content-Type"), body, ok)
	case http.MethodOptions:
		return reply{status: http.StatusOK, allow: "GET,HEAD,POST"}
	default:
		return methodNotAllowed(r.Method, rel)
	}
}

// authorized reports whether r carries the configured bearer token.
func (h *Handler) authorized(r *http.Request) bool {
	return h.token == "" || r.Header.Get("Authorization") == "Bearer "+h.token
}
