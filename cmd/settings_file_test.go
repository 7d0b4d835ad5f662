//go:build unix

package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runBounded is runCLI that fails t, rather than hanging, when the run
// does not end within eventLimit.
func runBounded(t *testing.T, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ios, _, out, errOut := TestIO()
	done := make(chan int, 1)
	go func() { done <- Run(ctx, args, ios) }()
	select {
	case code := <-done:
		return cliResult{stdout: out.String(), stderr: errOut.String(), code: code}
	case <-time.After(eventLimit):
		t.Fatalf("%v did not end", args)
		return cliResult{}
	}
}

func TestSettingsFilesMustBeSmallRegularFiles(t *testing.T) {
	isolateEnv(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// A sparse file one byte over the limit: nothing of it is on disk.
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, maxSettingsFileSize+1); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"config is a FIFO", []string{"--config", fifo}, "error: config file " + fifo + ": read " + fifo + ": a named pipe (FIFO), not a regular file\n"},
		{"config is a device", []string{"--config", os.DevNull}, "error: config file /dev/null: read /dev/null: a device, not a regular file\n"},
		{"config is a directory", []string{"--config", dir}, "error: config file " + dir + ": read " + dir + ": a directory, not a regular file\n"},
		{"config is over 16 MiB", []string{"--config", big}, "error: config file " + big + ": read " + big + ": larger than the 16 MiB limit\n"},
		{"CA is a FIFO", []string{"--ca-cert", fifo}, "error: ca_cert: read " + fifo + ": a named pipe (FIFO), not a regular file\n"},
		{"CA is a device", []string{"--ca-cert", os.DevNull}, "error: ca_cert: read /dev/null: a device, not a regular file\n"},
		{"CA is over 16 MiB", []string{"--ca-cert", big}, "error: ca_cert: read " + big + ": larger than the 16 MiB limit\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"list", "1001", "--base-url", "https://sessions.invalid/api", "--token", "t"}, tt.args...)
			res := runBounded(t, args...)
			if res.code != ExitUsage || res.stderr != tt.want || res.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and:\n%s", res.code, res.stdout, res.stderr, ExitUsage, tt.want)
			}
		})
	}
}

func TestTimeoutMustBePositive(t *testing.T) {
	for _, timeout := range []string{"0", "0s", "-1s"} {
		t.Run(timeout, func(t *testing.T) {
			isolateEnv(t)
			res := runCLI(t, "list", "1001", "--base-url", "https://sessions.invalid/api", "--token", "t", "--timeout", timeout)
			if res.code != ExitUsage || !strings.HasPrefix(res.stderr, "error: invalid timeout ") {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and an invalid timeout", res.code, res.stderr, ExitUsage)
			}
		})
	}
	isolateEnv(t)
	t.Setenv("SESSIONLOG_TIMEOUT", "0s")
	res := runCLI(t, "list", "1001", "--base-url", "https://sessions.invalid/api", "--token", "t")
	want := "error: invalid timeout \"0s\" (from SESSIONLOG_TIMEOUT): want a positive duration, such as 30s (a request must not wait forever)\n"
	if res.code != ExitUsage || res.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and:\n%s", res.code, res.stderr, ExitUsage, want)
	}
}
