package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestActions(t *testing.T) {
	isolateEnv(t)
	res := runCLI(t, "actions")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	assertGolden(t, "actions", res.stdout)

	res = runCLI(t, "actions", "-o", "json")
	var list []map[string]string
	if err := json.Unmarshal([]byte(res.stdout), &list); err != nil || len(list) != 7 {
		t.Fatalf("actions -o json: %v, %d items", err, len(list))
	}
	if list[4]["action_type"] != "TEMPORARILY_LEFT" || list[4]["description"] != "Customer temporarily left the session" {
		t.Errorf("item 5 = %v", list[4])
	}
	if res := runCLI(t, "actions", "-o", "csv"); res.code != ExitUsage {
		t.Errorf("actions -o csv: exit %d, want %d", res.code, ExitUsage)
	}
}

func TestVersion(t *testing.T) {
	isolateEnv(t)
	res := runCLI(t, "version")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "sessionlog version ") {
		t.Errorf("exit %d, stdout %q", res.code, res.stdout)
	}
}

func TestVersionReadsNoConfig(t *testing.T) {
	isolateEnv(t)
	res := runCLI(t, "version", "--config", "/nonexistent/config.yaml")
	if res.code != 0 {
		t.Errorf("version read the config file: exit %d, %s", res.code, res.stderr)
	}
}

func TestCompletion(t *testing.T) {
	isolateEnv(t)
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		res := runCLI(t, "completion", shell)
		if res.code != 0 || !strings.Contains(res.stdout, "sessionlog") {
			t.Errorf("completion %s: exit %d, %d bytes", shell, res.code, len(res.stdout))
		}
	}
}

func TestCompletionSuggestions(t *testing.T) {
	isolateEnv(t)
	path := writeFile(t, "config.yaml", profilesConfig, 0o600)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "create", "1001", "TEMP"}, []string{"TEMPORARILY_LEFT\tCustomer temporarily left the session"}},
		{[]string{"__complete", "list", "1001", "--action", "CANCEL"}, []string{"CANCELLED\tSession was cancelled", "CANCEL_REQUEST\tRequest to cancel the session"}},
		{[]string{"__complete", "list", "1001", "-o", ""}, []string{"table", "json", "jsonl", "csv", "yaml", "wide", "markdown", "html"}},
		{[]string{"__complete", "create", "1001", "-o", ""}, []string{"table", "json", "jsonl", "csv", "yaml", "wide", "markdown"}},
		{[]string{"__complete", "--config", path, "list", "--profile", ""}, []string{"prod", "staging"}},
	}
	for _, tt := range tests {
		res := runCLI(t, tt.args...)
		lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
		got := lines[:len(lines)-1] // the last line is cobra's directive
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%v: got %q, want %q", tt.args, got, tt.want)
		}
	}
}

func TestDemoIgnoresConfiguredServer(t *testing.T) {
	isolateEnv(t)
	t.Setenv("SESSIONLOG_BASE_URL", "http://127.0.0.1:1/api")
	t.Setenv("SESSIONLOG_TOKEN", "not-for-the-demo")
	res := runCLI(t, "--demo", "list", "1001")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	assertGolden(t, "list_1001_table", res.stdout)
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestMockServesUntilCancelled(t *testing.T) {
	isolateEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	ios := &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}
	done := make(chan int)
	go func() { done <- Run(ctx, []string{"mock", "--listen", "127.0.0.1:0", "--token", "t0ken"}, ios) }()

	waitForOutput(t, out, "\n") // the mock's URL
	baseURL := strings.TrimSpace(out.String())
	req, _ := http.NewRequest(http.MethodGet, baseURL+"/v1/customer/sessions/1001/log", nil)
	req.Header.Set("Authorization", "Bearer t0ken")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("the mock at %q does not answer: %v", baseURL, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET 1001: HTTP %d", resp.StatusCode)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, errOut)
		}
	case <-time.After(eventLimit):
		t.Fatal("mock did not stop after cancellation")
	}
	for _, want := range []string{"with sessions 1001, 1002, 1003, 1004, 1005", "GET /v1/customer/sessions/1001/log 200", "mock server stopped"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestDemoSessionsInProgressEndNow: in --demo, a session still in progress
// ends in the minute before the run, so entries created live follow it.
func TestDemoSessionsInProgressEndNow(t *testing.T) {
	isolateEnv(t)
	before := time.Now().UTC()
	res := runCLI(t, "--demo", "list", "1002", "--last", "1", "-o", "csv", "--no-headers")
	after := time.Now().UTC()
	var want []string
	for _, now := range []time.Time{before, after} {
		want = append(want, "1002,3,"+now.Truncate(time.Minute).Add(-time.Minute).Format("3:04 PM")+",ENTERED,")
	}
	if res.code != 0 || !strings.HasPrefix(res.stdout, want[0]) && !strings.HasPrefix(res.stdout, want[1]) {
		t.Errorf("exit %d, stdout %q, want it to start with %q", res.code, res.stdout, want)
	}
}
