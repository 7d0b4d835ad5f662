package client

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"time"
)

// netFault classifies an attempt that failed without a usable reply.
type netFault struct {
	reason      string // short cause for a RetryNotice, e.g. "connection refused"
	explanation string // English account for an *Error
	unsent      bool   // the request certainly never reached the server
	final       bool   // retrying cannot help
}

// classifyNetError inspects a transport error; timeout is the per-attempt
// limit (0 for none).
func classifyNetError(err error, timeout time.Duration) netFault {
	var (
		dnsErr  *net.DNSError
		opErr   *net.OpError
		certErr *tls.CertificateVerificationError
		recErr  tls.RecordHeaderError
	)
	switch {
	case errors.As(err, &dnsErr):
		return netFault{reason: "DNS lookup failed", explanation: "could not resolve the server's host name", unsent: true}
	case errors.As(err, &certErr):
		return netFault{reason: "TLS certificate error", explanation: "the server's TLS certificate could not be verified", unsent: true, final: true}
	case errors.As(err, &recErr) || errors.Is(err, http.ErrSchemeMismatch):
		return netFault{reason: "TLS error", explanation: "the server does not speak TLS (is the URL's scheme right?)", unsent: true, final: true}
	case errors.As(err, &opErr) && opErr.Op == "dial":
		reason := "connection failed"
		if errors.Is(err, syscall.ECONNREFUSED) {
			reason = "connection refused"
		} else if opErr.Timeout() {
			reason = "connection timed out"
		}
		return netFault{reason: reason, explanation: "could not connect to the server: " + reason, unsent: true}
	case isTimeout(err) && timeout > 0:
		return netFault{reason: "timeout", explanation: "no reply from the server within " + timeout.String()}
	case isTimeout(err):
		return netFault{reason: "timeout", explanation: "the connection timed out"}
	case errors.Is(err, syscall.ECONNRESET):
		return netFault{reason: "connection reset", explanation: "the connection was reset"}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return netFault{reason: "connection closed", explanation: "the server closed the connection unexpectedly"}
	}
	return netFault{reason: "network error", explanation: "network error"}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// transportError turns the failure of one attempt into an *Error, a short
// reason for a RetryNotice, and whether the attempt may be retried. rep is
// the reply whose body could not be read, or nil.
func (c *Client) transportError(ctx context.Context, method string, rep *reply, err error) (e *Error, reason string, retry bool) {
	fault := classifyNetError(err, c.timeout)
	if ctx.Err() != nil {
		return cancelledError(ctx, method, err, !fault.unsent), fault.reason, false
	}
	var redirErr *redirectError
	if errors.As(err, &redirErr) {
		return &Error{Kind: KindInvalidResponse, Explanation: "refused to follow the server's redirect: " + redirErr.reason, Err: silentCause(err)}, redirErr.reason, false
	}
	e = &Error{Kind: KindNetwork, Explanation: fault.explanation, Err: err}
	if rep != nil {
		e.StatusCode = rep.status
	}
	if method == http.MethodPost && !fault.unsent {
		e.Kind, e.Uncertain = KindUncertain, true
		e.Explanation += "; " + uncertainNote
		return e, fault.reason, false
	}
	return e, fault.reason, !fault.final
}

// cancelledError is the *Error for a request whose context ended; err is what the
// cancellation caused. sent says whether the request may have reached the server.
func cancelledError(ctx context.Context, method string, err error, sent bool) *Error {
	cause := err
	if !errors.Is(err, ctx.Err()) {
		cause = fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	e := &Error{Kind: KindNetwork, Explanation: "the request was cancelled", Err: cause}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e.Explanation = "the request's deadline passed"
	}
	if method == http.MethodPost && sent {
		e.Kind, e.Uncertain = KindUncertain, true
		e.Explanation += "; " + uncertainNote
	}
	return e
}
