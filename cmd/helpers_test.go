package cmd

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
)

// cliResult is what one in-process run of sessionlog produced.
type cliResult struct {
	stdout, stderr string
	code           int
}

// isolateEnv clears every SESSIONLOG_* variable, turns the pager off and
// points the default config path at an empty temporary directory.
func isolateEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "SESSIONLOG_") || name == "NO_COLOR" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("PAGER", "") // set and empty: no pager, unless a test names one
}

// runCLI runs sessionlog in-process with the given arguments, stdout and
// stderr not terminals.
func runCLI(t *testing.T, args ...string) cliResult {
	t.Helper()
	return runCLIWith(t, func(*IOStreams) {}, args...)
}

// runCLIWith is runCLI with a hook to adjust the streams first (TTY, stdin).
func runCLIWith(t *testing.T, setup func(*IOStreams), args ...string) cliResult {
	t.Helper()
	ios, _, out, errOut := TestIO()
	setup(ios)
	code := Run(context.Background(), args, ios)
	return cliResult{stdout: out.String(), stderr: errOut.String(), code: code}
}

// writeFile writes content to name in a new temporary directory and returns its path.
func writeFile(t *testing.T, name, content string, perm os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	return path
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// newMock serves the default fixture under /api and points SESSIONLOG_BASE_URL at it.
func newMock(t *testing.T, opts ...mockapi.Option) *mockapi.Server {
	t.Helper()
	isolateEnv(t)
	all := append([]mockapi.Option{mockapi.WithFixture(mockapi.DefaultFixture()), mockapi.WithBasePath("/api")}, opts...)
	srv, err := mockapi.NewServer(all...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	t.Setenv("SESSIONLOG_BASE_URL", srv.URL())
	return srv
}

// assertGolden compares got with testdata/NAME.golden, or rewrites it with -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// tty makes stdout and stderr terminals.
func tty(ios *IOStreams) {
	ios.SetStdoutTTY(true)
	ios.SetStderrTTY(true)
}

// stdoutTTY makes stdout a terminal, stderr not.
func stdoutTTY(ios *IOStreams) { ios.SetStdoutTTY(true) }
