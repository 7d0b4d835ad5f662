package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

func TestExitCodeMapping(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{errors.New("boom"), ExitError},
		{&UsageError{Err: errors.New("bad flag")}, ExitUsage},
		{&ConfigError{Err: errors.New("bad config file")}, ExitUsage},
		{&client.UnknownActionError{Input: "X"}, ExitUsage},
		{&client.Error{Kind: client.KindInvalidInput}, ExitUsage},
		{&sessionError{id: "7", err: &client.Error{Kind: client.KindEndpointNotFound, StatusCode: 404}}, ExitUsage},
		{&client.Error{Kind: client.KindAuth, StatusCode: 401}, ExitAuth},
		{fmt.Errorf("wrapped: %w", &client.Error{Kind: client.KindNotFound}), ExitNotFound},
		{&client.Error{Kind: client.KindValidation}, ExitRejected},
		{&client.Error{Kind: client.KindSessionEnded}, ExitRejected},
		{&client.Error{Kind: client.KindServer}, ExitUnavailable},
		{&client.Error{Kind: client.KindNetwork}, ExitUnavailable},
		{&client.Error{Kind: client.KindRateLimited}, ExitUnavailable},
		{&client.Error{Kind: client.KindUncertain}, ExitUnavailable},
		{&client.Error{Kind: client.KindInvalidResponse}, ExitError},
		{&reportedError{first: &client.Error{Kind: client.KindNotFound}}, ExitNotFound},
		{fmt.Errorf("%w: %w", context.Canceled, &client.Error{Kind: client.KindNetwork}), ExitInterrupted},
	}
	for _, tt := range tests {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestExitCodes runs a real command for every exit code.
func TestExitCodes(t *testing.T) {
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"success":true,"data":"not a page"}`)
	}))
	defer garbage.Close()
	closed := closedPortURL(t)

	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    int
		wantErr string
	}{
		{"success", nil, []string{"list", "1001"}, ExitOK, ""},
		{"invalid reply", map[string]string{"SESSIONLOG_BASE_URL": garbage.URL + "/api"}, []string{"list", "1001"}, ExitError, "error: "},
		{"no base URL", map[string]string{"SESSIONLOG_BASE_URL": ""}, []string{"list", "1001"}, ExitUsage, "no API base URL is configured"},
		{"bad base URL", map[string]string{"SESSIONLOG_BASE_URL": "ftp://x"}, []string{"list", "1001"}, ExitUsage, "base URL"},
		{"wrong token", map[string]string{"SESSIONLOG_TOKEN": "wrong"}, []string{"list", "1001"}, ExitAuth, "(HTTP 401)"},
		{"not found", nil, []string{"list", "999"}, ExitNotFound, "session \"999\" not found (HTTP 404)"},
		{"session ended", nil, []string{"create", "1001", "ENTERED"}, ExitRejected, "(HTTP 422)"},
		{"server unreachable", map[string]string{"SESSIONLOG_BASE_URL": closed}, []string{"list", "1001", "--retries", "0"}, ExitUnavailable, "error: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newMock(t, mockapi.WithToken("secret"))
			t.Setenv("SESSIONLOG_TOKEN", "secret")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			res := runCLI(t, tt.args...)
			if res.code != tt.want || !strings.Contains(res.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", res.code, res.stderr, tt.want, tt.wantErr)
			}
			if strings.Count(strings.TrimSpace(res.stderr), "\n") > 2 {
				t.Errorf("error is longer than the message and its server line:\n%s", res.stderr)
			}
		})
	}
}

func TestInterruptedRunExits130(t *testing.T) {
	isolateEnv(t)
	s := newFaultServer(t, onGet(faults.Slow(time.Minute)))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ios, _, out, errOut := TestIO()
	done := make(chan int, 1)
	go func() { done <- Run(ctx, faultArgs(s.baseURL(), "list", "1001", "-o", "json"), ios) }()
	waitFor(t, func() bool { return s.layer.Count(http.MethodGet) == 1 }) // Ctrl-C while the reply is pending
	cancel()
	if code := <-done; code != ExitInterrupted {
		t.Errorf("exit %d, want %d; stderr %s", code, ExitInterrupted, errOut)
	}
	if out.String() != "[]\n" && out.String() != "" {
		t.Errorf("stdout is not empty or a complete document: %q", out)
	}
}

// closedPortURL returns a loopback URL on which nothing listens.
func closedPortURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/api"
}

// TestHelpHintOnlyForUsageErrors: a mistake on the command line points at
// --help; a problem in the configuration or an input file does not.
func TestHelpHintOnlyForUsageErrors(t *testing.T) {
	newMock(t)
	tests := []struct {
		args []string
		hint bool
	}{
		{[]string{"list", "1001", "--pages", "2"}, true},
		{[]string{"create", "1001", "ENTRED"}, true},
		{[]string{"list", "1001", "--config", "/nonexistent.yaml"}, false},
		{[]string{"create", "--from-file", "/nonexistent.csv"}, false},
		{[]string{"mock", "--fixture", "/nonexistent.yaml"}, false},
	}
	for _, tt := range tests {
		res := runCLI(t, tt.args...)
		if res.code != ExitUsage || strings.Contains(res.stderr, "--help' for usage") != tt.hint {
			t.Errorf("%v: exit %d, stderr:\n%s", tt.args, res.code, res.stderr)
		}
	}
}

func TestMockListenFailureIsNotAUsageError(t *testing.T) {
	isolateEnv(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	res := runCLI(t, "mock", "--listen", ln.Addr().String())
	if res.code != ExitError || !strings.Contains(res.stderr, "address already in use") || strings.Contains(res.stderr, "--help") {
		t.Errorf("exit %d, stderr:\n%s", res.code, res.stderr)
	}
}
