package cmd

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/mockapi"
)

// MockOptions are the inputs of `sessionlog mock`.
type MockOptions struct {
	IO  *IOStreams
	Now func() time.Time

	Listen  string
	Token   string
	Fixture string
	Latency time.Duration
}

func newMockCmd(f *Factory, runF func(context.Context, *MockOptions) error) *cobra.Command {
	opts := &MockOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "mock",
		Short: "Serve a local mock of the session-log API",
		Long: `Serve an in-memory mock of the session-log API until interrupted, with the
built-in sample sessions (1001 ended, 1002 in progress, 1003 cancelled,
1004 long, 1005 empty) or those of a fixture file. The built-in sessions
still in progress are moved to end just before the mock starts, so entries
created live follow them. It prints its base URL on
stdout and logs each request on stderr.`,
		Example: `  sessionlog mock --listen 127.0.0.1:8080 --token secret &
  sessionlog --base-url http://127.0.0.1:8080 --token secret list 1001`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runMock(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Listen, "listen", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
	fl.StringVar(&opts.Token, "token", "", "require this bearer token (default: accept any)")
	fl.StringVar(&opts.Fixture, "fixture", "", "YAML or JSON file of sessions to serve instead of the built-in ones")
	fl.DurationVar(&opts.Latency, "latency", 0, "delay every reply by this long")
	return cmd
}

func runMock(ctx context.Context, opts *MockOptions) error {
	fixture := mockapi.DefaultFixture().AnchoredAt(opts.Now())
	if opts.Fixture != "" {
		var err error
		if fixture, err = mockapi.LoadFixture(opts.Fixture); err != nil {
			return &ConfigError{Err: err}
		}
	}
	srv, err := mockapi.NewServer(
		mockapi.WithFixture(fixture),
		mockapi.WithToken(opts.Token),
		mockapi.WithLatency(opts.Latency),
		mockapi.WithRequestLog(opts.IO.ErrOut),
		mockapi.WithListenAddr(opts.Listen),
	)
	if err != nil {
		return fmt.Errorf("mock server: %w", err)
	}
	defer srv.Close()
	if host, _, err := net.SplitHostPort(opts.Listen); opts.Token == "" && (err != nil || !isLoopback(host)) {
		fmt.Fprintf(opts.IO.ErrOut, "warning: listening on %s without --token: anyone who can reach it can read and write its sessions\n", opts.Listen)
	}
	fmt.Fprintln(opts.IO.Out, srv.URL())
	fmt.Fprintf(opts.IO.ErrOut, "serving the mock session-log API at %s with sessions %s (Ctrl-C to stop)\n",
		srv.URL(), strings.Join(srv.Handler().Sessions(), ", "))
	if err := srv.Serve(ctx); err != nil {
		return fmt.Errorf("mock server: %w", err)
	}
	fmt.Fprintln(opts.IO.ErrOut, "mock server stopped")
	return nil
}
