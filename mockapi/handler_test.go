package mockapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestAuth(t *testing.T) {
	const unauth = `{"message":"Unauthenticated."}`
	tests := []struct {
		name, token, header string
		code                int
	}{
		{"off, no header", "", "", 200},
		{"off, any token", "", "Bearer whatever", 200},
		{"on, right token", "t0k", "Bearer t0k", 200},
		{"on, no header", "t0k", "", 401},
		{"on, wrong token", "t0k", "Bearer nope", 401},
		{"on, wrong scheme", "t0k", "Basic t0k", 401},
		{"on, bare token", "t0k", "t0k", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHandler(WithFixture(DefaultFixture()), WithToken(tt.token))
			for _, m := range []struct{ method, body string }{{http.MethodGet, ""}, {http.MethodPost, `{"action_type":"ENTERED"}`}} {
				w := send(t, h, m.method, logPath("1002"), m.body, "Authorization", tt.header)
				wantStatus(t, w, tt.code)
				if tt.code == 401 {
					wantBody(t, w, unauth)
				}
			}
			want := map[int]int{200: 4, 401: 3}[tt.code]
			if got, _ := h.Entries("1002"); len(got) != want {
				t.Errorf("%d entries, want %d", len(got), want)
			}
		})
	}
	t.Run("unknown route answers 404 before auth", func(t *testing.T) {
		h := NewHandler(WithToken("t"))
		wantStatus(t, send(t, h, http.MethodGet, "/v1/nothing", ""), 404)
	})
	t.Run("unknown session answers 401 without token", func(t *testing.T) {
		h := NewHandler(WithToken("t"))
		w := send(t, h, http.MethodGet, logPath("1"), "")
		wantBody(t, w, unauth)
	})
}

func TestRoutes(t *testing.T) {
	tests := []struct {
		name, method, target string
		code                 int
		body, allow          string
	}{
		{"unknown path", "GET", "/v1/customer/sessions", 404, `{"message":"The route v1/customer/sessions could not be found."}`, ""},
		{"root", "GET", "/", 404, `{"message":"The route / could not be found."}`, ""},
		{"missing id", "GET", "/v1/customer/sessions//log", 404, `{"message":"The route v1/customer/sessions//log could not be found."}`, ""},
		{"two segments", "GET", "/v1/customer/sessions/a/b/log", 404, `{"message":"The route v1/customer/sessions/a/b/log could not be found."}`, ""},
		{"extra suffix", "GET", "/v1/customer/sessions/1001/logs", 404, `{"message":"The route v1/customer/sessions/1001/logs could not be found."}`, ""},
		{"base path missing", "GET", "/api/v1/customer/sessions/1001/log", 404, `{"message":"The route api/v1/customer/sessions/1001/log could not be found."}`, ""},
		{"put", "PUT", "/v1/customer/sessions/1001/log", 405, `{"message":"The PUT method is not supported for route v1/customer/sessions/1001/log. Supported methods: GET, HEAD, POST."}`, "GET, HEAD, POST"},
		{"delete", "DELETE", "/v1/customer/sessions/9/log/", 405, `{"message":"The DELETE method is not supported for route v1/customer/sessions/9/log. Supported methods: GET, HEAD, POST."}`, "GET, HEAD, POST"},
		{"options", "OPTIONS", "/v1/customer/sessions/1001/log", 200, ``, "GET,HEAD,POST"},
		{"trailing slash", "GET", "/v1/customer/sessions/1005/log/", 200, `{"success":true,"message":"تم جلب البيانات بنجاح","data":{"current_page":1,"data":[],"first_page_url":"http://example.com/v1/customer/sessions/1005/log?page=1","from":null,"last_page":1,"last_page_url":"http://example.com/v1/customer/sessions/1005/log?page=1","links":[{"url":null,"label":"&laquo; Previous","active":false},{"url":"http://example.com/v1/customer/sessions/1005/log?page=1","label":"1","active":true},{"url":null,"label":"Next &raquo;","active":false}],"next_page_url":null,"path":"http://example.com/v1/customer/sessions/1005/log","per_page":30,"prev_page_url":null,"to":null,"total":0},"statusCode":200}`, ""},
	}
	h := NewHandler(WithFixture(DefaultFixture()))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := send(t, h, tt.method, tt.target, "")
			wantStatus(t, w, tt.code)
			wantBody(t, w, tt.body)
			if got := w.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}
	t.Run("head", func(t *testing.T) {
		w := send(t, h, http.MethodHead, logPath("1001"), "")
		wantStatus(t, w, 200)
	})
}

func TestBasePathAndStripPrefix(t *testing.T) {
	const want = "http://example.com/api/v1/customer/sessions/1001/log"
	mounted := NewHandler(WithFixture(DefaultFixture()), WithBasePath("api/"))
	stripped := http.StripPrefix("/api", NewHandler(WithFixture(DefaultFixture())))
	for name, h := range map[string]http.Handler{"WithBasePath": mounted, "StripPrefix": stripped} {
		t.Run(name, func(t *testing.T) {
			p := getPage(t, h, "/api"+logPath("1001")+"?page=1")
			if p.Path != want || p.FirstPageURL != want+"?page=1" || len(p.Data) != 5 {
				t.Errorf("path %s, first %s, %d entries", p.Path, p.FirstPageURL, len(p.Data))
			}
			wantStatus(t, send(t, h, http.MethodGet, "/api"+logPath("9"), ""), 404)
		})
	}
	wantStatus(t, send(t, mounted, http.MethodGet, logPath("1001"), ""), 404)
	wantStatus(t, send(t, mounted, http.MethodGet, "/apiv1/customer/sessions/1001/log", ""), 404)
}

func TestEscapedIDs(t *testing.T) {
	h := NewHandler(WithClock(func() time.Time { return at(12, 0) }))
	for _, id := range []string{"a/b", "with space", "ع-1", "50%"} {
		h.AddSession(id)
	}
	tests := []struct{ segment, id string }{
		{"a%2Fb", "a/b"},
		{"a%2fb", "a/b"},
		{"with%20space", "with space"},
		{"%D8%B9-1", "ع-1"},
		{"50%25", "50%"},
	}
	for _, tt := range tests {
		t.Run(tt.segment, func(t *testing.T) {
			before, _ := h.Entries(tt.id)
			wantStatus(t, send(t, h, http.MethodPost, logPath(tt.segment), `{"action_type":"ENTERED"}`), 200)
			if got, _ := h.Entries(tt.id); len(got) != len(before)+1 {
				t.Errorf("%d entries in %q, want %d", len(got), tt.id, len(before)+1)
			}
			p := getPage(t, h, logPath(tt.segment))
			if want := "http://example.com" + logPath(tt.segment); p.Path != want {
				t.Errorf("path = %s, want %s", p.Path, want)
			}
		})
	}
	if id, ok := matchLogRoute(logPath("bad%zz")); ok {
		t.Errorf("bad escape matched as %q", id)
	}
	recs := h.Requests()
	if got := recs[0].SessionID; got != "a/b" {
		t.Errorf("recorded session id = %q", got)
	}
}

func TestRequestsAndLog(t *testing.T) {
	var buf bytes.Buffer
	h := NewHandler(WithFixture(DefaultFixture()), WithToken("secret"), WithRequestLog(&buf))
	auth := []string{"Authorization", "Bearer secret"}
	send(t, h, http.MethodGet, logPath("1001")+"?page=2", "", auth...)
	send(t, h, http.MethodPost, logPath("1002"), `{"action_type":"LEFT"}`, auth...)
	send(t, h, http.MethodPost, logPath("1002"), `{"action_type":"LEFT"}`)
	send(t, h, http.MethodPatch, "/nowhere", "")

	if got := []int{h.RequestCount(""), h.RequestCount("GET"), h.RequestCount("POST"), h.RequestCount("PATCH"), h.RequestCount("PUT")}; !slices.Equal(got, []int{4, 1, 2, 1, 0}) {
		t.Errorf("counts = %v", got)
	}
	var got []string
	for _, r := range h.Requests() {
		got = append(got, fmt.Sprintf("%s %s ?%s id=%q %d %q auth=%q accept=%q", r.Method, r.Path, r.Query, r.SessionID, r.Status, r.Body, r.Header.Get("Authorization"), r.Header.Get("Accept")))
	}
	want := []string{
		`GET /v1/customer/sessions/1001/log ?page=2 id="1001" 200 "" auth="" accept="application/json"`,
		`POST /v1/customer/sessions/1002/log ? id="1002" 200 "{\"action_type\":\"LEFT\"}" auth="" accept="application/json"`,
		`POST /v1/customer/sessions/1002/log ? id="1002" 401 "{\"action_type\":\"LEFT\"}" auth="" accept="application/json"`,
		`PATCH /nowhere ? id="" 404 "" auth="" accept="application/json"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("requests =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	line := regexp.MustCompile(`^(GET|POST|PATCH) (\S+) (\d{3}) \d+(\.\d+)?(µs|ms|s)$`)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	wantLines := []string{"GET /v1/customer/sessions/1001/log?page=2 200", "POST /v1/customer/sessions/1002/log 200", "POST /v1/customer/sessions/1002/log 401", "PATCH /nowhere 404"}
	if len(lines) != len(wantLines) {
		t.Fatalf("log =\n%s", buf.String())
	}
	for i, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil || m[1]+" "+m[2]+" "+m[3] != wantLines[i] {
			t.Errorf("log line %q, want %q and a duration", l, wantLines[i])
		}
	}
	if strings.Contains(buf.String(), "secret") {
		t.Error("log contains the token")
	}
	recs := h.Requests()
	recs[0].Header.Set("Accept", "changed")
	if h.Requests()[0].Header.Get("Accept") != "application/json" {
		t.Error("Requests shares headers with the handler")
	}
}

func TestRequestsKeepsTheLatest(t *testing.T) {
	h := NewHandler()
	for i := range maxRecords + 5 {
		send(t, h, http.MethodGet, fmt.Sprintf("/n/%d", i), "")
	}
	recs := h.Requests()
	if len(recs) != maxRecords || recs[0].Path != "/n/5" || recs[len(recs)-1].Path != fmt.Sprintf("/n/%d", maxRecords+4) {
		t.Errorf("%d records from %s to %s", len(recs), recs[0].Path, recs[len(recs)-1].Path)
	}
	if got := h.RequestCount("GET"); got != maxRecords+5 {
		t.Errorf("count = %d", got)
	}
}

func TestLatency(t *testing.T) {
	t.Run("waits", func(t *testing.T) {
		h := NewHandler(WithLatency(30 * time.Millisecond))
		h.AddSession("s")
		start := time.Now()
		wantStatus(t, send(t, h, http.MethodGet, logPath("s"), ""), 200)
		if took := time.Since(start); took < 30*time.Millisecond {
			t.Errorf("answered after %v", took)
		}
	})
	t.Run("gives up when the request is cancelled", func(t *testing.T) {
		h := NewHandler(WithLatency(time.Minute))
		h.AddSession("s")
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		req := httptest.NewRequestWithContext(ctx, http.MethodPost, logPath("s"), strings.NewReader(`{"action_type":"ENTERED"}`))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(w, req)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("returned after %v", took)
		}
		if w.Body.Len() != 0 {
			t.Errorf("wrote %s", w.Body)
		}
		if got, _ := h.Entries("s"); len(got) != 0 {
			t.Errorf("stored %d entries", len(got))
		}
		if recs := h.Requests(); len(recs) != 1 || recs[0].Status != 0 {
			t.Errorf("records = %+v", recs)
		}
	})
}

func TestConcurrentUse(t *testing.T) {
	const writers, posts, readers = 8, 25, 4
	clock := &stepClock{t: at(8, 0), step: time.Second}
	h := NewHandler(WithClock(clock.now), WithLocation(time.UTC))
	h.AddSession("s")
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for range posts {
				if w := send(t, h, http.MethodPost, logPath("s"), `{"action_type":"ENTERED"}`); w.Code != 200 {
					t.Errorf("POST: %d", w.Code)
				}
			}
		})
	}
	for range readers {
		wg.Go(func() {
			for range posts {
				if w := send(t, h, http.MethodGet, logPath("s")+"?per_page=7", ""); w.Code != 200 {
					t.Errorf("GET: %d", w.Code)
				}
				h.Entries("s")
				h.Requests()
			}
		})
	}
	wg.Wait()
	got, _ := h.Entries("s")
	if len(got) != writers*posts {
		t.Errorf("%d entries, want %d", len(got), writers*posts)
	}
	if !slices.IsSortedFunc(got, func(a, b Entry) int { return a.Time.Compare(b.Time) }) {
		t.Error("entries are not in chronological order")
	}
	if g, p := h.RequestCount("GET"), h.RequestCount("POST"); g != readers*posts || p != writers*posts {
		t.Errorf("GET %d, POST %d", g, p)
	}
}
