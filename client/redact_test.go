package client

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestTokenNeverInErrors(t *testing.T) {
	const token = "sk-live-0123456789abcdef"
	srv := newAPIServer(t, always(401, `{"message":"Invalid token `+token+`","errors":{"token":["`+token+` is revoked"]}}`))
	c, _ := newTestClient(t, srv.URL+basePath, WithToken(token))
	_, err := c.ListLogs(context.Background(), "s1", ListOptions{})
	e := asError(t, err)
	if e.Kind != KindAuth || e.Message != "Invalid token ***" {
		t.Fatalf("got %s %q", e.Kind, e.Message)
	}
	if strings.Contains(err.Error(), token) {
		t.Fatalf("token in error: %v", err)
	}
	if got := srv.requests()[0].Header.Get("Authorization"); got != "Bearer "+token {
		t.Fatalf("Authorization %q", got)
	}
}

func TestTokenInRedirectLocationIsRedacted(t *testing.T) {
	const token = "sk-live-0123456789abcdef"
	srv := newTLSAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		redirectTo(w, http.StatusFound, "http://127.0.0.1:1/steal?t="+token)
	})
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithToken(token), WithDebug(&trace), WithTransport(srv.Client().Transport))
	_, err := c.ListLogs(context.Background(), "s1", ListOptions{})
	if err == nil || strings.Contains(err.Error(), token) || strings.Contains(trace.String(), token) {
		t.Fatalf("token leaked: %v\n%s", err, trace.String())
	}
	var urlErr *url.Error
	if !errors.As(err, &urlErr) || !strings.Contains(err.Error(), "steal?t=***") {
		t.Fatalf("error %v does not unwrap to the redacted *url.Error", err)
	}
}

func TestRedactHeader(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"Authorization", "Bearer abc", "Bearer ***"},
		{"authorization", "abc", "***"},
		{"Proxy-Authorization", "Basic dXNlcjpwdw==", "Basic ***"},
		{"Cookie", "a=b", "***"},
		{"Accept", "application/json", "application/json"},
	}
	for _, tt := range tests {
		if got := redactHeader(tt.name, tt.value); got != tt.want {
			t.Errorf("redactHeader(%q, %q) = %q, want %q", tt.name, tt.value, got, tt.want)
		}
	}
}

func TestTokenRedactor(t *testing.T) {
	tests := []struct{ token, in, want string }{
		{"secret-token", "a secret-token b secret-token", "a *** b ***"},
		{"short", "short stays", "short stays"},
		{"", "nothing", "nothing"},
	}
	for _, tt := range tests {
		if got := tokenRedactor(tt.token)(tt.in); got != tt.want {
			t.Errorf("tokenRedactor(%q)(%q) = %q, want %q", tt.token, tt.in, got, tt.want)
		}
	}
}
