package faults

import (
	"bytes"
	"io"
	"net/http"
	"time"

	"github.com/sessionlog/sessionlog/internal/clock"
)

// Slow waits d, then lets the wrapped handler answer. When the request's
// context ends first (the client gave up or went away) it returns without
// calling the handler, so the request does not take effect. It reads the
// request body first (the handler gets a copy), because the server only
// notices a client leaving once the body has been read.
func Slow(d time.Duration) Fault {
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return // the client went away while sending
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if clock.Sleep(r.Context(), d) == nil {
			next.ServeHTTP(w, r)
		}
	})
}

// Drop closes the connection without any reply; the request does not take
// effect. Use After(Drop()) for a request that takes effect but is never
// answered.
func Drop() Fault {
	return FaultFunc(func(w http.ResponseWriter, _ *http.Request, _ http.Handler) {
		closeConn(w)
	})
}

// After lets the wrapped handler serve the request first, so that it takes
// effect (a POST is stored), then injects f. The handler's reply is held
// back: f's next sends it unchanged, so After(Slow(d)) is a stored request
// answered late, After(Drop()) one never answered and After(HTML(502,
// "502 Bad Gateway")) one a proxy answered with 502.
func After(f Fault) Fault {
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		rec := record(next, r)
		replay := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			copyHeader(w.Header(), rec.header)
			w.WriteHeader(rec.code)
			_, _ = w.Write(rec.body.Bytes()) // the client may have gone; nothing to do about it
		})
		f.Inject(w, r, replay)
	})
}

// closeConn closes the connection at once; what was written and not yet
// flushed is lost. A writer that cannot be hijacked (HTTP/2) is aborted
// instead, which resets the stream.
func closeConn(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close() // the connection is being thrown away; a close error changes nothing
}
