package mockapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// get fetches url with the real HTTP client.
func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func TestServer(t *testing.T) {
	s, err := NewServer(WithFixture(DefaultFixture()), WithBasePath("/api"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") || !strings.HasSuffix(s.URL(), "/api") {
		t.Fatalf("URL = %s", s.URL())
	}
	code, body := get(t, s.URL()+logPath("1004")+"?page=2")
	if code != http.StatusOK {
		t.Fatalf("GET: %d %s", code, body)
	}
	var p wirePage
	if err := json.Unmarshal(field(t, body, "data"), &p); err != nil {
		t.Fatal(err)
	}
	if want := s.URL() + logPath("1004"); p.Path != want || p.CurrentPage != 2 || len(p.Data) != 30 || p.Total != 350 {
		t.Errorf("path %s (want %s), page %d, %d entries of %d", p.Path, want, p.CurrentPage, len(p.Data), p.Total)
	}
	resp, err := http.Post(s.URL()+logPath("1002"), "application/json", strings.NewReader(`{"action_type":"LEFT"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got, _ := s.Handler().Entries("1002"); resp.StatusCode != 200 || len(got) != 4 {
		t.Errorf("POST: %d, %d entries", resp.StatusCode, len(got))
	}
	if n := s.Handler().RequestCount(""); n != 2 {
		t.Errorf("%d requests", n)
	}
}

func TestServerServeStopsWithContext(t *testing.T) {
	s, err := NewServer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	if code, _ := get(t, s.URL()+"/"); code != http.StatusNotFound {
		t.Errorf("GET /: %d", code)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
	if _, err := http.Get(s.URL() + "/"); err == nil {
		t.Error("server still answers after Serve returned")
	}
	s.Close() // a second stop is harmless
}

func TestServerCloseCutsLatency(t *testing.T) {
	s, err := NewServer(WithLatency(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	// The request is known to be in the handler, facing its minute of
	// latency, before the server is closed.
	inHandler := make(chan struct{})
	handler := s.srv.Handler
	s.srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(inHandler)
		handler.ServeHTTP(w, r)
	})
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get(s.URL() + "/")
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	select {
	case <-inHandler:
	case err := <-errc:
		t.Fatalf("the request ended before reaching the handler: %v", err)
	}
	start := time.Now()
	s.Close()
	if err := <-errc; err == nil {
		t.Error("request got an answer from a closed server")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Close took %v", took)
	}
}

func TestNewServerListenError(t *testing.T) {
	_, err := NewServer(WithListenAddr("256.0.0.1:0"))
	if err == nil || !strings.HasPrefix(err.Error(), "mockapi: listen on 256.0.0.1:0: ") {
		t.Errorf("err = %v", err)
	}
	s, err := NewServer()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addr := strings.TrimPrefix(s.URL(), "http://")
	_, err = NewServer(WithListenAddr(addr))
	if err == nil || !strings.Contains(err.Error(), "mockapi: listen on "+addr+": ") {
		t.Errorf("second listen on %s: %v", addr, err)
	}
}

func TestServerURLDialsLoopbackForUnspecifiedAddress(t *testing.T) {
	srv, err := NewServer(WithListenAddr("0.0.0.0:0"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %q, want one on 127.0.0.1", srv.URL())
	}
	resp, err := http.Get(srv.URL() + "/v1/customer/sessions/none/log")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("HTTP %d, want 404 for an unknown session", resp.StatusCode)
	}
}
