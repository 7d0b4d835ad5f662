package client

import (
	"context"
	"strings"
	"testing"
)

func TestValidateSessionID(t *testing.T) {
	tests := []struct {
		id   string
		want string // "" when valid
	}{
		{"abc-123", ""},
		{"a/b", ""},
		{"a?b#c", ""},
		{"100%", ""},
		{"two words", ""},
		{" leading", ""},
		{"جلسة-٤٢", ""},
		{"...", ""},
		{"./x", ""},
		{strings.Repeat("a", 256), ""},
		{"", `invalid session id "": it is empty`},
		{"   ", `invalid session id "   ": it is blank`},
		{"\u00a0\u2003", `invalid session id "\u00a0\u2003": it is blank`},
		{".", `invalid session id ".": it is not allowed`},
		{"..", `invalid session id "..": it is not allowed`},
		{"a\nb", `invalid session id "a\nb": it contains the control character U+000A at byte 1`},
		{"\tab", `invalid session id "\tab": it contains the control character U+0009 at byte 0`},
		{"ab\x7f", `invalid session id "ab\x7f": it contains the control character U+007F at byte 2`},
		{"ab\x00", `invalid session id "ab\x00": it contains the control character U+0000 at byte 2`},
		{"a\u0085", `invalid session id "a\u0085": it contains the control character U+0085 at byte 1`},
		{"a\xffb", `invalid session id "a\xffb": it is not valid UTF-8`},
		{strings.Repeat("a", 257), `invalid session id "` + strings.Repeat("a", 40) + `"…: it is 257 bytes long; the limit is 256`},
		{strings.Repeat("ج", 129), `invalid session id "` + strings.Repeat("ج", 20) + `"…: it is 258 bytes long; the limit is 256`},
	}
	for _, tt := range tests {
		err := ValidateSessionID(tt.id)
		if tt.want == "" {
			if err != nil {
				t.Errorf("ValidateSessionID(%q) = %v, want nil", tt.id, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ValidateSessionID(%q) = nil, want %q", tt.id, tt.want)
			continue
		}
		e := asError(t, err)
		if e.Kind != KindInvalidInput || e.Explanation != tt.want {
			t.Errorf("ValidateSessionID(%q) = %s %q, want invalid_input %q", tt.id, e.Kind, e.Explanation, tt.want)
		}
	}
}

func TestSessionIDIsOneEscapedSegment(t *testing.T) {
	tests := []struct {
		id, wantPath string
	}{
		{"abc", "/api/v1/customer/sessions/abc/log"},
		{"a/b", "/api/v1/customer/sessions/a%2Fb/log"},
		{"../x", "/api/v1/customer/sessions/..%2Fx/log"},
		{"a?b", "/api/v1/customer/sessions/a%3Fb/log"},
		{"a#b", "/api/v1/customer/sessions/a%23b/log"},
		{"100%", "/api/v1/customer/sessions/100%25/log"},
		{"%2F", "/api/v1/customer/sessions/%252F/log"},
		{"a b", "/api/v1/customer/sessions/a%20b/log"},
		{"a;b,c", "/api/v1/customer/sessions/a%3Bb%2Cc/log"},
		{"جلسة", "/api/v1/customer/sessions/%D8%AC%D9%84%D8%B3%D8%A9/log"},
	}
	srv := newAPIServer(t, always(200, docListReply))
	c, _ := newTestClient(t, srv.URL+basePath)
	for i, tt := range tests {
		if _, _, err := c.ListLogs(context.Background(), tt.id, PageOptions{}); err != nil {
			t.Fatalf("ListLogs(%q): %v", tt.id, err)
		}
		r := srv.requests()[i]
		if r.Path != tt.wantPath || r.Query != "" {
			t.Errorf("id %q: path %q query %q, want %q and no query", tt.id, r.Path, r.Query, tt.wantPath)
		}
	}
	// The segment survives as sent: "a/b" arrives with its escaped slash.
	if got := srv.requests()[1].RawPath; got != "/api/v1/customer/sessions/a%2Fb/log" {
		t.Errorf("RawPath %q", got)
	}
}

func TestInvalidSessionIDSendsNothing(t *testing.T) {
	srv := newAPIServer(t, always(200, docListReply))
	c, _ := newTestClient(t, srv.URL+basePath)
	for _, id := range []string{"", " ", ".", "..", "a\nb", "a\x7f", "\xff", strings.Repeat("x", 300)} {
		if _, _, err := c.ListLogs(context.Background(), id, PageOptions{}); asError(t, err).Kind != KindInvalidInput {
			t.Errorf("ListLogs(%q): %v", id, err)
		}
		if _, _, err := c.CreateLog(context.Background(), id, ActionEntered); asError(t, err).Kind != KindInvalidInput {
			t.Errorf("CreateLog(%q): %v", id, err)
		}
	}
	if n := srv.count(); n != 0 {
		t.Fatalf("%d requests sent for invalid ids", n)
	}
}
