package faults

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// Cut says how Truncate cuts a reply.
type Cut int

// The ways Truncate cuts a reply.
const (
	// CutFramed sends a complete HTTP reply whose body is the first half of
	// the real one, with a Content-Length to match: the framing is sound,
	// the JSON is truncated.
	CutFramed Cut = iota
	// CutDeclared declares the Content-Length of the whole body, sends its
	// first half and closes the connection.
	CutDeclared
	// CutChunked sends the first half in chunked encoding and closes the
	// connection before the last chunk.
	CutChunked
)

// Truncate lets the wrapped handler answer (so the request takes effect)
// and sends the first half of its reply body, cut as cut says.
func Truncate(cut Cut) Fault {
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		rec := record(next, r)
		body := rec.body.Bytes()
		half := body[:len(body)/2]
		copyHeader(w.Header(), rec.header)
		switch cut {
		case CutFramed:
			w.Header().Set("Content-Length", strconv.Itoa(len(half)))
		case CutDeclared:
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		case CutChunked:
			w.Header().Del("Content-Length")
		}
		w.WriteHeader(rec.code)
		_, _ = w.Write(half) // the client may have gone; nothing to do about it
		if cut != CutFramed {
			_ = http.NewResponseController(w).Flush() // as above
			closeConn(w)
		}
	})
}

// Rewrite lets the wrapped handler answer (so the request takes effect),
// decodes its reply body as a JSON object, applies edit to it and sends
// the result with the same status and headers. A body that is not a JSON
// object is sent unchanged.
func Rewrite(edit func(reply map[string]any)) Fault {
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		rec := record(next, r)
		body := rec.body.Bytes()
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var reply map[string]any
		if dec.Decode(&reply) == nil && reply != nil {
			edit(reply)
			if b, err := json.Marshal(reply); err == nil {
				body = b
			}
		}
		copyHeader(w.Header(), rec.header)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.code)
		_, _ = w.Write(body) // the client may have gone; nothing to do about it
	})
}

// SetPaging sets member key of the reply's "data" object (the paginator of
// a list reply) to value, e.g. SetPaging("last_page", -1); a reply whose
// "data" is not an object is sent unchanged.
func SetPaging(key string, value any) Fault {
	return Rewrite(func(reply map[string]any) {
		if data, ok := reply["data"].(map[string]any); ok {
			data[key] = value
		}
	})
}

// recording is the reply a handler wrote, kept to be sent later, changed
// or not at all. (httptest.ResponseRecorder would do, but would link the
// test server's package into the program.)
type recording struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (rec *recording) Header() http.Header { return rec.header }

func (rec *recording) Write(p []byte) (int, error) {
	rec.WriteHeader(http.StatusOK)
	return rec.body.Write(p)
}

// WriteHeader keeps the first status written, as a real reply does.
func (rec *recording) WriteHeader(code int) {
	if rec.code == 0 {
		rec.code = code
	}
}

// record serves r with next into a recording and returns it.
func record(next http.Handler, r *http.Request) *recording {
	rec := &recording{header: http.Header{}}
	next.ServeHTTP(rec, r)
	if rec.code == 0 {
		rec.code = http.StatusOK
	}
	return rec
}

// copyHeader copies every header value of src into dst.
func copyHeader(dst, src http.Header) {
	for name, values := range src {
		dst[name] = append([]string(nil), values...)
	}
}
