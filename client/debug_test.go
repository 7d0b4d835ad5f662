package client

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestDebugTraceRedactsToken(t *testing.T) {
	const token = "sk-live-0123456789abcdef"
	srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch n {
		case 1:
			respond(w, 200, docListReply, "Set-Cookie", "session=abc")
		case 2:
			respond(w, 401, `{"message":"token `+token+` expired"}`)
		default:
			respond(w, 200, docCreateReply)
		}
	})
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithToken(token), WithDebug(&trace), WithUserAgent("sessionlog/9.9"))
	if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{Page: 1}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.ListLogs(context.Background(), "s1", PageOptions{}); err == nil || strings.Contains(err.Error(), token) {
		t.Fatalf("error %v", err)
	}
	if _, _, err := c.CreateLog(context.Background(), "s1", ActionEntered); err != nil {
		t.Fatal(err)
	}
	out := trace.String()
	if strings.Contains(out, token) {
		t.Fatalf("trace shows the token:\n%s", out)
	}
	for _, want := range []string{
		"--> GET " + srv.URL + logPath + "?page=1\n",
		"--> POST " + srv.URL + logPath + "\n",
		"--> Authorization: Bearer ***\n",
		"--> User-Agent: sessionlog/9.9\n",
		"--> Accept: application/json\n",
		"<-- HTTP/1.1 200 OK (",
		"<-- HTTP/1.1 401 Unauthorized (",
		"<-- Set-Cookie: ***\n",
		"<-- Content-Type: application/json\n",
		`{"message":"token *** expired"}`,
		"\n" + `{"action_type":"ENTERED"}` + "\n",
		`"text": "Customer entered the session",`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("trace lacks %q", want)
		}
	}
	if n := strings.Count(out, "Bearer ***"); n != 3 {
		t.Errorf("%d redacted Authorization lines, want 3", n)
	}
}

func TestDebugTraceKeepsReplyIntact(t *testing.T) {
	big := `{"success":true,"data":{"current_page":1,"data":[{"text":"` + strings.Repeat("x", 3*debugBodyLimit) + `","date":"d","action_type":"LEFT"}],"last_page":1,"per_page":30,"total":1}}`
	srv := newAPIServer(t, always(200, big))
	var trace syncBuffer
	c, _ := newTestClient(t, srv.URL+basePath, WithDebug(&trace))
	page, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries[0].Text) != 3*debugBodyLimit {
		t.Fatalf("entry text has %d bytes", len(page.Entries[0].Text))
	}
	if !strings.Contains(trace.String(), "[body cut at 65536 bytes in this trace]") {
		t.Fatal("trace does not say the body was cut")
	}
}
