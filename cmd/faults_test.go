package cmd

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// The fault-injection suite: sessionlog runs in-process against the
// default-fixture mock behind a faults.Layer and must give the exact exit
// code, a one-line error without HTML or the token, the exact number of
// attempts, and leave the mock's store with no entry lost or duplicated.

// faultToken is the token every run sends; no output may ever show it.
const faultToken = "fault-suite-token-3f9a1c7e52"

// faultServer is the default-fixture mock, mounted under /api and requiring
// faultToken, behind a fault Layer.
type faultServer struct {
	mock  *mockapi.Handler
	layer *faults.Layer
	srv   *httptest.Server
}

// newFaultServer serves the mock behind rules until the test ends.
func newFaultServer(t *testing.T, rules ...faults.Rule) *faultServer {
	t.Helper()
	return newFaultServerWith(t, httptest.NewServer, rules...)
}

// newFaultServerWith is newFaultServer with the httptest constructor given
// (httptest.NewTLSServer for https).
func newFaultServerWith(t *testing.T, start func(http.Handler) *httptest.Server, rules ...faults.Rule) *faultServer {
	t.Helper()
	mock := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()),
		mockapi.WithBasePath("/api"), mockapi.WithToken(faultToken))
	layer := faults.Wrap(mock, rules...)
	srv := start(layer)
	t.Cleanup(srv.Close)
	return &faultServer{mock: mock, layer: layer, srv: srv}
}

// baseURL is the API base URL to give sessionlog.
func (s *faultServer) baseURL() string { return s.srv.URL + "/api" }

// faultArgs are the flags of every run: fast retries and a short timeout.
func faultArgs(baseURL string, args ...string) []string {
	return append([]string{"--base-url", baseURL, "--token", faultToken,
		"--retries", "2", "--max-retry-wait", "100ms", "--timeout", "2s"}, args...)
}

// problems collects the ways one run differs from what was expected.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// report fails t with the problems found, or, for a case marked with a
// known bug, skips it naming the bug and what was seen; a marked case that
// passes fails so that its mark gets removed.
func (p problems) report(t *testing.T, bug string) {
	t.Helper()
	switch {
	case bug != "" && len(p) > 0:
		t.Skipf("BUG: %s\nobserved:\n  %s", bug, strings.Join(p, "\n  "))
	case bug != "":
		t.Errorf("marked as BUG %q but passes: remove the mark", bug)
	}
	for _, msg := range p {
		t.Error(msg)
	}
}

// checkOutput checks what every run with args must get right: the exit
// code, the stderr phrases, exactly one "error:" line when failing, no HTML
// page, never the token (shown as "Bearer ***" in --debug traces), and with
// -o json a stdout that is empty or one complete JSON document.
func (p *problems) checkOutput(res cliResult, args []string, code int, phrases ...string) {
	debug := slices.Contains(args, "--debug")
	if res.code != code {
		p.addf("exit %d, want %d", res.code, code)
	}
	// Under json output stderr is JSON objects, one a line: the phrases are
	// looked for in them and in their text, laid out as the plain format does.
	text, errorLines := res.stderr, 0
	if jsonOutput(args) && !debug {
		got, err := decodeJSONStderr(res.stderr)
		if err != nil {
			p.addf("%v", err)
		}
		text, errorLines = res.stderr+got.text(), len(got.errors)
	} else {
		for line := range strings.Lines(res.stderr) {
			if strings.HasPrefix(line, "error: ") {
				errorLines++
			}
		}
	}
	for _, phrase := range phrases {
		if !strings.Contains(text, phrase) {
			p.addf("stderr lacks %q", phrase)
		}
	}
	if want := min(code, 1); errorLines != want {
		p.addf("%d \"error:\" lines in stderr, want %d", errorLines, want)
	}
	lower := strings.ToLower(res.stderr)
	if !debug && (strings.Contains(lower, "<html") || strings.Contains(lower, "<title")) {
		p.addf("stderr shows an HTML page")
	}
	if strings.Contains(res.stdout+res.stderr, faultToken) {
		p.addf("the token appears in the output")
	}
	if debug && !strings.Contains(res.stderr, "Authorization: Bearer ***") {
		p.addf("the --debug trace lacks \"Authorization: Bearer ***\"")
	}
	if i := slices.Index(args, "-o"); i >= 0 && i+1 < len(args) && args[i+1] == "json" &&
		res.stdout != "" && !json.Valid([]byte(res.stdout)) {
		p.addf("stdout is neither empty nor a complete JSON document: %q", res.stdout)
	}
	if len(*p) > 0 {
		p.addf("stderr was:\n%s", res.stderr)
	}
}

// checkCounts compares the requests the Layer saw with the wanted ones.
func (p *problems) checkCounts(layer *faults.Layer, gets, posts int) {
	if g, ps, all := layer.Count("GET"), layer.Count("POST"), layer.Count(""); g != gets || ps != posts || all != gets+posts {
		p.addf("the server saw %d GET, %d POST, %d in all; want %d GET, %d POST", g, ps, all, gets, posts)
	}
}

// checkStore compares every session of mock with the default fixture, to
// which session id must have gained exactly added.
func (p *problems) checkStore(mock *mockapi.Handler, id string, added ...mockapi.ActionType) {
	fixture := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()))
	if got, want := mock.Sessions(), fixture.Sessions(); !slices.Equal(got, want) {
		p.addf("sessions %v, want %v", got, want)
	}
	for _, sid := range fixture.Sessions() {
		want := actionTypes(fixture, sid)
		if sid == id {
			want = append(want, added...)
		}
		if got := actionTypes(mock, sid); !slices.Equal(got, want) {
			p.addf("session %s holds %v, want %v", sid, got, want)
		}
	}
}

// actionTypes lists the action types of session id's entries.
func actionTypes(h *mockapi.Handler, id string) []mockapi.ActionType {
	entries, _ := h.Entries(id)
	types := make([]mockapi.ActionType, len(entries))
	for i, e := range entries {
		types[i] = e.ActionType
	}
	return types
}

// Shorthands for the rules of the table.
func onGet(f faults.Fault) faults.Rule  { return faults.Rule{Method: http.MethodGet, Fault: f} }
func onPost(f faults.Fault) faults.Rule { return faults.Rule{Method: http.MethodPost, Fault: f} }
func once(r faults.Rule) faults.Rule    { r.Times = 1; return r }

const (
	list1001   = "list 1001"
	createLeft = "create 1002 TEMPORARILY_LEFT"
	uncertain  = "the request may or may not have been recorded; check with `sessionlog list`"
)

func TestFaults(t *testing.T) {
	left := mockapi.ActionTemporarilyLeft
	tests := []struct {
		name        string
		rules       []faults.Rule
		args        string // after the common flags, split on spaces
		code        int
		stderr      []string
		gets, posts int
		added       []mockapi.ActionType // entries session 1002 gains
	}{
		// Rate limits.
		{name: "GET 429 Retry-After 1s once", rules: []faults.Rule{once(onGet(faults.RateLimit("1")))},
			args: list1001 + " --max-retry-wait 2s", code: 0, gets: 2,
			stderr: []string{"HTTP 429 rate limited; waiting 1s before retrying GET /api/v1/customer/sessions/1001/log (attempt 2 of 3)"}},
		{name: "GET 429 Retry-After date within the maximum wait", rules: []faults.Rule{once(onGet(rateLimitFor(time.Second)))},
			args: list1001 + " --max-retry-wait 2s", code: 0, gets: 2},
		{name: "GET 429 Retry-After date beyond the maximum wait", rules: []faults.Rule{onGet(rateLimitFor(time.Hour))},
			args: list1001 + " --max-retry-wait 1s", code: 6, gets: 1,
			stderr: []string{"error: session \"1001\": rate limited: too many requests; the server asks to wait ", "(HTTP 429)"}},
		{name: "GET 429 every attempt", rules: []faults.Rule{onGet(faults.RateLimit(""))},
			args: list1001, code: 6, gets: 3, stderr: []string{"rate limited: too many requests (HTTP 429)"}},

		// Server errors: GETs are retried.
		{name: "GET 503 every attempt", rules: []faults.Rule{onGet(faults.Laravel(503, "Service Unavailable"))},
			args: list1001, code: 6, gets: 3, stderr: []string{"error: session \"1001\": the service is unavailable (HTTP 503)"}},
		{name: "GET 500 HTML page every attempt", rules: []faults.Rule{onGet(faults.HTML(500, "Server Error"))},
			args: list1001, code: 6, gets: 3,
			stderr: []string{"error: session \"1001\": internal server error; the server returned an HTML page instead of JSON (HTTP 500)"}},
		{name: "GET 502 nginx page once", rules: []faults.Rule{once(onGet(faults.HTML(502, "502 Bad Gateway")))},
			args: list1001, code: 0, gets: 2},
		{name: "GET 504 every attempt", rules: []faults.Rule{onGet(faults.HTML(504, "504 Gateway Time-out"))},
			args: list1001, code: 6, gets: 3, stderr: []string{"gateway timeout: a proxy gave up waiting for the API server"}},
		{name: "GET 401 Laravel is not retried", rules: []faults.Rule{onGet(faults.Laravel(401, "Unauthenticated."))},
			args: list1001, code: 3, gets: 1,
			stderr: []string{"error: session \"1001\": authentication failed: the API token is missing, invalid or expired (HTTP 401)"}},
		{name: "GET 401 echoing the token", rules: []faults.Rule{onGet(faults.Laravel(401, "Token "+faultToken+" has expired"))},
			args: list1001, code: 3, gets: 1, stderr: []string{"server message: Token *** has expired"}},
		{name: "GET 502 page titled with the token", rules: []faults.Rule{onGet(faults.HTML(502, "Bad token "+faultToken))},
			args: list1001 + " --retries 0", code: 6, gets: 1, stderr: []string{"server message: Bad token ***"}},

		// Replies that are not what the API documents: never retried.
		{name: "GET truncated JSON", rules: []faults.Rule{onGet(faults.Truncate(faults.CutFramed))},
			args: list1001, code: 1, gets: 1,
			stderr: []string{"error: session \"1001\": invalid reply from the server: the reply is truncated JSON (HTTP 200)"}},
		{name: "GET HTML page with 200", rules: []faults.Rule{onGet(faults.HTML(200, "Sign in"))},
			args: list1001, code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: the server returned an HTML page instead of JSON (HTTP 200)"}},
		{name: "GET wrong shape", rules: []faults.Rule{onGet(faults.Rewrite(func(r map[string]any) { r["data"] = []any{} }))},
			args: list1001, code: 1, gets: 1, stderr: []string{"invalid reply from the server: data is not an object (HTTP 200)"}},
		{name: "GET last_page -1", rules: []faults.Rule{onGet(faults.SetPaging("last_page", -1))},
			args: list1001 + " --per-page 100", code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: negative paging numbers (last_page -1, per_page 100, total 5) (HTTP 200)"}},
		{name: "GET last_page short of total/per_page", rules: []faults.Rule{onGet(faults.SetPaging("last_page", 2))},
			args: "list 1004 --per-page 100", code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: page 1: last_page is 2, but total 350 at per_page 100 makes last_page 4"}},
		{name: "GET another page than asked", rules: []faults.Rule{onGet(faults.SetPaging("current_page", 2))},
			args: list1001, code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: asked for page 1 but the server returned page 2 (HTTP 200)"}},
		{name: "GET body over 32 MiB", rules: []faults.Rule{onGet(faults.Oversize(32<<20 + 1))},
			args: list1001, code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: the body is larger than the 33554432-byte limit (HTTP 200)"}},
		// Streamed without a Content-Length, the body is read up to the limit:
		// a timeout that reading 32 MiB cannot reach.
		{name: "GET chunked body over 32 MiB", rules: []faults.Rule{onGet(withoutLength(faults.Oversize(32<<20 + 1)))},
			args: list1001 + " --timeout 10m", code: 1, gets: 1,
			stderr: []string{"invalid reply from the server: the body is larger than the 33554432-byte limit (HTTP 200)"}},

		// Faults on one page of a long timeline (session 1004, 4 pages of 100).
		{name: "GET page 3 of 4: 503 once", rules: []faults.Rule{once(faults.Rule{Target: "page=3&", Fault: faults.Laravel(503, "Service Unavailable")})},
			args: "list 1004 --per-page 100 -o json", code: 0, gets: 5},
		{name: "GET page 2 of 4 truncated", rules: []faults.Rule{{Target: "page=2&", Fault: faults.Truncate(faults.CutFramed)}},
			args: "list 1004 --per-page 100 --concurrency 1 -o json", code: 1, gets: 2,
			stderr: []string{"error: session \"1004\": invalid reply from the server: the reply is truncated JSON (HTTP 200)"}},
		{name: "GET page 2 of 4 answered with page 1", rules: []faults.Rule{{Target: "page=2&", Fault: faults.SetPaging("current_page", 1)}},
			args: "list 1004 --per-page 100 --concurrency 1 -o json", code: 1, gets: 2,
			stderr: []string{"invalid reply from the server: asked for page 2 but the server returned page 1 (HTTP 200)"}},

		// Transport failures of a GET are retried.
		{name: "GET slower than --timeout", rules: []faults.Rule{onGet(faults.Slow(time.Minute))},
			args: list1001 + " --timeout 200ms --retries 1", code: 6, gets: 2,
			stderr: []string{"error: session \"1001\": no reply from the server within 200ms"}},
		{name: "GET dropped once", rules: []faults.Rule{once(onGet(faults.Drop()))}, args: list1001, code: 0, gets: 2},
		{name: "GET dropped every attempt", rules: []faults.Rule{onGet(faults.Drop())},
			args: list1001, code: 6, gets: 3, stderr: []string{"error: session \"1001\": the server closed the connection unexpectedly"}},
		{name: "GET cut short of its Content-Length once", rules: []faults.Rule{once(onGet(faults.Truncate(faults.CutDeclared)))},
			args: list1001, code: 0, gets: 2},
		{name: "GET chunked reply cut every attempt", rules: []faults.Rule{onGet(faults.Truncate(faults.CutChunked))},
			args: list1001, code: 6, gets: 3, stderr: []string{"the server closed the connection unexpectedly"}},

		// A POST is retried only when the server certainly did not process it.
		{name: "POST maintenance 503 once", rules: []faults.Rule{once(onPost(maintenance("1")))},
			args: createLeft + " --max-retry-wait 2s", code: 0, posts: 2, added: []mockapi.ActionType{left}},
		{name: "POST 429 Retry-After 1s once", rules: []faults.Rule{once(onPost(faults.RateLimit("1")))},
			args: createLeft + " --max-retry-wait 2s", code: 0, posts: 2, added: []mockapi.ActionType{left},
			stderr: []string{"HTTP 429 rate limited; waiting 1s before retrying POST /api/v1/customer/sessions/1002/log (attempt 2 of 3)"}},
		{name: "POST stored, answered 502", rules: []faults.Rule{onPost(faults.After(faults.HTML(502, "502 Bad Gateway")))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"error: session \"1002\": bad gateway: a proxy could not get a reply from the API server", uncertain}},
		{name: "POST stored, answered 500", rules: []faults.Rule{onPost(faults.After(faults.Laravel(500, "Server Error")))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left}, stderr: []string{"internal server error", uncertain}},
		{name: "POST answered 502 without storing", rules: []faults.Rule{onPost(faults.HTML(502, "502 Bad Gateway"))},
			args: createLeft, code: 6, posts: 1, stderr: []string{uncertain}},
		{name: "POST stored, connection dropped", rules: []faults.Rule{onPost(faults.After(faults.Drop()))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"error: session \"1002\": the server closed the connection unexpectedly; " + uncertain}},
		{name: "POST dropped before storing", rules: []faults.Rule{onPost(faults.Drop())},
			args: createLeft, code: 6, posts: 1, stderr: []string{uncertain}},
		{name: "POST slower than --timeout", rules: []faults.Rule{onPost(faults.Slow(time.Minute))},
			args: createLeft + " --timeout 200ms", code: 6, posts: 1,
			stderr: []string{"error: session \"1002\": no reply from the server within 200ms; " + uncertain}},
		{name: "POST stored, answered after --timeout", rules: []faults.Rule{onPost(faults.After(faults.Slow(time.Minute)))},
			args: createLeft + " --timeout 200ms", code: 6, posts: 1, added: []mockapi.ActionType{left}, stderr: []string{uncertain}},
		{name: "POST stored, reply cut short of its Content-Length", rules: []faults.Rule{onPost(faults.Truncate(faults.CutDeclared))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left}, stderr: []string{uncertain}},
		{name: "POST stored, reply is truncated JSON", rules: []faults.Rule{onPost(faults.Truncate(faults.CutFramed))},
			args: createLeft, code: 1, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"the reply is truncated JSON; the entry was probably recorded; check with `sessionlog list`"}},
		{name: "POST stored, reply over 32 MiB", rules: []faults.Rule{onPost(faults.After(faults.Oversize(32<<20 + 1)))},
			args: createLeft, code: 1, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"the body is larger than the 33554432-byte limit; the entry was probably recorded"}},
		{name: "POST 401 is not retried", rules: []faults.Rule{onPost(faults.Laravel(401, "Unauthenticated."))},
			args: createLeft, code: 3, posts: 1, stderr: []string{"authentication failed"}},
		{name: "second of three POSTs stored, answered 502",
			rules: []faults.Rule{{Method: http.MethodPost, Nth: 2, Times: 1, Fault: faults.After(faults.HTML(502, "502 Bad Gateway"))}},
			args:  "create 1002 TEMPORARILY_LEFT ENTERED LEFT", code: 6, posts: 2,
			added:  []mockapi.ActionType{left, mockapi.ActionEntered},
			stderr: []string{uncertain, "created 1 of 3 entries (TEMPORARILY_LEFT) before ENTERED failed; not sent: LEFT"}},

		// A create is retried on 503 only when the application itself refused it.
		{name: "POST API envelope 503 once", rules: []faults.Rule{once(onPost(faults.Status(503, http.Header{"Content-Type": {"application/json"}},
			`{"success":false,"message":"الخدمة غير متاحة","data":null,"statusCode":503}`)))},
			args: createLeft, code: 0, posts: 2, added: []mockapi.ActionType{left}},
		{name: "POST maintenance 503 every attempt", rules: []faults.Rule{onPost(maintenance("1"))},
			args: createLeft + " --max-retry-wait 2s --retries 1", code: 6, posts: 2,
			stderr: []string{"error: session \"1002\": the service is unavailable; the server asks to wait 1s (HTTP 503)"}},
		{name: "POST Laravel 503 without Retry-After", rules: []faults.Rule{onPost(maintenance(""))},
			args: createLeft, code: 6, posts: 1, stderr: []string{"error: session \"1002\": the service is unavailable; " + uncertain + " (HTTP 503)"}},
		{name: "POST stored, answered 503 by Envoy", rules: []faults.Rule{onPost(faults.After(envoyReset))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"the service is unavailable; the reply is not valid JSON", uncertain}},
		{name: "POST stored, answered 503 HTML page", rules: []faults.Rule{onPost(faults.After(faults.HTML(503, "503 Service Temporarily Unavailable")))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"the server returned an HTML page instead of JSON", uncertain}},
		{name: "POST stored, answered empty 503", rules: []faults.Rule{onPost(faults.After(faults.Status(503, nil, "")))},
			args: createLeft, code: 6, posts: 1, added: []mockapi.ActionType{left},
			stderr: []string{"the service is unavailable; the reply body is empty", uncertain}},
		{name: "GET Envoy 503 once is retried", rules: []faults.Rule{once(onGet(envoyReset))}, args: list1001, code: 0, gets: 2},

		// --debug traces every attempt with the token redacted.
		{name: "debug: GET 503 once", rules: []faults.Rule{once(onGet(faults.Laravel(503, "Service Unavailable")))},
			args: list1001 + " --debug", code: 0, gets: 2, stderr: []string{"<-- HTTP/1.1 503 Service Unavailable"}},
		{name: "debug: POST stored, answered 502", rules: []faults.Rule{onPost(faults.After(faults.HTML(502, "502 Bad Gateway")))},
			args: createLeft + " --debug", code: 6, posts: 1, added: []mockapi.ActionType{left}, stderr: []string{uncertain}},
		{name: "debug: 401 echoing the token", rules: []faults.Rule{onGet(faults.Laravel(401, "Token "+faultToken+" has expired"))},
			args: list1001 + " --debug", code: 3, gets: 1, stderr: []string{"Token *** has expired"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			s := newFaultServer(t, tt.rules...)
			args := strings.Fields(tt.args)
			res := runCLI(t, faultArgs(s.baseURL(), args...)...)
			var p problems
			p.checkOutput(res, args, tt.code, tt.stderr...)
			p.checkCounts(s.layer, tt.gets, tt.posts)
			p.checkStore(s.mock, "1002", tt.added...)
			p.report(t, "")
		})
	}
}

// maintenance is Laravel's maintenance-mode reply (php artisan down
// --retry=N): 503 {"message":"Service Unavailable"} with a Retry-After of
// retryAfter, none when "".
func maintenance(retryAfter string) faults.Fault {
	header := http.Header{"Content-Type": {"application/json"}}
	if retryAfter != "" {
		header.Set("Retry-After", retryAfter)
	}
	return faults.Status(http.StatusServiceUnavailable, header, `{"message":"Service Unavailable"}`)
}

// envoyReset is the 503 Envoy sends when the upstream connection was reset
// after the request had been forwarded.
var envoyReset = faults.Status(http.StatusServiceUnavailable, http.Header{"Content-Type": {"text/plain"}},
	"upstream connect error or disconnect/reset before headers. reset reason: connection termination")

// withoutLength serves f's reply without its Content-Length header, so that
// the body is streamed in chunks.
func withoutLength(f faults.Fault) faults.Fault {
	return faults.FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		f.Inject(lengthDropper{w}, r, next)
	})
}

// lengthDropper is a ResponseWriter that drops Content-Length from the header.
type lengthDropper struct{ http.ResponseWriter }

func (w lengthDropper) WriteHeader(status int) {
	w.Header().Del("Content-Length")
	w.ResponseWriter.WriteHeader(status)
}

// rateLimitFor answers 429 with a Retry-After of the HTTP date d after
// the request arrived.
func rateLimitFor(d time.Duration) faults.Fault {
	return faults.FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		faults.RateLimit(time.Now().Add(d).UTC().Format(http.TimeFormat)).Inject(w, r, next)
	})
}

func TestFaultConnectionRefused(t *testing.T) {
	tests := []struct {
		args   string
		method string
	}{
		{list1001, http.MethodGet},
		{createLeft, http.MethodPost},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			isolateEnv(t)
			args := append(strings.Fields(tt.args), "--debug")
			res := runCLI(t, faultArgs(closedPortURL(t), args...)...)
			var p problems
			p.checkOutput(res, args, ExitUnavailable, "could not connect to the server: connection refused")
			// Nothing listens, so the --debug trace counts the attempts:
			// the connection was never made, so a POST is retried too.
			if n := strings.Count(res.stderr, "--> "+tt.method+" "); n != 3 {
				p.addf("%d attempts traced, want 3", n)
			}
			p.report(t, "")
		})
	}
}

func TestFaultRedirects(t *testing.T) {
	const route1001 = "/api/v1/customer/sessions/1001/log"
	const route1002 = "/api/v1/customer/sessions/1002/log"
	tests := []struct {
		name string
		// rule redirects; other is the URL of the other host.
		rule                func(other string) faults.Rule
		args                string // BASE stands for this host's URL
		code                int
		stderr              []string
		selfReqs, otherReqs int // requests each host saw
	}{
		{name: "GET 307 to another host: no token there, so 401",
			rule: func(other string) faults.Rule { return onGet(faults.Redirect(307, other+route1001)) },
			args: list1001, code: 3, selfReqs: 1, otherReqs: 1,
			stderr: []string{"authentication failed", "which is not sent the token; if the API has moved, set the base URL"}},
		{name: "GET 301 to another host",
			rule: func(other string) faults.Rule { return onGet(faults.Redirect(301, other+route1001)) },
			args: list1001, code: 3, selfReqs: 1, otherReqs: 1, stderr: []string{"authentication failed"}},
		{name: "GET 308 on the same host keeps the token",
			rule: func(string) faults.Rule { return faults.Rule{Target: "/old/", Fault: faults.Redirect(308, route1001)} },
			args: list1001 + " --base-url BASE/old", code: 0, selfReqs: 2},
		{name: "POST 307 to another host: refused, nothing sent there",
			rule: func(other string) faults.Rule { return onPost(faults.Redirect(307, other+route1002)) },
			args: createLeft, code: 1, selfReqs: 1,
			stderr: []string{"refused to follow the server's redirect: it would send the new entry to another host"}},
		{name: "POST 302 would become a GET: refused",
			rule: func(other string) faults.Rule { return onPost(faults.Redirect(302, other+route1002)) },
			args: createLeft, code: 1, selfReqs: 1,
			stderr: []string{"refused to follow the server's redirect: it would turn the POST into a GET"}},
		{name: "redirect loop stops after 5 redirects",
			rule: func(string) faults.Rule { return onGet(faults.Redirect(302, route1001)) },
			args: list1001, code: 1, selfReqs: 6,
			stderr: []string{"refused to follow the server's redirect: stopped after 5 redirects"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			other := newFaultServer(t)
			self := newFaultServer(t, tt.rule(other.srv.URL))
			args := strings.Fields(strings.ReplaceAll(tt.args, "BASE", self.srv.URL))
			res := runCLI(t, faultArgs(self.baseURL(), args...)...)
			var p problems
			p.checkOutput(res, args, tt.code, tt.stderr...)
			if n := self.layer.Count(""); n != tt.selfReqs {
				p.addf("the first host saw %d requests, want %d", n, tt.selfReqs)
			}
			if n := other.layer.Count(""); n != tt.otherReqs {
				p.addf("the other host saw %d requests, want %d", n, tt.otherReqs)
			}
			for _, r := range self.layer.Requests() {
				if !r.Authorized {
					p.addf("the first host got %s %s without the token", r.Method, r.Path)
				}
			}
			for _, r := range other.layer.Requests() {
				if r.Authorized {
					p.addf("the other host got the Authorization header with %s %s", r.Method, r.Path)
				}
			}
			p.checkStore(self.mock, "")
			p.checkStore(other.mock, "")
			p.report(t, "")
		})
	}
}

func TestFaultHTTPSRedirect(t *testing.T) {
	tests := []struct {
		name   string
		rules  func(plain string) []faults.Rule
		code   int
		stderr []string
		gets   int // requests the https host saw
	}{
		{name: "https works with --ca-cert", rules: func(string) []faults.Rule { return nil }, code: 0, gets: 1},
		{name: "https to http refused",
			rules: func(plain string) []faults.Rule {
				return []faults.Rule{onGet(faults.Redirect(302, plain+"/api/v1/customer/sessions/1001/log"))}
			},
			code: 1, gets: 1,
			stderr: []string{"refused to follow the server's redirect: it goes from https to insecure http://"}},
		{name: "https to http refused, the token in the Location",
			rules: func(plain string) []faults.Rule {
				return []faults.Rule{onGet(faults.Redirect(302, plain+"/api/v1/customer/sessions/1001/log?token="+faultToken))}
			},
			code: 1, gets: 1,
			stderr: []string{"refused to follow the server's redirect: it goes from https to insecure http://", "/log?token=***"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			plain := newFaultServer(t)
			secure := newFaultServerWith(t, httptest.NewTLSServer, tt.rules(plain.srv.URL)...)
			ca := writeFile(t, "ca.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: secure.srv.Certificate().Raw})), 0o600)
			args := []string{"list", "1001", "--ca-cert", ca}
			res := runCLI(t, faultArgs(secure.baseURL(), args...)...)
			var p problems
			p.checkOutput(res, args, tt.code, tt.stderr...)
			p.checkCounts(secure.layer, tt.gets, 0)
			if n := plain.layer.Count(""); n != 0 {
				p.addf("the plain-http host saw %d requests, want 0", n)
			}
			p.report(t, "")
		})
	}
}

func TestFaultHostileSessionIDs(t *testing.T) {
	tests := []struct {
		name    string
		id      string
		segment string // the escaped path segment sent; "" when the id is refused
	}{
		{"slash", "a/b", "a%2Fb"},
		{"question mark", "x?y", "x%3Fy"},
		{"hash", "x#y", "x%23y"},
		{"percent", "50%", "50%25"},
		{"escaped slash stays as typed", "a%2Fb", "a%252Fb"},
		{"space", "a b", "a%20b"},
		{"arabic", "جلسة", "%D8%AC%D9%84%D8%B3%D8%A9"},
		{"leading dash", "-7", "-7"},
		{"dot", ".", ""},
		{"dot dot", "..", ""},
		{"newline", "\n", ""},
		{"NUL", "a\x00b", ""},
		{"5000 characters", strings.Repeat("x", 5000), ""},
		{"blank", "   ", ""},
	}
	for _, tt := range tests {
		for _, command := range []string{"list", "create"} {
			t.Run(tt.name+"/"+command, func(t *testing.T) {
				isolateEnv(t)
				s := newFaultServer(t)
				if tt.segment != "" {
					s.mock.AddSession(tt.id, mockapi.Entry{ActionType: mockapi.ActionEntered, Time: time.Now()})
				}
				args := []string{command, "--", tt.id}
				if command == "create" {
					args = append(args, "LEFT")
				}
				res := runCLI(t, faultArgs(s.baseURL(), args...)...)
				var p problems
				if tt.segment == "" {
					p.checkOutput(res, args, ExitUsage, "invalid session id")
					p.checkCounts(s.layer, 0, 0)
					p.report(t, "")
					return
				}
				p.checkOutput(res, args, 0)
				reqs := s.mock.Requests()
				wantPath := "/api/v1/customer/sessions/" + tt.segment + "/log"
				if len(reqs) != 1 || reqs[0].Path != wantPath || reqs[0].SessionID != tt.id {
					p.addf("the mock saw %+v, want one request for %s naming session %q", reqs, wantPath, tt.id)
				}
				wantEntries := map[string]int{"list": 1, "create": 2}[command]
				if entries, _ := s.mock.Entries(tt.id); len(entries) != wantEntries {
					p.addf("session %q holds %d entries, want %d", tt.id, len(entries), wantEntries)
				}
				p.report(t, "")
			})
		}
	}
}

func TestFaultInterrupt(t *testing.T) {
	slow := faults.Slow(time.Minute)
	tests := []struct {
		name  string
		rules []faults.Rule
		args  string
		// ready reports when to press Ctrl-C, once stdout also holds
		// wantStdout.
		ready      func(s *faultServer) bool
		wantStdout string
		stderr     []string
		added      []mockapi.ActionType
		bug        string
	}{
		{name: "list -o json, reply pending", rules: []faults.Rule{onGet(slow)}, args: list1001 + " -o json",
			ready: func(s *faultServer) bool { return s.layer.Count("GET") == 1 }},
		{name: "list -o json, waiting to retry", rules: []faults.Rule{onGet(faults.RateLimit("10"))},
			args: list1001 + " -o json --max-retry-wait 1m", ready: func(s *faultServer) bool { return s.layer.Count("GET") == 1 }},
		{name: "list two sessions -o json, the second pending",
			rules: []faults.Rule{{Method: http.MethodGet, Target: "/1004/", Fault: slow}}, args: "list 1001 1004 -o json",
			// Session 1001 is answered, and its entries printed.
			ready:      func(s *faultServer) bool { return s.layer.Count("GET") == 2 && s.mock.RequestCount("GET") == 1 },
			wantStdout: `"session_id": "1001"`},
		{name: "summary two sessions -o json, the second pending",
			rules: []faults.Rule{{Method: http.MethodGet, Target: "/1004/", Fault: slow}}, args: "summary 1001 1004 -o json",
			ready:      func(s *faultServer) bool { return s.layer.Count("GET") == 2 && s.mock.RequestCount("GET") == 1 },
			wantStdout: `"session_id": "1001"`},
		{name: "list --jq that never ends", args: list1001 + " --jq until(false;.)",
			ready: func(s *faultServer) bool { return s.mock.RequestCount("GET") == 1 }},
		{name: "create, POST pending", rules: []faults.Rule{onPost(slow)}, args: createLeft,
			ready:  func(s *faultServer) bool { return s.layer.Count("POST") == 1 },
			stderr: []string{uncertain},
		},
		{name: "create, POST stored and reply pending", rules: []faults.Rule{onPost(faults.After(slow))}, args: createLeft,
			ready:  func(s *faultServer) bool { return s.layer.Count("POST") == 1 && s.mock.RequestCount("POST") == 1 },
			stderr: []string{uncertain}, added: []mockapi.ActionType{mockapi.ActionTemporarilyLeft},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			s := newFaultServer(t, tt.rules...)
			ios, _, _, errOut := TestIO()
			out := &syncBuffer{}
			ios.Out = out
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan int, 1)
			args := strings.Fields(tt.args)
			go func() { done <- Run(ctx, faultArgs(s.baseURL(), args...), ios) }()
			waitFor(t, func() bool { return tt.ready(s) && strings.Contains(out.String(), tt.wantStdout) })
			cancel()
			var res cliResult
			select {
			case res.code = <-done:
			case <-time.After(eventLimit):
				t.Fatal("Run did not return after Ctrl-C")
			}
			res.stdout, res.stderr = out.String(), errOut.String()
			var p problems
			p.checkOutput(res, args, ExitInterrupted, append([]string{"interrupted"}, tt.stderr...)...)
			p.checkStore(s.mock, "1002", tt.added...)
			p.report(t, tt.bug)
		})
	}
}

// eventLimit bounds the wait for an event that a working run surely
// brings about: reached only when the run is broken.
const eventLimit = 30 * time.Second

// waitFor polls cond until it holds, failing t after eventLimit.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(eventLimit); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the run to reach the fault")
		}
	}
}

func TestFaultWrongBaseURL(t *testing.T) {
	tests := []struct {
		name string
		// mountAt is where the mock's routes start; base is appended to the
		// server's URL to make the base URL given to sessionlog.
		mountAt, base string
		rules         []faults.Rule
		args          string
		code          int
		path          string // the URL path the error must quote, "" for none
		stderr        []string
		gets, posts   int
	}{
		{name: "list without /api", mountAt: "/api", base: "", args: list1001 + " -o json", code: 2, gets: 1,
			path: "/v1/customer/sessions/1001/log", stderr: []string{"server message: The route v1/customer/sessions/1001/log could not be found.", `"kind":"config"`}},
		{name: "create without /api", mountAt: "/api", base: "", args: createLeft, code: 2, posts: 1,
			path: "/v1/customer/sessions/1002/log"},
		{name: "list with an extra /api", mountAt: "", base: "/api", args: list1001, code: 2, gets: 1,
			path: "/api/v1/customer/sessions/1001/log"},
		{name: "create with an extra /api", mountAt: "", base: "/api", args: createLeft + " -o json", code: 2, posts: 1,
			path: "/api/v1/customer/sessions/1002/log", stderr: []string{`"kind":"config"`, `"status":404`}},
		{name: "list: Laravel 8 empty 404", mountAt: "/api", base: "/api", rules: []faults.Rule{onGet(faults.Laravel(404, ""))},
			args: list1001, code: 2, gets: 1, path: "/api/v1/customer/sessions/1001/log"},
		{name: "list: nginx HTML 404", mountAt: "/api", base: "/api", rules: []faults.Rule{onGet(faults.HTML(404, "404 Not Found"))},
			args: list1001, code: 2, gets: 1, path: "/api/v1/customer/sessions/1001/log", stderr: []string{"server message: 404 Not Found"}},
		{name: "create: empty 404", mountAt: "/api", base: "/api", rules: []faults.Rule{onPost(faults.Status(404, nil, ""))},
			args: createLeft, code: 2, posts: 1, path: "/api/v1/customer/sessions/1002/log"},
		{name: "create: 405", mountAt: "/api", base: "/api",
			rules: []faults.Rule{onPost(faults.Laravel(405, "The POST method is not supported for route api/v1/customer/sessions/1002/log. Supported methods: GET, HEAD."))},
			args:  createLeft, code: 2, posts: 1, path: "/api/v1/customer/sessions/1002/log"},
		{name: "list: the API's own 404 is a missing session", mountAt: "/api", base: "/api", args: "list 9999 -o json", code: 4, gets: 1,
			stderr: []string{"error: session \"9999\" not found (HTTP 404)", `"kind":"not_found"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			mock := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()),
				mockapi.WithBasePath(tt.mountAt), mockapi.WithToken(faultToken))
			layer := faults.Wrap(mock, tt.rules...)
			srv := httptest.NewServer(layer)
			t.Cleanup(srv.Close)
			args := strings.Fields(tt.args)
			stderr := tt.stderr
			if tt.path != "" {
				stderr = append(stderr, fmt.Sprintf("error: the API endpoint was not found at %q (HTTP ", srv.URL+tt.path),
					"the base URL is probably wrong: check it for a missing or extra path prefix, such as /api")
			}
			res := runCLI(t, faultArgs(srv.URL+tt.base, args...)...)
			var p problems
			p.checkOutput(res, args, tt.code, stderr...)
			if strings.Contains(res.stderr, "not found (HTTP") && tt.path != "" {
				p.addf("a wrong base URL is reported as a missing session")
			}
			p.checkCounts(layer, tt.gets, tt.posts)
			p.checkStore(mock, "1002")
			p.report(t, "")
		})
	}
}

func TestFaultRefusedRedirectNamesItsReasonOnce(t *testing.T) {
	isolateEnv(t)
	s := newFaultServer(t, onGet(faults.Redirect(302, "ftp://support:hunter2@files.example.com/log")))
	args := []string{"list", "1001", "--debug"}
	res := runCLI(t, faultArgs(s.baseURL(), args...)...)
	var p problems
	p.checkOutput(res, args, ExitError,
		"error: session \"1001\": refused to follow the server's redirect: unsupported scheme in ftp://support:xxxxx@files.example.com/log\n",
		"<-- Location: ftp://support:xxxxx@files.example.com/log\n")
	if n := strings.Count(res.stderr, "unsupported scheme"); n != 1 {
		p.addf("the reason is named %d times, want once", n)
	}
	if strings.Contains(res.stderr, "hunter2") {
		p.addf("the Location's password is shown")
	}
	p.checkCounts(s.layer, 1, 0)
	p.report(t, "")
}
