package cmd

import (
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

func TestTokenCommand(t *testing.T) {
	needsUnix(t)
	tests := []struct {
		name     string
		config   string
		wantCode int
		wantErr  string
	}{
		{"token from command", "token_command: echo cmd-token-123456\n", 0, ""},
		{"command fails", "token_command: echo locked >&2; exit 3\n", ExitUsage, `token_command "echo locked >&2; exit 3" failed: exit status 3: locked`},
		{"command prints nothing", "token_command: \"true\"\n", ExitUsage, "token_command printed no token"},
		{"token wins over command", "token: cmd-token-123456\ntoken_command: exit 1\n", 0, ""},
		{"a pass entry: the first line", "token_command: >-\n  printf 'cmd-token-123456\\r\\nlogin: support\\nurl: https://x\\n'\n", 0, ""},
		{"first line blank", "token_command: printf '\\ncmd-token-123456\\n'\n", ExitUsage, "token_command printed no token on its first line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newMock(t, mockapi.WithToken("cmd-token-123456"))
			res := runCLI(t, "list", "1001", "--config", writeFile(t, "config.yaml", tt.config, 0o600))
			if res.code != tt.wantCode || !strings.Contains(res.stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", res.code, res.stderr, tt.wantCode, tt.wantErr)
			}
			if tt.wantCode == ExitUsage && srv.Handler().RequestCount("") != 0 {
				t.Errorf("requests were sent without a token")
			}
		})
	}
}

func TestPlainHTTPTokenWarning(t *testing.T) {
	isolateEnv(t)
	t.Setenv("SESSIONLOG_TOKEN", "some-token-value")
	res := runCLI(t, "list", "1001", "--base-url", "http://sessions.invalid/api", "--retries", "0")
	want := "warning: the token is sent over plain http to sessions.invalid; use https\n"
	if !strings.HasPrefix(res.stderr, want) || res.code != ExitUnavailable {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start with %q", res.code, res.stderr, want)
	}
	if strings.Contains(res.stderr, "some-token-value") {
		t.Error("the token was printed")
	}

	newMock(t)
	if res := runCLI(t, "list", "1001"); res.stderr != "" {
		t.Errorf("loopback http earned a warning: %s", res.stderr)
	}
}

func TestTLS(t *testing.T) {
	h := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()), mockapi.WithBasePath("/api"))
	srv := httptest.NewTLSServer(h)
	defer srv.Close()
	caFile := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))

	tests := []struct {
		name     string
		args     []string
		config   string
		wantCode int
		wantErr  string
	}{
		{"unknown CA refused", nil, "", ExitUnavailable, "certificate"},
		{"private CA from flag", []string{"--ca-cert", "CA"}, "", 0, ""},
		{"private CA from config", nil, "ca_cert: CA\n", 0, ""},
		{"not a PEM file", []string{"--ca-cert", "CONFIG"}, "x: 1\n", ExitUsage, "no PEM certificate found"},
		{"insecure from config, warned", nil, "insecure_skip_verify: true\n", 0,
			"warning: insecure_skip_verify is on (CONFIG): TLS certificates are not checked\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			ca := writeFile(t, "ca.pem", caFile, 0o600)
			config := writeFile(t, "config.yaml", strings.ReplaceAll(tt.config, "CA", ca), 0o600)
			args := []string{"list", "1001", "--base-url", srv.URL + "/api", "--retries", "0", "--config", config}
			for _, a := range tt.args {
				args = append(args, strings.NewReplacer("CONFIG", config, "CA", ca).Replace(a))
			}
			res := runCLI(t, args...)
			wantErr := strings.ReplaceAll(tt.wantErr, "CONFIG", config)
			if res.code != tt.wantCode || !strings.Contains(res.stderr, wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", res.code, res.stderr, tt.wantCode, wantErr)
			}
		})
	}
}

func TestTransportKeepsAConnectionPerWorker(t *testing.T) {
	rt, err := newTransport(&Settings{Concurrency: 8})
	if err != nil {
		t.Fatal(err)
	}
	if got := rt.(*http.Transport).MaxIdleConnsPerHost; got != 8 {
		t.Errorf("MaxIdleConnsPerHost = %d, want 8", got)
	}
}
