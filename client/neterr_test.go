package client

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestClassifyNetError(t *testing.T) {
	wrap := func(err error) error { return &url.Error{Op: "Post", URL: "http://h/api", Err: err} }
	dial := func(err error) error { return wrap(&net.OpError{Op: "dial", Net: "tcp", Err: err}) }
	tests := []struct {
		name        string
		err         error
		reason      string
		explanation string
		unsent      bool
		final       bool
	}{
		{"refused", dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), "connection refused", "could not connect to the server: connection refused", true, false},
		{"dns", dial(&net.DNSError{Err: "no such host", Name: "h", IsNotFound: true}), "DNS lookup failed", "could not resolve the server's host name", true, false},
		{"dial timeout", dial(context.DeadlineExceeded), "connection timed out", "could not connect to the server: connection timed out", true, false},
		{"dial other", dial(errors.New("network is unreachable")), "connection failed", "could not connect to the server: connection failed", true, false},
		{"certificate", wrap(&tls.CertificateVerificationError{Err: errors.New("x509: unknown authority")}), "TLS certificate error", "the server's TLS certificate could not be verified", true, true},
		{"not TLS", wrap(tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}), "TLS error", "the server does not speak TLS (is the URL's scheme right?)", true, true},
		{"attempt timeout", wrap(context.DeadlineExceeded), "timeout", "no reply from the server within 30s", false, false},
		{"reset", wrap(&net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), "connection reset", "the connection was reset", false, false},
		{"eof", wrap(io.EOF), "connection closed", "the server closed the connection unexpectedly", false, false},
		{"body cut", fmt.Errorf("reading the reply body: %w", io.ErrUnexpectedEOF), "connection closed", "the server closed the connection unexpectedly", false, false},
		{"other", wrap(errors.New("boom")), "network error", "network error", false, false},
	}
	for _, tt := range tests {
		got := classifyNetError(tt.err, 30*time.Second)
		want := netFault{reason: tt.reason, explanation: tt.explanation, unsent: tt.unsent, final: tt.final}
		if got != want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, want)
		}
	}
	if got := classifyNetError(wrap(context.DeadlineExceeded), 0).explanation; got != "the connection timed out" {
		t.Errorf("timeout without a limit: %q", got)
	}
}

func TestUntrustedCertificateIsNotRetried(t *testing.T) {
	srv := newTLSAPIServer(t, scripted(stepOK))
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		c, clock := newTestClient(t, srv.URL+basePath, WithTransport(&http.Transport{}))
		err := call(c, context.Background(), method)
		if e := asError(t, err); e.Kind != KindNetwork || e.Explanation != "the server's TLS certificate could not be verified" {
			t.Errorf("%s: %s %q", method, e.Kind, e.Explanation)
		}
		if len(clock.Waits()) != 0 {
			t.Errorf("%s: retried", method)
		}
	}
	if srv.count() != 0 {
		t.Errorf("%d requests reached the handler", srv.count())
	}
}

func TestPlainHTTPToTLSPortIsNotRetried(t *testing.T) {
	srv := newAPIServer(t, scripted(stepOK))
	c, clock := newTestClient(t, "https://"+srv.Listener.Addr().String()+basePath)
	err := call(c, context.Background(), http.MethodGet)
	if e := asError(t, err); e.Kind != KindNetwork || e.Explanation != "the server does not speak TLS (is the URL's scheme right?)" || len(clock.Waits()) != 0 {
		t.Errorf("%s %q, waits %v: %#v", e.Kind, e.Explanation, clock.Waits(), e.Err)
	}
}
