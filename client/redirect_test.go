package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const logPath = "/api/v1/customer/sessions/s1/log"

// redirectTo answers with a redirect to location.
func redirectTo(w http.ResponseWriter, status int, location string) {
	w.Header().Set("Location", location)
	w.WriteHeader(status)
}

func TestRedirectSameHostKeepsToken(t *testing.T) {
	srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			redirectTo(w, http.StatusFound, "/moved"+logPath)
			return
		}
		respond(w, 200, docListReply)
	})
	c, _ := newTestClient(t, srv.URL+basePath, WithToken("tok-123456"))
	if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{}); err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	if len(reqs) != 2 || reqs[1].Path != "/moved"+logPath {
		t.Fatalf("requests %+v", reqs)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer tok-123456" {
			t.Errorf("%s: Authorization %q", r.Path, got)
		}
	}
}

func TestRedirectToAnotherHostDropsToken(t *testing.T) {
	tests := []struct {
		method string
		status int
	}{
		{http.MethodGet, http.StatusFound},
		{http.MethodGet, http.StatusMovedPermanently},
		{http.MethodGet, http.StatusTemporaryRedirect},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %d", tt.method, tt.status), func(t *testing.T) {
			// Both servers listen on 127.0.0.1; only the port differs, which
			// net/http alone would treat as the same host.
			other := newAPIServer(t, scripted(stepOK))
			srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
				redirectTo(w, tt.status, other.URL+logPath)
			})
			c, _ := newTestClient(t, srv.URL+basePath, WithToken("tok-123456"))
			if err := call(c, context.Background(), tt.method); err != nil {
				t.Fatal(err)
			}
			first, moved := srv.requests(), other.requests()
			if len(first) != 1 || len(moved) != 1 {
				t.Fatalf("%d and %d requests, want 1 and 1", len(first), len(moved))
			}
			if got := first[0].Header.Get("Authorization"); got != "Bearer tok-123456" {
				t.Errorf("first host: Authorization %q", got)
			}
			if got, ok := moved[0].Header["Authorization"]; ok {
				t.Errorf("the other host received Authorization %q", got)
			}
			if moved[0].Method != tt.method || moved[0].Header.Get("Accept") != "application/json" {
				t.Errorf("other host got %s with Accept %q", moved[0].Method, moved[0].Header.Get("Accept"))
			}
		})
	}
}

func TestRedirectedFailureNamesTheOtherHost(t *testing.T) {
	other := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Unauthenticated."}`)
	})
	srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusFound, other.URL+logPath)
	})
	c, _ := newTestClient(t, srv.URL+basePath, WithToken("tok-123456"))
	_, _, err := c.ListLogs(context.Background(), "42", PageOptions{})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindAuth {
		t.Fatalf("err = %v, want an auth error", err)
	}
	host := strings.TrimPrefix(other.URL, "http://")
	want := "authentication failed: the API token is missing, invalid or expired; the request was redirected to " + host +
		", which is not sent the token"
	if e.Explanation != want || e.RedirectedTo != host {
		t.Errorf("explanation %q, redirected to %q; want %q, %q", e.Explanation, e.RedirectedTo, want, host)
	}
}

func TestRedirectRefusesPOSTToAnotherHost(t *testing.T) {
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			other := newAPIServer(t, scripted(stepOK))
			srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
				redirectTo(w, status, other.URL+logPath)
			})
			c, _ := newTestClient(t, srv.URL+basePath, WithToken("tok-123456"))
			_, _, err := c.CreateLog(context.Background(), "42", ActionEntered)
			want := "refused to follow the server's redirect: it would send the new entry to another host, " + strings.TrimPrefix(other.URL, "http://")
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindInvalidResponse || e.Explanation != want {
				t.Errorf("err = %v, want %q", err, want)
			}
			if n := len(other.requests()); n != 0 {
				t.Errorf("the other host got %d requests", n)
			}
		})
	}
}

func TestRedirectLimit(t *testing.T) {
	tests := []struct {
		hops     int // redirects before the real reply
		requests int
		wantErr  string
	}{
		{5, 6, ""},
		{6, 6, "refused to follow the server's redirect: stopped after 5 redirects"},
	}
	for _, tt := range tests {
		srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
			if n <= tt.hops {
				redirectTo(w, http.StatusFound, fmt.Sprintf("/hop%d%s", n, logPath))
				return
			}
			respond(w, 200, docListReply)
		})
		c, clock := newTestClient(t, srv.URL+basePath)
		_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
		if srv.count() != tt.requests || len(clock.Waits()) != 0 {
			t.Errorf("%d hops: %d requests, waits %v; want %d and none", tt.hops, srv.count(), clock.Waits(), tt.requests)
		}
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%d hops: %v", tt.hops, err)
			}
			continue
		}
		if e := asError(t, err); e.Kind != KindInvalidResponse || e.Explanation != tt.wantErr {
			t.Errorf("%d hops: %s %q", tt.hops, e.Kind, e.Explanation)
		}
	}
}

func TestRedirectRefused(t *testing.T) {
	plain := newAPIServer(t, scripted(stepOK))
	secureToPlain := newTLSAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusTemporaryRedirect, plain.URL+logPath)
	})
	postToGet := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusFound, "/other"+logPath)
	})
	toFTP := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusFound, "ftp://example.com/x")
	})
	tests := []struct {
		name   string
		srv    *apiServer
		method string
		want   string
	}{
		{"https to http", secureToPlain, http.MethodGet, "refused to follow the server's redirect: it goes from https to insecure " + plain.URL + logPath},
		{"https to http POST", secureToPlain, http.MethodPost, "refused to follow the server's redirect: it goes from https to insecure " + plain.URL + logPath},
		{"POST turned into GET", postToGet, http.MethodPost, "refused to follow the server's redirect: it would turn the POST into a GET"},
		{"other scheme", toFTP, http.MethodGet, "refused to follow the server's redirect: unsupported scheme in ftp://example.com/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.srv.count()
			c, _ := newTestClient(t, tt.srv.URL+basePath, WithToken("tok-123456"), WithTransport(secureToPlain.Client().Transport))
			err := call(c, context.Background(), tt.method)
			e := asError(t, err)
			if e.Kind != KindInvalidResponse || e.Explanation != tt.want {
				t.Fatalf("got %s %q, want %q", e.Kind, e.Explanation, tt.want)
			}
			if n := tt.srv.count() - before; n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
	if n := plain.count(); n != 0 {
		t.Fatalf("the plain-http server got %d requests", n)
	}
}

func TestRedirectUpgradeToHTTPS(t *testing.T) {
	secure := newTLSAPIServer(t, scripted(stepOK))
	srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusMovedPermanently, secure.URL+logPath)
	})
	c, _ := newTestClient(t, srv.URL+basePath, WithTransport(secure.Client().Transport))
	if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if srv.count() != 1 || secure.count() != 1 || !strings.HasPrefix(secure.URL, "https://") {
		t.Fatalf("requests %d and %d", srv.count(), secure.count())
	}
}

func TestSameHost(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://h/x", "https://h/y", true},
		{"https://h/x", "https://H:443/y", true},
		{"http://h/x", "https://h/y", true},
		{"http://h:8080/x", "https://h:8443/y", false},
		{"https://h/x", "http://h/y", false},
		{"https://h:1/x", "https://h:2/y", false},
		{"https://h/x", "https://sub.h/y", false},
		{"https://h/x", "https://other/y", false},
	}
	for _, tt := range tests {
		a, _ := url.Parse(tt.a)
		b, _ := url.Parse(tt.b)
		if got := sameHost(a, b); got != tt.want {
			t.Errorf("sameHost(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRedirectRefusalNamesItsReasonOnce(t *testing.T) {
	tests := []struct {
		name, method, location, want string
	}{
		{"other scheme with a password", http.MethodGet, "ftp://user:hunter2@example.com/x",
			"refused to follow the server's redirect: unsupported scheme in ftp://user:xxxxx@example.com/x"},
		{"POST turned into GET with a password", http.MethodPost, "http://user:hunter2@127.0.0.1:1/x",
			"refused to follow the server's redirect: it would turn the POST into a GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
				redirectTo(w, http.StatusFound, tt.location)
			})
			var trace syncBuffer
			c, _ := newTestClient(t, srv.URL+basePath, WithDebug(&trace))
			err := call(c, context.Background(), tt.method)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			var urlErr *url.Error
			if !errors.As(err, &urlErr) {
				t.Errorf("error %v does not unwrap to the *url.Error", err)
			}
			if strings.Contains(trace.String(), "hunter2") {
				t.Errorf("the trace shows the password:\n%s", trace.String())
			}
			if !strings.Contains(trace.String(), "<-- Location: "+strings.Replace(tt.location, "hunter2", "xxxxx", 1)+"\n") {
				t.Errorf("the trace lacks the redacted Location:\n%s", trace.String())
			}
		})
	}
}
