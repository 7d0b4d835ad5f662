package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// mockProcess is a `sessionlog mock` that a script started with "mock start".
type mockProcess struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer // all but the first line, the URL
	stderr bytes.Buffer
	copied chan struct{} // closed when stdout has been read to the end
}

// mockProcesses holds the running mocks by script and variable name.
var mockProcesses sync.Map // map[string]*mockProcess

// cmdMock starts and stops the real binary's mock server in the
// background:
//
//	mock start VAR [FLAG...]  runs `sessionlog mock --listen 127.0.0.1:0 FLAG...`,
//	                          waits for the URL it prints and sets $VAR to it
//	mock stop VAR             interrupts it, waits for it to exit 0, and
//	                          makes its stdout and stderr the command's own
func cmdMock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mock start VAR [FLAG...] | mock stop VAR")
	}
	key := ts.MkAbs(".") + "\x00" + args[1]
	switch args[0] {
	case "start":
		p, url := startMock(ts, args[2:])
		mockProcesses.Store(key, p)
		ts.Defer(func() {
			if _, running := mockProcesses.LoadAndDelete(key); running {
				_ = p.cmd.Process.Kill() // the script ended without "mock stop"
				<-p.copied
				_ = p.cmd.Wait()
			}
		})
		ts.Setenv(args[1], url)
	case "stop":
		v, ok := mockProcesses.LoadAndDelete(key)
		if !ok {
			ts.Fatalf("mock stop %s: no mock started as %s", args[1], args[1])
		}
		p := v.(*mockProcess)
		ts.Check(p.cmd.Process.Signal(os.Interrupt))
		<-p.copied
		err := p.cmd.Wait()
		_, _ = ts.Stdout().Write(p.stdout.Bytes())
		_, _ = ts.Stderr().Write(p.stderr.Bytes())
		if err != nil {
			ts.Fatalf("mock %s: %v\n%s", args[1], err, p.stderr.String())
		}
	default:
		ts.Fatalf("usage: mock start VAR [FLAG...] | mock stop VAR")
	}
}

// startMock starts `sessionlog mock --listen 127.0.0.1:0 flags...` and
// returns it with the URL it printed first.
func startMock(ts *testscript.TestScript, flags []string) (*mockProcess, string) {
	bin, err := exec.LookPath("sessionlog") // testscript.Main put it on PATH
	ts.Check(err)
	p := &mockProcess{copied: make(chan struct{})}
	p.cmd = exec.Command(bin, append([]string{"mock", "--listen", "127.0.0.1:0"}, flags...)...)
	p.cmd.Dir = ts.MkAbs(".")
	p.cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "XDG_CONFIG_HOME="+ts.Getenv("XDG_CONFIG_HOME"))
	p.cmd.Stderr = &p.stderr
	out, err := p.cmd.StdoutPipe()
	ts.Check(err)
	ts.Check(p.cmd.Start())
	r := bufio.NewReader(out)
	url, readErr := r.ReadString('\n')
	go func() {
		defer close(p.copied)
		_, _ = io.Copy(&p.stdout, r) // ends when the process does
	}()
	if readErr != nil {
		<-p.copied
		waitErr := p.cmd.Wait()
		ts.Fatalf("sessionlog mock %s printed no URL (%v, %v):\n%s", strings.Join(flags, " "), readErr, waitErr, p.stderr.String())
	}
	return p, strings.TrimSpace(url)
}

// cmdHTTP sends one request and writes the reply's body to stdout and
// "status N" to stderr, whatever the status:
//
//	http [-token TOKEN] METHOD URL [BODY-FILE]
func cmdHTTP(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("http: use the status on stderr instead of !")
	}
	var token string
	if len(args) > 2 && args[0] == "-token" {
		token, args = args[1], args[2:]
	}
	if len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: http [-token TOKEN] METHOD URL [BODY-FILE]")
	}
	var body io.Reader
	if len(args) == 3 {
		body = strings.NewReader(ts.ReadFile(args[2]))
	}
	req, err := http.NewRequest(args[0], args[1], body)
	ts.Check(err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		fmt.Fprintf(ts.Stderr(), "error %v\n", err)
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	ts.Check(err)
	_, _ = ts.Stdout().Write(b)
	fmt.Fprintf(ts.Stderr(), "status %d\n", resp.StatusCode)
}
