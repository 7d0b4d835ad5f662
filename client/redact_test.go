package client

import (
	"context"
	"encoding/json"
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
	_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
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
	_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
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

func TestTokenRedactorJSONEscaped(t *testing.T) {
	const token = `ab/cd+ef"g\h€😀`
	tests := []struct{ name, in string }{
		{"plain", `x ` + token + ` y`},
		{"escaped slash", `x ab\/cd+ef"g\h€😀 y`},
		{"escaped quote and backslash", `x ab/cd+ef\"g\\h€😀 y`},
		{"slash as \\u002f", `x ab\u002fcd+ef"g\h€😀 y`},
		{"slash as \\u002F", `x ab\u002Fcd+ef"g\h€😀 y`},
		{"every character as \\uXXXX", `x \u0061\u0062\u002f\u0063\u0064\u002b\u0065\u0066\u0022\u0067\u005c\u0068\u20ac\ud83d\ude00 y`},
		{"Go's HTML-safe escapes and upper-case hex", `x ab\/cd\u002Bef\u0022g\u005Ch\u20AC\uD83D\uDE00 y`},
		{"as json.Marshal writes it", func() string { b, _ := json.Marshal("x " + token + " y"); return string(b) }()},
	}
	redact := tokenRedactor(token)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := redact(tt.in)
			if got != "x *** y" && got != `"x *** y"` {
				t.Errorf("redact(%q) = %q, want the token replaced by ***", tt.in, got)
			}
		})
	}
	if got := redact(`ab\/cd+ef"g\h€`); got != `ab\/cd+ef"g\h€` {
		t.Errorf("a part of the token was changed: %q", got)
	}
}

func TestDebugTraceRedactsJSONEscapedToken(t *testing.T) {
	const token = "sk/live/0123456789"
	// PHP's json_encode writes "/" as "\/".
	const body = `{"message":"token sk\/live\/0123456789 revoked","hint":"sk\u002flive\u002F0123456789"}`
	srv := newAPIServer(t, always(401, body))
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithToken(token), WithDebug(&trace))
	_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
	out := trace.String()
	for _, leak := range []string{token, `sk\/live`, `sk\u002flive`, `sk\u002Flive`} {
		if strings.Contains(out, leak) || strings.Contains(err.Error(), leak) {
			t.Errorf("%q in the trace or the error:\n%s\n%v", leak, out, err)
		}
	}
	if !strings.Contains(out, `{"message":"token *** revoked","hint":"***"}`) {
		t.Errorf("trace lacks the redacted body:\n%s", out)
	}
}
