package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

func TestReplies(t *testing.T) {
	tests := []struct {
		name   string
		fault  faults.Fault
		code   int
		header map[string]string
		body   string
	}{
		{"status", faults.Status(418, http.Header{"X-A": {"1"}}, "tea"), 418,
			map[string]string{"X-A": "1", "Content-Length": "3"}, "tea"},
		{"html", faults.HTML(502, "502 Bad Gateway"), 502,
			map[string]string{"Content-Type": "text/html; charset=utf-8"},
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"},
		{"html escapes the title", faults.HTML(200, "a<b"), 200, nil,
			"<html>\r\n<head><title>a&lt;b</title></head>\r\n<body>\r\n<center><h1>a&lt;b</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"},
		{"laravel", faults.Laravel(401, "Unauthenticated."), 401,
			map[string]string{"Content-Type": "application/json", "Content-Length": "30"}, `{"message":"Unauthenticated."}`},
		{"rate limit in seconds", faults.RateLimit("1"), 429,
			map[string]string{"Retry-After": "1", "X-Ratelimit-Remaining": "0"}, `{"message":"Too Many Attempts."}`},
		{"rate limit until a date", faults.RateLimit("Wed, 21 Oct 2026 07:28:00 GMT"), 429,
			map[string]string{"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}, `{"message":"Too Many Attempts."}`},
		{"rate limit without a wait", faults.RateLimit(""), 429, map[string]string{"Retry-After": ""}, `{"message":"Too Many Attempts."}`},
		{"redirect", faults.Redirect(307, "http://other.example/api/x?y=1"), 307,
			map[string]string{"Location": "http://other.example/api/x?y=1", "Content-Length": "0"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &okHandler{}
			w := httptest.NewRecorder()
			faults.Wrap(inner, faults.Rule{Fault: tt.fault}).ServeHTTP(w, httptest.NewRequest("POST", "/", nil))
			if w.Code != tt.code || w.Body.String() != tt.body {
				t.Errorf("reply %d %q, want %d %q", w.Code, w.Body, tt.code, tt.body)
			}
			for name, want := range tt.header {
				if got := w.Header().Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if inner.served() != 0 {
				t.Error("the wrapped handler served the request")
			}
		})
	}
}

func TestOversize(t *testing.T) {
	const n = 1<<20 + 7
	_, _, url := serve(t, faults.Rule{Fault: faults.Oversize(n)})
	res := exchange(context.Background(), t, http.MethodGet, url)
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.resp.Header.Get("Content-Length") != strconv.Itoa(n) || len(res.body) != n || !json.Valid(res.body) {
		t.Fatalf("Content-Length %s, %d bytes, valid JSON %t; want %d bytes of JSON",
			res.resp.Header.Get("Content-Length"), len(res.body), json.Valid(res.body), n)
	}
	if !bytes.HasPrefix(res.body, []byte(`{"success":true,"message":"ok","data":"xxx`)) {
		t.Errorf("body starts %q", res.body[:50])
	}
}

func TestOversizeStopsWhenTheClientLeaves(t *testing.T) {
	srv := httptest.NewServer(faults.Wrap(&okHandler{}, faults.Rule{Fault: faults.Oversize(1 << 40)}))
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(io.Discard, resp.Body, 1<<20); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	srv.Close() // waits for the handler: it must notice the client has gone
}

func TestOversizeTooSmall(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Oversize(10) did not panic")
		}
	}()
	faults.Oversize(10)
}
