package faults_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

func TestConnectionFaults(t *testing.T) {
	tests := []struct {
		name   string
		fault  faults.Fault
		code   int    // the reply's status, 0 when there is none
		body   string // part of the reply body
		stored int    // entries the POST added
	}{
		{"drop", faults.Drop(), 0, "", 0},
		{"stored then dropped", faults.After(faults.Drop()), 0, "", 1},
		{"stored then 502", faults.After(faults.HTML(502, "502 Bad Gateway")), 502, "<title>502 Bad Gateway</title>", 1},
		{"slow", faults.Slow(50 * time.Millisecond), 200, `"action_type":"LEFT"`, 1},
		{"stored then slow", faults.After(faults.Slow(50 * time.Millisecond)), 200, `"action_type":"LEFT"`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mock, layer, url := serve(t, faults.Rule{Method: http.MethodPost, Fault: tt.fault})
			res := exchange(context.Background(), t, http.MethodPost, url)
			switch {
			case tt.code == 0 && res.err == nil:
				t.Errorf("got reply %d, want the connection dropped", res.resp.StatusCode)
			case tt.code != 0 && res.err != nil:
				t.Errorf("exchange failed: %v", res.err)
			case tt.code != 0 && (res.resp.StatusCode != tt.code || !strings.Contains(string(res.body), tt.body)):
				t.Errorf("reply %d %q, want %d with %q", res.resp.StatusCode, res.body, tt.code, tt.body)
			}
			if n := stored(t, mock); n != tt.stored || layer.Count("POST") != 1 {
				t.Errorf("stored %d entries in %d requests, want %d in 1", n, layer.Count("POST"), tt.stored)
			}
		})
	}
}

func TestSlowHonoursCancellation(t *testing.T) {
	mock := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()))
	layer := faults.Wrap(mock, faults.Rule{Fault: faults.Slow(time.Minute)})
	// The client gives up once the request has reached the slow fault.
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		layer.ServeHTTP(w, r)
	}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan result, 1)
	go func() { results <- exchange(ctx, t, http.MethodPost, srv.URL) }()
	select {
	case <-arrived:
	case res := <-results:
		t.Fatalf("the exchange ended before the request arrived: %v", res.err)
	}
	cancel()
	if res := <-results; res.err == nil {
		t.Fatalf("got reply %d, want the client to give up", res.resp.StatusCode)
	}
	start := time.Now()
	srv.Close() // waits for the handler, which must have noticed the client leave
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the slow handler ran on for %s after the client left", took)
	}
	if n := stored(t, mock); n != 0 || layer.Count("POST") != 1 || mock.RequestCount("") != 0 {
		t.Errorf("stored %d entries, %d requests seen, %d served; want 0, 1, 0", n, layer.Count("POST"), mock.RequestCount(""))
	}
}
