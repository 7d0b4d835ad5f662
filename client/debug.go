package client

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sessionlog/sessionlog/internal/safetext"
)

// debugBodyLimit is the most bytes of a body a trace shows.
const debugBodyLimit = 64 << 10

// debugTransport writes a trace of every HTTP exchange, redirects included,
// with credentials redacted. One exchange is written in one Write call.
type debugTransport struct {
	next   http.RoundTripper
	w      io.Writer
	mu     sync.Mutex
	redact func(string) string
}

func newDebugTransport(next http.RoundTripper, w io.Writer, redact func(string) string) *debugTransport {
	return &debugTransport{next: next, w: w, redact: redact}
}

// RoundTrip traces req and its reply around the wrapped transport.
func (t *debugTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "--> %s %s\n", req.Method, req.URL.Redacted())
	writeHeaders(&b, "--> ", req.Header)
	if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			data, _ := io.ReadAll(io.LimitReader(body, debugBodyLimit+1))
			_ = body.Close()
			writeBody(&b, data)
		}
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	elapsed := time.Since(start).Round(time.Millisecond)
	if err != nil {
		fmt.Fprintf(&b, "<-- error after %s: %v\n", elapsed, err)
		t.write(b.String())
		return nil, err
	}
	fmt.Fprintf(&b, "<-- %s %s (%s)\n", resp.Proto, resp.Status, elapsed)
	writeHeaders(&b, "<-- ", resp.Header)
	data, readErr := io.ReadAll(io.LimitReader(resp.Body, debugBodyLimit+1))
	writeBody(&b, data)
	if readErr != nil {
		fmt.Fprintf(&b, "<-- error reading the body: %v\n", readErr)
	}
	t.write(b.String())

	rest := resp.Body
	if readErr != nil {
		rest = io.NopCloser(errReader{readErr})
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(data), rest), resp.Body}
	return resp, nil
}

// write writes one exchange's trace, redacted, each line made safe for a
// terminal: bodies and headers are the server's, and --debug output goes to
// the user's terminal.
func (t *debugTransport) write(s string) {
	trace := safetext.Lines(t.redact(s))
	t.mu.Lock()
	defer t.mu.Unlock()
	_, _ = io.WriteString(t.w, trace+"\n")
}

// writeHeaders writes headers sorted by name, with credentials redacted.
func writeHeaders(b *strings.Builder, prefix string, h http.Header) {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range h[name] {
			fmt.Fprintf(b, "%s%s: %s\n", prefix, name, redactHeader(name, v))
		}
	}
}

func writeBody(b *strings.Builder, data []byte) {
	if len(data) == 0 {
		return
	}
	truncated := len(data) > debugBodyLimit
	if truncated {
		data = data[:debugBodyLimit]
	}
	b.WriteString("\n")
	b.Write(bytes.TrimRight(data, "\r\n"))
	b.WriteString("\n")
	if truncated {
		fmt.Fprintf(b, "[body cut at %d bytes in this trace]\n", debugBodyLimit)
	}
}

// errReader returns err from every Read.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
