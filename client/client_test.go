package client

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestNewBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://host/api/", "https://host/api/"},
		{"https://host/api", "https://host/api/"},
		{"https://host/api//", "https://host/api/"},
		{"https://host", "https://host/"},
		{"https://host/", "https://host/"},
		{"http://host:8080/a/b", "http://host:8080/a/b/"},
		{"HTTPS://Host/API", "https://Host/API/"},
		{"http://[::1]:9000/api", "http://[::1]:9000/api/"},
		{"https://host/my%20api/", "https://host/my%20api/"},
		{"  https://host/api  ", "https://host/api/"},
	}
	for _, tt := range tests {
		c, err := New(tt.in)
		if err != nil {
			t.Errorf("New(%q): %v", tt.in, err)
			continue
		}
		if got := c.BaseURL(); got != tt.want {
			t.Errorf("New(%q).BaseURL() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opts []Option
		want string
	}{
		{"empty", "", nil, "invalid base URL: it must start with http:// or https://"},
		{"relative", "/api/", nil, "invalid base URL: it must start with http:// or https://"},
		{"no scheme", "host/api", nil, "invalid base URL: it must start with http:// or https://"},
		{"ftp", "ftp://host/api", nil, "invalid base URL: it must start with http:// or https://"},
		{"no host", "https:///api", nil, "invalid base URL: it has no host"},
		{"port only", "https://:80/api", nil, "invalid base URL: it has no host"},
		{"opaque", "https:host", nil, "invalid base URL: it has no host"},
		{"user info", "https://me:pw@host/api", nil, "invalid base URL: it must not contain a user name or password (use a token)"},
		{"query", "https://host/api?x=1", nil, "invalid base URL: it must not contain a query or a fragment"},
		{"fragment", "https://host/api#x", nil, "invalid base URL: it must not contain a query or a fragment"},
		{"bad escape", "https://host/%zz", nil, "invalid base URL: cannot be parsed"},
		{"negative retries", "https://host", []Option{WithRetries(-1)}, "retries must not be negative (got -1)"},
		{"negative timeout", "https://host", []Option{WithTimeout(-time.Second)}, "timeout must not be negative (got -1s)"},
		{"negative wait", "https://host", []Option{WithMaxRetryWait(-time.Second)}, "maximum retry wait must not be negative (got -1s)"},
		{"zero body", "https://host", []Option{WithMaxBodySize(0)}, "maximum body size must be positive (got 0)"},
		{"token newline", "https://host", []Option{WithToken("abc\ndef-secret")}, "the token contains a control character"},
		{"agent newline", "https://host", []Option{WithUserAgent("x\r\ny")}, "the user agent contains a control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.url, tt.opts...)
			if c != nil {
				t.Fatalf("New returned a client")
			}
			e := asError(t, err)
			if e.Kind != KindInvalidInput || e.Explanation != tt.want {
				t.Fatalf("got %s %q, want invalid_input %q", e.Kind, e.Explanation, tt.want)
			}
			if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "pw@") {
				t.Fatalf("error leaks a credential: %v", err)
			}
		})
	}
}

func TestURLBuilding(t *testing.T) {
	srv := newAPIServer(t, always(200, docListReply))
	tests := []struct {
		base, want string
	}{
		{srv.URL + "/api/", "/api/v1/customer/sessions/s1/log"},
		{srv.URL + "/api", "/api/v1/customer/sessions/s1/log"},
		{srv.URL + "/tenant/api/", "/tenant/api/v1/customer/sessions/s1/log"},
		{srv.URL + "/tenant/api", "/tenant/api/v1/customer/sessions/s1/log"},
		{srv.URL + "/my%20api", "/my%20api/v1/customer/sessions/s1/log"},
	}
	for i, tt := range tests {
		c, _ := newTestClient(t, tt.base)
		if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{}); err != nil {
			t.Fatalf("%s: %v", tt.base, err)
		}
		if got := srv.requests()[i].Path; got != tt.want {
			t.Errorf("base %q: path %q, want %q", tt.base, got, tt.want)
		}
	}
	if n := srv.count(); n != len(tests) {
		t.Errorf("%d requests, want %d", n, len(tests))
	}
}

func TestHeaders(t *testing.T) {
	tests := []struct {
		name      string
		opts      []Option
		wantAuth  []string
		wantAgent string
	}{
		{"token and agent", []Option{WithToken("tok-123"), WithUserAgent("sessionlog/1.2.3")}, []string{"Bearer tok-123"}, "sessionlog/1.2.3"},
		{"defaults", nil, nil, "sessionlog"},
		{"empty token and agent", []Option{WithToken(""), WithUserAgent("")}, nil, "sessionlog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				if r.Method == http.MethodPost {
					respond(w, 200, docCreateReply)
					return
				}
				respond(w, 200, docListReply)
			})
			c, _ := newTestClient(t, srv.URL+basePath, tt.opts...)
			if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.CreateLog(context.Background(), "s1", ActionEntered); err != nil {
				t.Fatal(err)
			}
			reqs := srv.requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			for _, r := range reqs {
				for name, want := range map[string][]string{
					"Accept":        {"application/json"},
					"Content-Type":  {"application/json"},
					"User-Agent":    {tt.wantAgent},
					"Authorization": tt.wantAuth,
				} {
					if got := r.Header.Values(name); strings.Join(got, "|") != strings.Join(want, "|") {
						t.Errorf("%s %s: %q, want %q", r.Method, name, got, want)
					}
				}
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case n == 3 || n == 7:
			respond(w, 503, `{"message":"Service Unavailable"}`, "Retry-After", "1")
		case r.Method == http.MethodPost:
			respond(w, 200, docCreateReply)
		default:
			respond(w, 200, docListReply)
		}
	})
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithToken("tok-123456"), WithDebug(&trace),
		WithRetryNotify(func(RetryNotice) {}))
	const workers = 16
	errs := make(chan error, workers)
	for i := range workers {
		go func() {
			if i%2 == 0 {
				_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
				errs <- err
				return
			}
			_, _, err := c.CreateLog(context.Background(), "s1", ActionLeft)
			errs <- err
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if got := strings.Count(trace.String(), "--> Authorization: Bearer ***\n"); got != srv.count() {
		t.Errorf("%d traced requests, %d sent", got, srv.count())
	}
}
