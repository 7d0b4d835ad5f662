package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliResult is what one in-process run of sessionlog produced.
type cliResult struct {
	stdout, stderr string
	code           int
}

// isolateEnv clears every SESSIONLOG_* variable and points the default
// config path at an empty temporary directory.
func isolateEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "SESSIONLOG_") || name == "NO_COLOR" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
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
