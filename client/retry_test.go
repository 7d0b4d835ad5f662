package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Scripted server behaviours for one request.
const (
	stepOK    = "ok"
	stepReset = "reset" // close the connection without a reply
	stepHang  = "hang"  // never reply; the client's per-attempt timeout fires
	// stepMaintenance is Laravel's maintenance-mode 503, with Retry-After.
	stepMaintenance = "maintenance"
	// stepRefused503 is a 503 in the API's own envelope.
	stepRefused503 = "refused503"
	// stepEnvoy503 is the 503 text Envoy sends when the upstream reset
	// after the request was forwarded.
	stepEnvoy503 = "envoy503"
)

// scripted answers request n with steps[n-1] (the last step repeats): a
// status code as text, or one of the step constants.
func scripted(steps ...string) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, r *http.Request, n int) {
		step := steps[min(n, len(steps))-1]
		switch step {
		case stepOK:
			if r.Method == http.MethodPost {
				respond(w, 200, docCreateReply)
			} else {
				respond(w, 200, docListReply)
			}
		case stepReset:
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		case stepMaintenance:
			respond(w, 503, `{"message":"Service Unavailable"}`, "Retry-After", "1")
		case stepRefused503:
			respond(w, 503, `{"success":false,"message":"الخدمة غير متاحة","data":null,"statusCode":503}`)
		case stepEnvoy503:
			respond(w, 503, "upstream connect error or disconnect/reset before headers. reset reason: connection termination", "Content-Type", "text/plain")
		case stepHang:
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			status := 0
			for _, c := range step {
				status = status*10 + int(c-'0')
			}
			respond(w, status, `{"message":"status `+step+`"}`)
		}
	}
}

func call(c *Client, ctx context.Context, method string) error {
	if method == http.MethodPost {
		_, _, err := c.CreateLog(ctx, "s1", ActionEntered)
		return err
	}
	_, _, err := c.ListLogs(ctx, "s1", PageOptions{})
	return err
}

func TestRetryPolicy(t *testing.T) {
	const get, post = http.MethodGet, http.MethodPost
	tests := []struct {
		name     string
		method   string
		retries  int
		steps    []string
		requests int
		kind     ErrorKind // "" for success
		status   int
	}{
		{"GET 503 then 200", get, 3, []string{"503", stepOK}, 2, "", 0},
		{"GET 500 x4", get, 3, []string{"500"}, 4, KindServer, 500},
		{"GET 408 502 504 then 200", get, 3, []string{"408", "502", "504", stepOK}, 4, "", 0},
		{"GET 429 without Retry-After then 200", get, 3, []string{"429", stepOK}, 2, "", 0},
		{"GET 503 with no retries", get, 0, []string{"503"}, 1, KindServer, 503},
		{"GET 404 not retried", get, 3, []string{"404"}, 1, KindEndpointNotFound, 404},
		{"GET 401 not retried", get, 3, []string{"401"}, 1, KindAuth, 401},
		{"GET 422 not retried", get, 3, []string{"422"}, 1, KindValidation, 422},
		{"GET 501 not retried", get, 3, []string{"501"}, 1, KindServer, 501},
		{"GET reset then 200", get, 3, []string{stepReset, stepOK}, 2, "", 0},
		{"GET timeout then 200", get, 3, []string{stepHang, stepOK}, 2, "", 0},
		{"GET timeout x3", get, 2, []string{stepHang}, 3, KindNetwork, 0},
		{"POST 502", post, 3, []string{"502"}, 1, KindUncertain, 502},
		{"POST 500", post, 3, []string{"500"}, 1, KindUncertain, 500},
		{"POST 504", post, 3, []string{"504"}, 1, KindUncertain, 504},
		{"POST 408", post, 3, []string{"408"}, 1, KindServer, 408},
		{"POST Laravel 503 without Retry-After", post, 3, []string{"503", stepOK}, 1, KindUncertain, 503},
		{"POST maintenance 503 then 200", post, 3, []string{stepMaintenance, stepOK}, 2, "", 0},
		{"POST API envelope 503 then 200", post, 3, []string{stepRefused503, stepOK}, 2, "", 0},
		{"POST Envoy 503", post, 3, []string{stepEnvoy503, stepOK}, 1, KindUncertain, 503},
		{"POST empty 503", post, 3, []string{"503"}, 1, KindUncertain, 503},
		{"GET Envoy 503 then 200", get, 3, []string{stepEnvoy503, stepOK}, 2, "", 0},
		{"POST 429 then 200", post, 3, []string{"429", stepOK}, 2, "", 0},
		{"POST maintenance 503 x4", post, 3, []string{stepMaintenance}, 4, KindServer, 503},
		{"POST API envelope 503 x4", post, 3, []string{stepRefused503}, 4, KindServer, 503},
		{"POST reset", post, 3, []string{stepReset, stepOK}, 1, KindUncertain, 0},
		{"POST timeout", post, 3, []string{stepHang, stepOK}, 1, KindUncertain, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, scripted(tt.steps...))
			timeout := 5 * time.Second
			if tt.steps[0] == stepHang {
				timeout = 100 * time.Millisecond
			}
			c, clock := newTestClient(t, srv.URL+basePath, WithRetries(tt.retries), WithTimeout(timeout))
			err := call(c, context.Background(), tt.method)
			if n := srv.count(); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
			if n := len(clock.Waits()); n != tt.requests-1 {
				t.Errorf("%d waits, want %d", n, tt.requests-1)
			}
			if tt.kind == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			e := asError(t, err)
			if e.Kind != tt.kind || e.StatusCode != tt.status {
				t.Fatalf("got %s %d (%v), want %s %d", e.Kind, e.StatusCode, err, tt.kind, tt.status)
			}
			if tt.kind == KindUncertain && (!strings.HasSuffix(e.Explanation, "; the request may or may not have been recorded") || !e.Uncertain) {
				t.Errorf("explanation %q", e.Explanation)
			}
			if tt.steps[0] == stepHang && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("timeout error %v does not match context.DeadlineExceeded", err)
			}
		})
	}
}

// deadAddr returns the address of a listener that has been closed, so
// connecting to it is refused.
func deadAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

func TestConnectionRefusedIsRetried(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		t.Run(method, func(t *testing.T) {
			var dials atomic.Int32
			transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				dials.Add(1)
				return (&net.Dialer{}).DialContext(ctx, network, addr)
			}}
			var notices []RetryNotice
			c, clock := newTestClient(t, "http://"+deadAddr(t)+basePath, WithTransport(transport), WithRetries(2),
				WithRetryNotify(func(n RetryNotice) { notices = append(notices, n) }))
			err := call(c, context.Background(), method)
			e := asError(t, err)
			if e.Kind != KindNetwork || e.Explanation != "could not connect to the server: connection refused" || e.Err == nil {
				t.Fatalf("got %s %q", e.Kind, e.Explanation)
			}
			if n := dials.Load(); n != 3 {
				t.Errorf("%d dials, want 3", n)
			}
			if len(clock.Waits()) != 2 || len(notices) != 2 || notices[0].Reason != "connection refused" || notices[1].Attempt != 3 {
				t.Errorf("waits %v notices %+v", clock.Waits(), notices)
			}
		})
	}
}

func TestPostRefusedThenAccepted(t *testing.T) {
	srv := newAPIServer(t, scripted(stepOK))
	dead := deadAddr(t)
	var dials atomic.Int32
	transport := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		target := srv.Listener.Addr().String()
		if dials.Add(1) == 1 {
			target = dead
		}
		return (&net.Dialer{}).DialContext(ctx, network, target)
	}}
	c, clock := newTestClient(t, srv.URL+basePath, WithTransport(transport))
	if _, _, err := c.CreateLog(context.Background(), "s1", ActionLeft); err != nil {
		t.Fatal(err)
	}
	if dials.Load() != 2 || srv.count() != 1 || len(clock.Waits()) != 1 {
		t.Fatalf("dials %d, requests %d, waits %v; want 2, 1, one wait", dials.Load(), srv.count(), clock.Waits())
	}
}

func TestRetryAfter(t *testing.T) {
	tooMany := `{"message":"Too Many Attempts."}`
	tests := []struct {
		name         string
		method       string
		maxWait      time.Duration
		status       int
		retryAfter   string
		requests     int
		waits        []time.Duration
		kind         ErrorKind
		wantRetryAft time.Duration
	}{
		{"seconds honoured", http.MethodGet, time.Minute, 429, "7", 2, []time.Duration{7 * time.Second}, "", 0},
		{"date honoured", http.MethodGet, time.Minute, 429, clockStart.Add(20 * time.Second).Format(http.TimeFormat), 2, []time.Duration{20 * time.Second}, "", 0},
		{"503 on POST honoured", http.MethodPost, time.Minute, 503, "5", 2, []time.Duration{5 * time.Second}, "", 0},
		{"equal to the cap", http.MethodGet, 10 * time.Second, 429, "10", 2, []time.Duration{10 * time.Second}, "", 0},
		{"above the cap gives up", http.MethodGet, 10 * time.Second, 429, "120", 1, nil, KindRateLimited, 120 * time.Second},
		{"above the cap on POST gives up", http.MethodPost, 10 * time.Second, 429, "120", 1, nil, KindRateLimited, 120 * time.Second},
		{"503 above the cap gives up", http.MethodGet, 10 * time.Second, 503, "60", 1, nil, KindServer, 60 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n == 1 && tt.status == http.StatusServiceUnavailable {
					respond(w, tt.status, `{"message":"Service Unavailable"}`, "Retry-After", tt.retryAfter)
					return
				}
				if n == 1 {
					respond(w, tt.status, tooMany, "Retry-After", tt.retryAfter)
					return
				}
				scripted(stepOK)(w, r, n)
			})
			var notices []RetryNotice
			c, clock := newTestClient(t, srv.URL+basePath, WithMaxRetryWait(tt.maxWait),
				WithRetryNotify(func(n RetryNotice) { notices = append(notices, n) }))
			err := call(c, context.Background(), tt.method)
			if srv.count() != tt.requests || !reflect.DeepEqual(clock.Waits(), tt.waits) {
				t.Fatalf("requests %d waits %v, want %d %v", srv.count(), clock.Waits(), tt.requests, tt.waits)
			}
			if tt.kind == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(notices) != 1 || notices[0].Wait != tt.waits[0] || notices[0].Reason != statusReason(tt.status) {
					t.Fatalf("notices %+v", notices)
				}
				return
			}
			if e := asError(t, err); e.Kind != tt.kind || e.RetryAfter != tt.wantRetryAft || len(notices) != 0 {
				t.Fatalf("got %s retryAfter %s notices %v", e.Kind, e.RetryAfter, notices)
			}
		})
	}
}

func TestRateLimitPauseBeyondCapSendsNothing(t *testing.T) {
	srv := newAPIServer(t, always(429, `{"message":"Too Many Attempts."}`, "Retry-After", "120"))
	c, clock := newTestClient(t, srv.URL+basePath, WithMaxRetryWait(10*time.Second))
	_, _, _ = c.ListLogs(context.Background(), "s1", PageOptions{})
	_, _, err := c.CreateLog(context.Background(), "s2", ActionEntered)
	e := asError(t, err)
	want := "rate limited: the server asked to pause for 2m0s, longer than the 10s maximum wait; not sending"
	if e.Kind != KindRateLimited || e.RetryAfter != 120*time.Second || e.Explanation != want {
		t.Fatalf("got %s %s %q", e.Kind, e.RetryAfter, e.Explanation)
	}
	if srv.count() != 1 || len(clock.Waits()) != 0 {
		t.Fatalf("requests %d waits %v, want 1 and none", srv.count(), clock.Waits())
	}
}

func TestRetryNotify(t *testing.T) {
	tests := []struct {
		name  string
		steps []string
		want  []RetryNotice
	}{
		{"two retries then success", []string{"503", "502", stepOK}, []RetryNotice{
			{Attempt: 2, MaxAttempts: 4, Wait: 100 * time.Millisecond, Reason: "HTTP 503 service unavailable", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
			{Attempt: 3, MaxAttempts: 4, Wait: 200 * time.Millisecond, Reason: "HTTP 502 bad gateway", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
		}},
		{"no notice after the last attempt", []string{"500"}, []RetryNotice{
			{Attempt: 2, MaxAttempts: 4, Wait: 100 * time.Millisecond, Reason: "HTTP 500 internal server error", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
			{Attempt: 3, MaxAttempts: 4, Wait: 200 * time.Millisecond, Reason: "HTTP 500 internal server error", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
			{Attempt: 4, MaxAttempts: 4, Wait: 300 * time.Millisecond, Reason: "HTTP 500 internal server error", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
		}},
		{"reset", []string{stepReset, stepOK}, []RetryNotice{
			{Attempt: 2, MaxAttempts: 4, Wait: 100 * time.Millisecond, Reason: "connection closed", Method: "GET", Path: "/api/v1/customer/sessions/s%2F1/log"},
		}},
		{"no retry no notice", []string{stepOK}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, scripted(tt.steps...))
			var notices []RetryNotice
			c, clock := newTestClient(t, srv.URL+basePath, WithRetryNotify(func(n RetryNotice) { notices = append(notices, n) }))
			c.backoff = func(retry int) time.Duration { return time.Duration(retry) * 100 * time.Millisecond }
			_, _, _ = c.ListLogs(context.Background(), "s/1", PageOptions{})
			if !reflect.DeepEqual(notices, tt.want) {
				t.Fatalf("notices\n%+v\nwant\n%+v", notices, tt.want)
			}
			if len(clock.Waits()) != len(tt.want) {
				t.Fatalf("waits %v", clock.Waits())
			}
		})
	}
}

func TestSharedRateLimitPause(t *testing.T) {
	srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			respond(w, 429, `{"message":"Too Many Attempts."}`, "Retry-After", "2")
			return
		}
		respond(w, 200, docListReply)
	})
	c, clock := newTestClient(t, srv.URL+basePath)
	sleeps := make(chan time.Duration, 10)
	release := make(chan struct{})
	c.sleep = func(ctx context.Context, d time.Duration) error {
		sleeps <- d
		<-release
		return clock.Sleep(ctx, d)
	}
	errs := make(chan error, 2)
	go func() {
		_, _, err := c.ListLogs(context.Background(), "a", PageOptions{})
		errs <- err
	}()
	if d := <-sleeps; d != 2*time.Second {
		t.Fatalf("first request waits %s after its 429, want 2s", d)
	}
	go func() {
		_, _, err := c.ListLogs(context.Background(), "b", PageOptions{})
		errs <- err
	}()
	if d := <-sleeps; d != 2*time.Second {
		t.Fatalf("second request waits %s, want the shared 2s pause", d)
	}
	if n := srv.count(); n != 1 {
		t.Fatalf("%d requests during the pause, want only the first", n)
	}
	close(release)
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	paths := map[string]int{}
	for _, r := range srv.requests() {
		paths[r.Path]++
	}
	want := map[string]int{"/api/v1/customer/sessions/a/log": 2, "/api/v1/customer/sessions/b/log": 1}
	if !reflect.DeepEqual(paths, want) {
		t.Fatalf("requests %v, want %v", paths, want)
	}
}

func TestCancellation(t *testing.T) {
	t.Run("before the call", func(t *testing.T) {
		srv := newAPIServer(t, scripted(stepOK))
		c, _ := newTestClient(t, srv.URL+basePath)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			err := call(c, ctx, method)
			if e := asError(t, err); !errors.Is(err, context.Canceled) || e.Kind != KindNetwork {
				t.Errorf("%s: %v (%s)", method, err, e.Kind)
			}
		}
		if srv.count() != 0 {
			t.Errorf("%d requests", srv.count())
		}
	})
	for _, tt := range []struct {
		method string
		kind   ErrorKind
	}{{http.MethodGet, KindNetwork}, {http.MethodPost, KindUncertain}} {
		t.Run("in flight "+tt.method, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				cancel()
				<-r.Context().Done()
			})
			c, clock := newTestClient(t, srv.URL+basePath)
			err := call(c, ctx, tt.method)
			if e := asError(t, err); !errors.Is(err, context.Canceled) || e.Kind != tt.kind {
				t.Errorf("%v (%s), want %s matching context.Canceled", err, e.Kind, tt.kind)
			}
			if srv.count() != 1 || len(clock.Waits()) != 0 {
				t.Errorf("requests %d waits %v", srv.count(), clock.Waits())
			}
		})
	}
	t.Run("while waiting to retry", func(t *testing.T) {
		srv := newAPIServer(t, scripted(stepMaintenance))
		c, _ := newTestClient(t, srv.URL+basePath)
		ctx, cancel := context.WithCancel(context.Background())
		c.sleep = func(ctx context.Context, _ time.Duration) error {
			cancel()
			<-ctx.Done()
			return ctx.Err()
		}
		err := call(c, ctx, http.MethodPost)
		if e := asError(t, err); !errors.Is(err, context.Canceled) || e.Kind != KindNetwork {
			t.Errorf("%v (%s)", err, e.Kind)
		}
		if srv.count() != 1 {
			t.Errorf("%d requests", srv.count())
		}
	})
	t.Run("caller deadline", func(t *testing.T) {
		srv := newAPIServer(t, scripted(stepHang))
		c, _ := newTestClient(t, srv.URL+basePath)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		err := call(c, ctx, http.MethodGet)
		if e := asError(t, err); !errors.Is(err, context.DeadlineExceeded) || e.Explanation != "the request's deadline passed" {
			t.Errorf("%v", err)
		}
		if srv.count() != 1 {
			t.Errorf("%d requests", srv.count())
		}
	})
}

func TestOversizeReplyIsNeverRetried(t *testing.T) {
	srv := newAPIServer(t, always(503, strings.Repeat("x", 100)))
	c, _ := newTestClient(t, srv.URL+basePath, WithMaxBodySize(99))
	err := call(c, context.Background(), http.MethodGet)
	if e := asError(t, err); e.Kind != KindInvalidResponse || e.StatusCode != 503 || srv.count() != 1 {
		t.Fatalf("got %v after %d requests", err, srv.count())
	}
}

func TestJitteredBackoff(t *testing.T) {
	for retry := range 40 {
		for _, limit := range []time.Duration{0, 100 * time.Millisecond, time.Second, time.Minute} {
			d := limit
			if retry < 32 && baseBackoff<<max(retry-1, 0) < limit {
				d = baseBackoff << max(retry-1, 0)
			}
			for range 20 {
				if got := jitteredBackoff(retry, limit); got < d/2 || got > d {
					t.Fatalf("jitteredBackoff(%d, %s) = %s, want within [%s, %s]", retry, limit, got, d/2, d)
				}
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"7", 7 * time.Second},
		{" 7 ", 7 * time.Second},
		{"1.5", 0},
		{"soon", 0},
		{clockStart.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{clockStart.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"99999999999999999", maxRetryAfter},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, clockStart); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
