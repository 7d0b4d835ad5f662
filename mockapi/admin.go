package mockapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// adminPrefix starts the admin API's paths, under the base path.
const adminPrefix = "/_mock/"

// isAdminPath reports whether rel, a path under the base path, is the
// admin API's.
func isAdminPath(rel string) bool { return strings.HasPrefix(rel, adminPrefix) }

// adminRoute is one admin endpoint: its handlers by method.
type adminRoute map[string]func(h *Handler, r *http.Request) reply

// adminRoutes are the admin endpoints by path after adminPrefix.
var adminRoutes = map[string]adminRoute{
	"reset":    {http.MethodPost: (*Handler).adminReset},
	"requests": {http.MethodGet: (*Handler).adminRequests, http.MethodDelete: (*Handler).adminClearRequests},
	"faults":   {http.MethodPost: (*Handler).adminAddFaults, http.MethodDelete: (*Handler).adminClearFaults},
	"sessions": {http.MethodPost: (*Handler).adminAddSessions},
	"clock":    {http.MethodPost: (*Handler).adminClock},
	"health":   {http.MethodGet: (*Handler).adminHealth},
}

// routeAdmin answers an admin request; rel is its path under the base
// path. Like the API it checks the route (404, 405), then the token (401).
func (h *Handler) routeAdmin(r *http.Request, rel string) reply {
	route, ok := adminRoutes[strings.TrimRight(strings.TrimPrefix(rel, adminPrefix), "/")]
	if !ok {
		return routeNotFound(r.URL.EscapedPath())
	}
	run, ok := route[r.Method]
	if !ok {
		allow := slices.Sorted(maps.Keys(route))
		msg := fmt.Sprintf("The %s method is not supported for route %s. Supported methods: %s.", r.Method, laravelPath(r.URL.EscapedPath()), strings.Join(allow, ", "))
		return reply{status: http.StatusMethodNotAllowed, allow: strings.Join(allow, ", "), body: laravelError{Message: msg}}
	}
	if !h.authorized(r) {
		return unauthenticated()
	}
	return run(h, r)
}

// badAdminRequest is the reply to an admin request whose body is wrong.
func badAdminRequest(err error) reply {
	return reply{status: http.StatusBadRequest, body: laravelError{Message: err.Error()}}
}

// adminState is what health and reset answer.
type adminState struct {
	Status   string   `json:"status"`
	Now      string   `json:"now"`
	Frozen   bool     `json:"frozen"`
	Sessions []string `json:"sessions"`
	Faults   int      `json:"faults"`
	Requests int      `json:"requests"`
}

// state describes the Handler now.
func (h *Handler) state() adminState {
	now, frozen := h.clock.read()
	return adminState{
		Status:   "ok",
		Now:      formatAdminTime(now),
		Frozen:   frozen,
		Sessions: h.Sessions(),
		Faults:   h.faults.RuleCount(),
		Requests: h.RequestCount(""),
	}
}

// formatAdminTime is how the admin API writes times: RFC 3339 in UTC.
func formatAdminTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func (h *Handler) adminHealth(*http.Request) reply {
	return reply{status: http.StatusOK, body: h.state()}
}

func (h *Handler) adminReset(*http.Request) reply {
	h.Reset()
	return reply{status: http.StatusOK, body: h.state()}
}

// journalEntry is one request of GET /_mock/requests.
type journalEntry struct {
	Time   string `json:"time"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query"`
	Status int    `json:"status"`
	Body   string `json:"body"`
}

func (h *Handler) adminRequests(*http.Request) reply {
	records := h.Requests()
	out := make([]journalEntry, len(records))
	for i, rec := range records {
		out[i] = journalEntry{
			Time: formatAdminTime(rec.Time), Method: rec.Method, Path: rec.Path,
			Query: rec.Query, Status: rec.Status, Body: rec.Body,
		}
	}
	return reply{status: http.StatusOK, body: out}
}

// countReply answers how many items an admin request removed or added.
type countReply struct {
	Deleted *int `json:"deleted,omitempty"`
	Added   *int `json:"added,omitempty"`
	Faults  *int `json:"faults,omitempty"`
}

func (h *Handler) adminClearRequests(*http.Request) reply {
	n := h.ClearRequests()
	h.faults.ClearRequests()
	return reply{status: http.StatusOK, body: countReply{Deleted: &n}}
}

func (h *Handler) adminAddFaults(r *http.Request) reply {
	body, ok := readBody(r)
	if !ok {
		return badAdminRequest(errors.New("the body is too large or could not be read"))
	}
	specs, err := faults.ParseSpecs(body)
	if err != nil {
		return badAdminRequest(err)
	}
	rules, err := faults.Rules(specs)
	if err != nil {
		return badAdminRequest(err)
	}
	h.AddFaults(rules...)
	added, total := len(rules), h.faults.RuleCount()
	return reply{status: http.StatusOK, body: countReply{Added: &added, Faults: &total}}
}

func (h *Handler) adminClearFaults(*http.Request) reply {
	n := h.ClearFaults()
	return reply{status: http.StatusOK, body: countReply{Deleted: &n}}
}

// sessionsReply answers POST /_mock/sessions.
type sessionsReply struct {
	Added []string `json:"added"`
}

func (h *Handler) adminAddSessions(r *http.Request) reply {
	body, ok := readBody(r)
	if !ok {
		return badAdminRequest(errors.New("the body is too large or could not be read"))
	}
	f, err := ParseFixture(body)
	if err != nil {
		return badAdminRequest(err)
	}
	h.AddFixture(f)
	ids := make([]string, len(f.Sessions))
	for i, s := range f.Sessions {
		ids[i] = s.ID
	}
	return reply{status: http.StatusOK, body: sessionsReply{Added: ids}}
}

// clockRequest is the body of POST /_mock/clock: one of its fields.
type clockRequest struct {
	Set     string `json:"set"`
	Advance string `json:"advance"`
}

// clockReply answers POST /_mock/clock.
type clockReply struct {
	Now string `json:"now"`
}

func (h *Handler) adminClock(r *http.Request) reply {
	body, ok := readBody(r)
	if !ok {
		return badAdminRequest(errors.New("the body is too large or could not be read"))
	}
	var req clockRequest
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return badAdminRequest(fmt.Errorf(`clock: want {"set": "RFC 3339 time"} or {"advance": "duration"}: %w`, err))
	}
	switch {
	case (req.Set == "") == (req.Advance == ""):
		return badAdminRequest(errors.New(`clock: give exactly one of "set" and "advance"`))
	case req.Set != "":
		t, err := time.Parse(time.RFC3339, req.Set)
		if err != nil {
			return badAdminRequest(fmt.Errorf("clock: set %q is not an RFC 3339 time", req.Set))
		}
		h.SetClock(t)
	default:
		d, err := time.ParseDuration(req.Advance)
		if err != nil {
			return badAdminRequest(fmt.Errorf("clock: advance %q is not a duration such as 11m", req.Advance))
		}
		h.AdvanceClock(d)
	}
	return reply{status: http.StatusOK, body: clockReply{Now: formatAdminTime(h.clock.now())}}
}
