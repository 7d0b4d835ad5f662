package mockapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

// shutdownGrace is how long Serve lets requests in flight finish.
const shutdownGrace = 2 * time.Second

// Server serves a Handler over HTTP on a real listener.
type Server struct {
	handler *Handler
	srv     *http.Server
	url     string
	done    chan struct{} // closed when the HTTP server has stopped
	err     error         // why it stopped, if not by Close or Serve; read after done
}

// NewServer starts serving a new Handler (built from opts) on the
// WithListenAddr address, 127.0.0.1:0 by default, and returns at once.
// Stop it with Close, or with Serve's context.
func NewServer(opts ...Option) (*Server, error) {
	c := newConfig(opts)
	ln, err := net.Listen("tcp", c.listenAddr)
	if err != nil {
		return nil, fmt.Errorf("mockapi: listen on %s: %w", c.listenAddr, err)
	}
	s := &Server{
		handler: newHandler(c),
		url:     "http://" + dialAddr(ln.Addr()) + c.basePath,
		done:    make(chan struct{}),
	}
	s.srv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.err = err
		}
	}()
	return s, nil
}

// dialAddr is the address a client on this machine dials to reach a
// listener: loopback in place of an unspecified address (0.0.0.0, ::).
func dialAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
}

// URL returns the base URL to give a client, e.g. "http://127.0.0.1:41234"
// (with the base path, if any).
func (s *Server) URL() string { return s.url }

// Handler returns the served Handler, for seeding and inspection.
func (s *Server) Handler() *Handler { return s.handler }

// Close stops the server at once, dropping open connections, and waits
// for it to stop. It may be called more than once.
func (s *Server) Close() {
	_ = s.srv.Close() // only reports listener close errors; the server is stopped either way
	<-s.done
}

// Serve blocks until ctx is done, then shuts the server down, letting
// requests in flight finish for up to two seconds. It returns early with
// the error if the server fails.
func (s *Server) Serve(ctx context.Context) error {
	select {
	case <-s.done:
		if s.err != nil {
			return fmt.Errorf("mockapi: serve: %w", s.err)
		}
		return nil
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := s.srv.Shutdown(sctx)
	s.Close()
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("mockapi: shutdown: %w", err)
	}
	return nil
}
