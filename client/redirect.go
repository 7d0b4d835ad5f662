package client

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects is the most redirects one request follows.
const maxRedirects = 5

// redirectError is why a redirect was not followed.
type redirectError struct{ reason string }

func (e *redirectError) Error() string { return "redirect refused: " + e.reason }

// silentCause wraps the *url.Error of a refused redirect, whose text would
// repeat the reason and show the Location unredacted: it adds nothing to a
// message, yet errors.As still finds the *url.Error.
func silentCause(err error) error { return &redactedError{text: "", err: err} }

// checkRedirect follows at most maxRedirects redirects, never from https to
// http, never to another scheme, never turning the method into another
// (such as a POST into a GET) and never taking a POST to another host, where
// it would record an entry the user did not aim at. A GET redirected away
// from the original host and port loses its Authorization header, so the
// token reaches no other host.
func checkRedirect(req *http.Request, via []*http.Request) error {
	first, prev := via[0], via[len(via)-1]
	switch {
	case len(via) > maxRedirects:
		return &redirectError{fmt.Sprintf("stopped after %d redirects", maxRedirects)}
	case req.URL.Scheme != "http" && req.URL.Scheme != "https":
		return &redirectError{fmt.Sprintf("unsupported scheme in %s", req.URL.Redacted())}
	case prev.URL.Scheme == "https" && req.URL.Scheme != "https":
		return &redirectError{fmt.Sprintf("it goes from https to insecure %s", req.URL.Redacted())}
	case req.Method != first.Method:
		return &redirectError{fmt.Sprintf("it would turn the %s into a %s", first.Method, req.Method)}
	case first.Method == http.MethodPost && !sameHost(first.URL, req.URL):
		return &redirectError{fmt.Sprintf("it would send the new entry to another host, %s", req.URL.Host)}
	}
	if !sameHost(first.URL, req.URL) {
		req.Header.Del("Authorization")
	}
	return nil
}

// sameHost reports whether b is on a's host and port; an upgrade from http
// on port 80 to https on port 443 of the same host counts as the same.
func sameHost(a, b *url.URL) bool {
	if !strings.EqualFold(a.Hostname(), b.Hostname()) {
		return false
	}
	pa, pb := effectivePort(a), effectivePort(b)
	return pa == pb || (a.Scheme == "http" && pa == "80" && b.Scheme == "https" && pb == "443")
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}
