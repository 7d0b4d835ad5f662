package cmd

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// newTransport builds the HTTP transport for the configured TLS settings.
// It keeps as many idle connections to the API as requests may be in
// flight at once, so concurrent paging reuses its connections (and TLS
// sessions) instead of opening new ones every round.
func newTransport(s *Settings) (http.RoundTripper, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = max(s.Concurrency, t.MaxIdleConnsPerHost)
	if s.CACert == "" && !s.InsecureSkipVerify {
		return t, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.CACert != "" {
		pem, err := readSettingsFile(s.CACert)
		if err != nil {
			return nil, configErrorf("ca_cert: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, configErrorf("ca_cert %s: no PEM certificate found", s.CACert)
		}
		cfg.RootCAs = pool
	}
	cfg.InsecureSkipVerify = s.InsecureSkipVerify //nolint:gosec // opt-in from config only, warned about on every run
	t.TLSClientConfig = cfg
	return t, nil
}

// tokenCommandTimeout bounds how long token_command may run.
const tokenCommandTimeout = 30 * time.Second

// runTokenCommand runs the configured token_command through the shell and
// returns the first line of its standard output, trimmed, as the token.
func runTokenCommand(ctx context.Context, command string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, tokenCommandTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	c := shellCommand(ctx, command)
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		detail := strings.TrimSpace(stderr.String())
		if detail != "" {
			err = fmt.Errorf("%w: %s", err, firstLine(detail))
		}
		return "", &ConfigError{Err: fmt.Errorf("token_command %q failed: %w", command, err)}
	}
	// Like pass(1), a password store prints the secret on its first line
	// and may add notes (user name, URL) on the lines after it.
	token := strings.TrimSpace(firstLine(stdout.String()))
	switch {
	case token == "" && strings.TrimSpace(stdout.String()) != "":
		return "", &ConfigError{Err: errors.New("token_command printed no token on its first line")}
	case token == "":
		return "", &ConfigError{Err: errors.New("token_command printed no token")}
	}
	return token, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
