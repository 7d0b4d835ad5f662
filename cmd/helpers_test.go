package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
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

// jsonStderr is what stderr written under -o json holds: each line one
// JSON object, an error or a warning.
type jsonStderr struct {
	errors   []map[string]any // the "error" objects
	messages []string         // the message of every object, in order
}

// parseJSONStderr decodes stderr written under -o json or jsonl, failing
// the test on any line that is not an error or warning object.
func parseJSONStderr(t *testing.T, stderr string) jsonStderr {
	t.Helper()
	got, err := decodeJSONStderr(stderr)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// decodeJSONStderr is parseJSONStderr that returns the first bad line as
// an error.
func decodeJSONStderr(stderr string) (jsonStderr, error) {
	var got jsonStderr
	for line := range strings.Lines(stderr) {
		var obj struct {
			Error   map[string]any    `json:"error"`
			Warning map[string]string `json:"warning"`
		}
		if err := json.Unmarshal([]byte(line), &obj); err != nil || (obj.Error == nil) == (obj.Warning == nil) {
			return got, fmt.Errorf("stderr line is not one error or warning object: %q (%v)", line, err)
		}
		if obj.Error != nil {
			got.errors = append(got.errors, obj.Error)
			msg, _ := obj.Error["message"].(string)
			got.messages = append(got.messages, msg)
		} else {
			got.messages = append(got.messages, obj.Warning["message"])
		}
	}
	return got, nil
}

// text lays the objects out roughly as the plain format does: "error: "
// before an error's message, its server message on the next line.
func (s jsonStderr) text() string {
	var b strings.Builder
	e := 0
	for _, msg := range s.messages {
		if e < len(s.errors) && s.errors[e]["message"] == msg {
			fmt.Fprintf(&b, "error: %s\n", msg)
			if sm, ok := s.errors[e]["server_message"].(string); ok {
				fmt.Fprintf(&b, "  server message: %s\n", sm)
			}
			e++
			continue
		}
		fmt.Fprintf(&b, "%s\n", msg)
	}
	return b.String()
}

// jsonOutput reports whether args ask for json or jsonl output.
func jsonOutput(args []string) bool {
	for i, a := range args {
		if a == "--jq" || (a == "-o" || a == "--output") && i+1 < len(args) && (args[i+1] == "json" || args[i+1] == "jsonl") ||
			a == "-ojson" || a == "-ojsonl" || strings.HasPrefix(a, "--jq=") || a == "--output=json" || a == "--output=jsonl" {
			return true
		}
	}
	return false
}

// fakePager returns a pager command that stores what it receives in a
// file, and the file's path.
func fakePager(t *testing.T) (command, file string) {
	t.Helper()
	file = filepath.Join(t.TempDir(), "paged")
	return "cat > '" + file + "'", file
}

// readPaged returns what the fake pager received, or "(no pager)" when it
// was not run.
func readPaged(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return "(no pager)"
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
