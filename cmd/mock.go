package cmd

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// MockOptions are the inputs of `sessionlog mock`.
type MockOptions struct {
	IO  *IOStreams
	Now func() time.Time

	Listen     string
	Token      string
	Fixture    string
	Latency    time.Duration
	Faults     []string
	FaultFile  string
	Clock      string
	BasePath   string
	MaxPerPage int
	AutoCreate bool
}

func newMockCmd(f *Factory, runF func(context.Context, *MockOptions) error) *cobra.Command {
	opts := &MockOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "mock",
		Short: "Serve a local mock of the session-log API",
		Long: `Serve an in-memory mock of the session-log API until interrupted, with the
built-in sample sessions (1001 ended, 1002 in progress, 1003 cancelled,
1004 long, 1005 empty) or those of a fixture file. The built-in sessions
still in progress are moved to end just before the mock's clock starts, so
entries created live follow them; a fixture's sessions are moved so when
marked "anchor: start". It prints its base URL on stdout and logs each
request on stderr.

Faults: --fault METHOD=STATUS[xN] (repeatable) answers the next N requests
of METHOD (* for any) with STATUS instead of the API, or every one
without xN: GET=503x2, POST=429x1, GET=500, *=dropx1 (close the connection
unanswered). --fault-file reads a JSON list of rules, each a short form or
{"method": "GET", "status": 503, "times": 2, "retry_after": 1,
 "session": "1002", "body": "html|api|laravel|empty", "drop": true,
 "delay": "2s"}.

Time: --clock 2026-11-26T14:30:00Z freezes the mock's clock there; it
moves only through POST /_mock/clock, so created entries' dates and the
built-in sessions are the same on every run.

Admin API, under the base URL, with the same token when --token is set:
  POST   /_mock/reset     back to the start: fixture, --fault rules re-armed,
                          added rules removed, journal empty, clock reset
  GET    /_mock/requests  the journal, oldest first: a JSON list of
                          {time, method, path, query, status, body}
                          (status 0: no reply sent; body capped at 64 KiB)
  DELETE /_mock/requests  empty the journal
  POST   /_mock/faults    add rules, a JSON list as in --fault-file
  DELETE /_mock/faults    remove every rule, --fault ones included
  POST   /_mock/sessions  add or replace sessions, in the fixture's format
  POST   /_mock/clock     {"set": "2026-11-26T14:30:00Z"} or {"advance": "11m"}
  GET    /_mock/health    {"status": "ok", "now", "frozen", "sessions",
                          "faults", "requests"}
Admin requests are logged, never journalled, and never meet a fault.

Checks follow Laravel's order: an invalid body is a 422 validation error
before an unknown session's 404 or an ended session's 422.`,
		Example: `  sessionlog mock --listen 127.0.0.1:8080 --token secret &
  sessionlog --base-url http://127.0.0.1:8080 --token secret list 1001

  # a QA run: a free port, a frozen clock, the first GET answered 503
  sessionlog mock --listen 127.0.0.1:0 --clock 2026-11-26T16:20:00Z --fault GET=503x1
  curl -s "$url/_mock/requests" | jq '.[].status'
  curl -s -X POST "$url/_mock/clock" -d '{"advance": "11m"}'
  curl -s -X POST "$url/_mock/reset"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runMock(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Listen, "listen", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
	fl.StringVar(&opts.Token, "token", "", "require this bearer token, on the admin API too (default: accept any)")
	fl.StringVar(&opts.Fixture, "fixture", "", "YAML or JSON file of sessions to serve instead of the built-in ones")
	fl.DurationVar(&opts.Latency, "latency", 0, "delay every reply by this long")
	fl.StringArrayVar(&opts.Faults, "fault", nil, "inject a fault: METHOD=STATUS[xN], e.g. GET=503x2 (repeatable)")
	fl.StringVar(&opts.FaultFile, "fault-file", "", "JSON file listing fault rules")
	fl.StringVar(&opts.Clock, "clock", "", "freeze the mock's clock at this RFC 3339 time")
	fl.StringVar(&opts.BasePath, "base-path", "", "serve the API under this path prefix, e.g. /api")
	fl.IntVar(&opts.MaxPerPage, "max-per-page", 0, "cap per_page at this many entries (0: no cap)")
	fl.BoolVar(&opts.AutoCreate, "auto-create", false, "a POST to an unknown session creates it")
	return cmd
}

func runMock(ctx context.Context, opts *MockOptions) error {
	mockOpts, err := mockServerOptions(opts)
	if err != nil {
		return err
	}
	srv, err := mockapi.NewServer(mockOpts...)
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

// mockServerOptions turns the command line into the server's options,
// checking every flag before anything listens.
func mockServerOptions(opts *MockOptions) ([]mockapi.Option, error) {
	start := opts.Now()
	var clockOpts []mockapi.Option
	if opts.Clock != "" {
		t, err := time.Parse(time.RFC3339, opts.Clock)
		if err != nil {
			return nil, configErrorf("--clock %q is not an RFC 3339 time such as 2026-11-26T14:30:00Z", opts.Clock)
		}
		start = t
		clockOpts = append(clockOpts, mockapi.WithFrozenClock(t))
	}
	if opts.MaxPerPage < 0 {
		return nil, configErrorf("--max-per-page %d is negative", opts.MaxPerPage)
	}
	fixture := mockapi.DefaultFixture().AnchoredAt(start)
	if opts.Fixture != "" {
		var err error
		if fixture, err = mockapi.LoadFixture(opts.Fixture); err != nil {
			return nil, &ConfigError{Err: err}
		}
	}
	rules, err := mockFaultRules(opts)
	if err != nil {
		return nil, err
	}
	return append(clockOpts,
		mockapi.WithFixture(fixture),
		mockapi.WithToken(opts.Token),
		mockapi.WithLatency(opts.Latency),
		mockapi.WithRequestLog(opts.IO.ErrOut),
		mockapi.WithListenAddr(opts.Listen),
		mockapi.WithBasePath(opts.BasePath),
		mockapi.WithMaxPerPage(opts.MaxPerPage),
		mockapi.WithFaults(rules...),
		mockapi.WithAutoCreate(opts.AutoCreate),
	), nil
}

// mockFaultRules reads --fault-file's rules, then --fault's.
func mockFaultRules(opts *MockOptions) ([]faults.Rule, error) {
	var specs []faults.Spec
	if opts.FaultFile != "" {
		data, err := os.ReadFile(opts.FaultFile)
		if err != nil {
			return nil, &ConfigError{Err: fmt.Errorf("read --fault-file: %w", err)}
		}
		if specs, err = faults.ParseSpecs(data); err != nil {
			return nil, configErrorf("--fault-file %s: %w", opts.FaultFile, err)
		}
	}
	for _, s := range opts.Faults {
		spec, err := faults.ParseSpec(s)
		if err != nil {
			return nil, configErrorf("--fault: %w", err)
		}
		specs = append(specs, spec)
	}
	rules, err := faults.Rules(specs)
	if err != nil {
		return nil, configErrorf("fault: %w", err)
	}
	return rules, nil
}
