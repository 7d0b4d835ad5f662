package faults_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// okHandler answers 200 "ok" and counts the requests it served.
type okHandler struct {
	mu sync.Mutex
	n  int
}

func (h *okHandler) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h.mu.Lock()
	h.n++
	h.mu.Unlock()
	_, _ = w.Write([]byte("ok"))
}

func (h *okHandler) served() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n
}

// teapot is a fault whose replies are easy to tell apart: status code.
func teapot(code int) faults.Fault { return faults.Status(code, nil, "") }

func TestRuleSelection(t *testing.T) {
	type req struct{ method, target string }
	get := req{"GET", "/v1/customer/sessions/1/log"}
	post := req{"POST", "/v1/customer/sessions/1/log"}
	other := req{"GET", "/v1/customer/sessions/2/log?page=2"}
	tests := []struct {
		name     string
		rules    []faults.Rule
		requests []req
		want     []int // index of the rule that fires, -1 for none
	}{
		{"no rules", nil, []req{get, post}, []int{-1, -1}},
		{"every request", []faults.Rule{{Fault: teapot(500)}}, []req{get, post, get}, []int{0, 0, 0}},
		{"first two", []faults.Rule{{Times: 2, Fault: teapot(500)}}, []req{get, get, get}, []int{0, 0, -1}},
		{"second only", []faults.Rule{{Nth: 2, Times: 1, Fault: teapot(500)}}, []req{get, get, get}, []int{-1, 0, -1}},
		{"from the second on", []faults.Rule{{Nth: 2, Fault: teapot(500)}}, []req{get, get, get}, []int{-1, 0, 0}},
		{"method counts its own requests", []faults.Rule{{Method: "POST", Nth: 2, Times: 1, Fault: teapot(500)}},
			[]req{post, get, get, post, post}, []int{-1, -1, -1, 0, -1}},
		{"path", []faults.Rule{{Target: "/2/", Fault: teapot(500)}}, []req{get, other, get}, []int{-1, 0, -1}},
		{"query", []faults.Rule{{Target: "?page=2", Fault: teapot(500)}}, []req{get, other, get}, []int{-1, 0, -1}},
		{"first rule that fires wins", []faults.Rule{{Times: 1, Fault: teapot(500)}, {Fault: teapot(503)}},
			[]req{get, get}, []int{0, 1}},
		{"later rules count requests an earlier one took",
			[]faults.Rule{{Times: 1, Fault: teapot(500)}, {Nth: 2, Times: 1, Fault: teapot(503)}},
			[]req{get, get, get}, []int{0, 1, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &okHandler{}
			layer := faults.Wrap(inner, tt.rules...)
			var got []int
			for _, rq := range tt.requests {
				w := httptest.NewRecorder()
				layer.ServeHTTP(w, httptest.NewRequest(rq.method, rq.target, nil))
				got = append(got, layer.Requests()[len(got)].Rule)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rules fired %v, want %v", got, tt.want)
			}
			if inner.served() != countOf(got, -1) {
				t.Errorf("inner handler served %d requests, want %d", inner.served(), countOf(got, -1))
			}
		})
	}
}

// countOf counts v in s.
func countOf(s []int, v int) int {
	n := 0
	for _, x := range s {
		if x == v {
			n++
		}
	}
	return n
}

func TestCountsAndRecords(t *testing.T) {
	layer := faults.Wrap(&okHandler{})
	for _, rq := range []struct{ method, target, auth string }{
		{"GET", "/api/v1/customer/sessions/a%2Fb/log?page=2", "Bearer secret"},
		{"POST", "/api/v1/customer/sessions/50%25/log", ""},
		{"GET", "/x", ""},
	} {
		r := httptest.NewRequest(rq.method, rq.target, nil)
		if rq.auth != "" {
			r.Header.Set("Authorization", rq.auth)
		}
		layer.ServeHTTP(httptest.NewRecorder(), r)
	}
	if g, p, all := layer.Count("GET"), layer.Count("POST"), layer.Count(""); g != 2 || p != 1 || all != 3 {
		t.Errorf("counts GET %d POST %d all %d, want 2 1 3", g, p, all)
	}
	want := []faults.Request{
		{Method: "GET", Path: "/api/v1/customer/sessions/a%2Fb/log", Query: "page=2", Authorized: true, Rule: -1},
		{Method: "POST", Path: "/api/v1/customer/sessions/50%25/log", Rule: -1},
		{Method: "GET", Path: "/x", Rule: -1},
	}
	if got := layer.Requests(); !slices.Equal(got, want) {
		t.Errorf("requests\n got %+v\nwant %+v", got, want)
	}
}

func TestConcurrentRequests(t *testing.T) {
	const n, times = 64, 10
	inner := &okHandler{}
	layer := faults.Wrap(inner, faults.Rule{Method: "GET", Times: times, Fault: teapot(503)})
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := range n {
		wg.Go(func() {
			w := httptest.NewRecorder()
			layer.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
			codes[i] = w.Code
		})
	}
	wg.Wait()
	if got := countOf(codes, 503); got != times || layer.Count("GET") != n || inner.served() != n-times {
		t.Errorf("%d faults, %d counted, %d served; want %d, %d, %d", got, layer.Count("GET"), inner.served(), times, n, n-times)
	}
}
