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

// TestTokenRedactorPercentEncoded checks each spelling of a token whose
// characters are percent-encoded in a URL or a form: url.QueryEscape's,
// url.PathEscape's, a form body's, a Location's, in either case of hex.
func TestTokenRedactorPercentEncoded(t *testing.T) {
	const (
		token    = "a+b/c=d&e%f"
		wide     = "sk live é/ключ" // spaces and non-ASCII
		wideQ    = "sk+live+%C3%A9%2F%D0%BA%D0%BB%D1%8E%D1%87"
		wideP    = "sk%20live%20%C3%A9%2F%D0%BA%D0%BB%D1%8E%D1%87"
		tokenQ   = "a%2Bb%2Fc%3Dd%26e%25f"
		tokenP   = "a+b%2Fc=d&e%25f"
		tokenQLo = "a%2bb%2fc%3dd%26e%25f"
	)
	for _, spelling := range []struct{ got, want string }{
		{url.QueryEscape(token), tokenQ}, {url.PathEscape(token), tokenP},
		{url.QueryEscape(wide), wideQ}, {url.PathEscape(wide), wideP},
	} {
		if spelling.got != spelling.want {
			t.Fatalf("the spellings below are not the escapes' own: %q, want %q", spelling.got, spelling.want)
		}
	}
	tests := []struct{ name, token, in, want string }{
		{"raw in a query", token, "--> GET /logs?t=a+b/c=d&e%f&x=1", "--> GET /logs?t=***&x=1"},
		{"QueryEscape", token, "--> GET /logs?t=" + tokenQ + "&x=1", "--> GET /logs?t=***&x=1"},
		{"QueryEscape, lower-case hex", token, "--> GET /logs?t=" + tokenQLo + "&x=1", "--> GET /logs?t=***&x=1"},
		{"QueryEscape, mixed-case hex", token, "t=a%2bb%2Fc%3Dd%26e%25f", "t=***"},
		{"the token's own letters keep their case", token, "t=a%2Bb%2Fc%3Dd%26e%25F", "t=a%2Bb%2Fc%3Dd%26e%25F"},
		{"PathEscape", token, "--> GET /cb/" + tokenP + "/x", "--> GET /cb/***/x"},
		{"PathEscape, lower-case hex", token, "--> GET /cb/a+b%2fc=d&e%25f/x", "--> GET /cb/***/x"},
		{"form body", token, "--> token=" + tokenQ + "&grant=x", "--> token=***&grant=x"},
		{"Location header", token, "<-- Location: https://x.example.com/cb?token=" + tokenQ + "&state=1", "<-- Location: https://x.example.com/cb?token=***&state=1"},
		{"URL.String's path", token, "https://x/cb/a+b/c=d&e%25f", "https://x/cb/***"},
		{"JSON-escaped", token, `{"t":"a+b\/c=d\u0026e%f"}`, `{"t":"***"}`},
		{"twice in a line", token, tokenQ + " " + tokenP, "*** ***"},
		{"a part stays", token, "t=a%2Bb%2Fc%3Dd", "t=a%2Bb%2Fc%3Dd"},
		{"spaces and non-ASCII, raw", wide, "x sk live é/ключ y", "x *** y"},
		{"spaces and non-ASCII, QueryEscape", wide, "t=" + wideQ + "&x", "t=***&x"},
		{"spaces and non-ASCII, PathEscape", wide, "/cb/" + wideP + "/x", "/cb/***/x"},
		{"spaces and non-ASCII, lower-case hex", wide, "t=sk+live+%c3%a9%2f%d0%ba%d0%bb%d1%8e%d1%87", "t=***"},
		{"spaces and non-ASCII, a path with / kept", wide, "/cb/sk%20live%20%C3%A9/%D0%BA%D0%BB%D1%8E%D1%87", "/cb/***"},
		{"a plain token, its escape of letters", "abcdef", "t=%61bcde%66", "t=***"},
		{"a percent not an escape of the token", "abcdef", "100% abcde% f", "100% abcde% f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokenRedactor(tt.token)(tt.in); got != tt.want {
				t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenRedactorShortToken: a token shorter than minRedactLen is hidden
// in the Authorization header only; hiding "ab" or "1" in the text would
// blank out the trace, in every spelling (1 is %31).
func TestTokenRedactorShortToken(t *testing.T) {
	const trace = "--> GET /api/sessions/1001/logs?page=1\n<-- 200 {\"a\":\"ab%31\",\"b\":\"\\u0061b\"}"
	for _, token := range []string{"1", "a", "ab", "ab1", "%", "+", " ", "abcde"} {
		if got := tokenRedactor(token)(trace); got != trace {
			t.Errorf("token %q changed the trace:\n%s", token, got)
		}
	}
}

func TestDebugTraceRedactsPercentEncodedToken(t *testing.T) {
	const token = "a+b/c=d&e%f"
	srv := newTLSAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Link", "<https://x.example.com/cb/a+b%2fc=d&e%25f>")
		redirectTo(w, http.StatusFound, "http://127.0.0.1:1/steal?t=a%2bb%2fc%3dd%26e%25f")
	})
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithToken(token), WithDebug(&trace), WithTransport(srv.Client().Transport))
	_, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
	out := trace.String()
	for _, want := range []string{"<-- Location: http://127.0.0.1:1/steal?t=***\n", "<-- Link: <https://x.example.com/cb/***>\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the trace lacks %q:\n%s", want, out)
		}
	}
	if err == nil || !strings.Contains(err.Error(), "steal?t=***") || strings.Contains(err.Error(), "%2f") {
		t.Errorf("error %v, want the Location redacted", err)
	}
}

// BenchmarkTokenRedactor redacts a trace as long as the body --debug shows
// (64 KiB), full of percent escapes and JSON escapes, for a token as long
// as a JWT.
func BenchmarkTokenRedactor(b *testing.B) {
	token := "eyJhbGciOiJSUzI1NiJ9." + strings.Repeat("eyJzdWIiOiIxMjM0NTY3ODkwIn0", 40) + ".c2lnbmF0dXJl"
	line := `{"next":"/api/sessions/1001/logs?page=2&q=a%2Bb%2Fc","text":"caf\u00e9 \/ ` + token[:40] + `"}` + "\n"
	trace := strings.Repeat(line, (64<<10)/len(line)+1)
	redact := tokenRedactor(token)
	b.SetBytes(int64(len(trace)))
	b.ResetTimer()
	for b.Loop() {
		_ = redact(trace)
	}
}

// BenchmarkNewWithJWT measures making a client with a token as long as a
// JWT, which every command with a token does: the redactor's pattern is
// built on first use only (it took 15 ms and 4.9 MB for such a token).
func BenchmarkNewWithJWT(b *testing.B) {
	token := "eyJhbGciOiJSUzI1NiJ9." + strings.Repeat("eyJzdWIiOiIxMjM0NTY3ODkwIn0", 40) + ".c2lnbmF0dXJl"
	for b.Loop() {
		if _, err := New("https://api.example.com/api", WithToken(token)); err != nil {
			b.Fatal(err)
		}
	}
}
