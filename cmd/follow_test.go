package cmd

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// postEntry records an entry through the mock's HTTP API, as another client would.
func postEntry(t *testing.T, baseURL, id, action string) {
	t.Helper()
	resp, err := http.Post(baseURL+"/v1/customer/sessions/"+id+"/log", "application/json",
		strings.NewReader(`{"action_type":"`+action+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: HTTP %d", action, resp.StatusCode)
	}
}

// followRun starts `sessionlog args...` in the background and returns a
// function that waits for its exit code (failing after eventLimit).
func followRun(t *testing.T, ctx context.Context, out, errOut *syncBuffer, args ...string) func() int {
	t.Helper()
	ios := &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}
	done := make(chan int, 1)
	go func() { done <- Run(ctx, args, ios) }()
	return func() int {
		select {
		case code := <-done:
			return code
		case <-time.After(eventLimit):
			t.Fatal("follow did not stop")
			return -1
		}
	}
}

// waitForOutput polls buf until it contains want.
func waitForOutput(t *testing.T, buf *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(eventLimit); !strings.Contains(buf.String(), want); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("output never showed %q:\n%s", want, buf)
		}
	}
}

func TestFollowUntilSessionEnds(t *testing.T) {
	srv := newMock(t, mockapi.WithClock(fixedClock))
	out, errOut := &syncBuffer{}, &syncBuffer{}
	wait := followRun(t, context.Background(), out, errOut,
		"list", "1002", "--follow", "--interval", "20ms", "--per-page", "2", "-o", "csv", "--no-headers")

	waitForOutput(t, out, "1002,3,4:15 PM,ENTERED")
	postEntry(t, srv.URL(), "1002", "TEMPORARILY_LEFT")
	waitForOutput(t, out, "1002,4,4:20 PM,TEMPORARILY_LEFT")
	postEntry(t, srv.URL(), "1002", "ENTERED")
	postEntry(t, srv.URL(), "1002", "ENDED")

	if code := wait(); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	want := "1002,1,4:00 PM,ENTERED,Customer entered the session\r\n" +
		"1002,2,4:12 PM,TEMPORARILY_LEFT,Customer temporarily left the session\r\n" +
		"1002,3,4:15 PM,ENTERED,Customer entered the session\r\n" +
		"1002,4,4:20 PM,TEMPORARILY_LEFT,Customer temporarily left the session\r\n" +
		"1002,5,4:20 PM,ENTERED,Customer entered the session\r\n" +
		"1002,6,4:20 PM,ENDED,Session was ended\r\n" +
		"1002,7,4:20 PM,SESSION_PERIOD,Session period: 20 minutes\r\n"
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if errOut.String() != "session \"1002\" has ended\n" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestFollowEndedSessionStopsAtOnce(t *testing.T) {
	srv := newMock(t)
	res := runCLI(t, "list", "1001", "-f", "--last", "2", "-o", "jsonl", "--interval", "1h")
	if res.code != 0 || strings.Count(res.stdout, "\n") != 2 || !strings.Contains(res.stdout, `"action_type":"SESSION_PERIOD"`) {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	if n := srv.Handler().RequestCount("GET"); n > 2 {
		t.Errorf("%d GETs for the last 2 entries of an ended session", n)
	}
}

func TestFollowInterrupted(t *testing.T) {
	newMock(t)
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	wait := followRun(t, ctx, out, errOut, "list", "1002", "-f", "--interval", "10ms", "-o", "json")
	waitForOutput(t, out, `"date": "4:15 PM"`)
	cancel()
	if code := wait(); code != ExitInterrupted {
		t.Errorf("exit %d, want %d", code, ExitInterrupted)
	}
	if !strings.HasSuffix(out.String(), "}\n]\n") {
		t.Errorf("the JSON array was not closed:\n%s", out)
	}
}

func TestFollowBacksOffWhenRateLimited(t *testing.T) {
	isolateEnv(t)
	// The first GET is the initial listing; the next two polls are refused.
	s := newFaultServer(t, faults.Rule{Method: http.MethodGet, Nth: 2, Times: 2,
		Fault: faults.Status(http.StatusTooManyRequests, nil, `{"message":"Too Many Attempts."}`)})
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	args := append(faultArgs(s.baseURL(), "list", "1002", "-f", "--interval", "10ms", "-o", "jsonl"), "--retries", "0")
	wait := followRun(t, ctx, out, errOut, args...)
	// Under -o jsonl the notices are JSON warnings.
	waitForOutput(t, errOut, `{"warning":{"message":"rate limited; polling every 40ms"}}`+"\n")
	waitFor(t, func() bool { return s.layer.Count(http.MethodGet) >= 5 }) // polling goes on after the limit
	cancel()
	wait()
	if want := `{"warning":{"message":"rate limited; polling every 20ms"}}` + "\n" +
		`{"warning":{"message":"rate limited; polling every 40ms"}}` + "\n"; !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", errOut, want)
	}
	if n := strings.Count(out.String(), "\n"); n != 3 {
		t.Errorf("%d entries printed, want the 3 of the session once each:\n%s", n, out)
	}
}

func TestFollowUsage(t *testing.T) {
	newMock(t)
	for _, args := range [][]string{
		{"list", "1001", "1002", "-f"},
		{"list", "1001", "-f", "--limit", "3"},
		{"list", "1001", "-f", "--interval", "0s"},
	} {
		if res := runCLI(t, args...); res.code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, res.code, ExitUsage)
		}
	}
}

func TestFollowLastOfEndedSession(t *testing.T) {
	for _, id := range []string{"1001", "1003"} {
		t.Run(id, func(t *testing.T) {
			newMock(t)
			res := runCLI(t, "list", id, "-f", "--last", "1", "--no-headers", "--gaps", "--interval", "1h")
			if res.code != 0 || strings.Count(res.stdout, "\n") != 1 || !strings.Contains(res.stdout, "+0m     SESSION_PERIOD") {
				t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
			}
		})
	}
}

func TestFollowNamesTheLossAndTheReturn(t *testing.T) {
	isolateEnv(t)
	// The first GET is the initial listing; the next poll finds the API down.
	s := newFaultServer(t, faults.Rule{Method: http.MethodGet, Nth: 2, Times: 1, Fault: faults.Laravel(503, "Service Unavailable")})
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	args := append(faultArgs(s.baseURL(), "list", "1002", "-f", "--interval", "10ms", "--reconnect-for", "1m", "-o", "csv"), "--retries", "0")
	wait := followRun(t, ctx, out, errOut, args...)
	waitForOutput(t, errOut, "connection to the API is back after ")
	cancel()
	if code := wait(); code != ExitInterrupted {
		t.Errorf("exit %d, want %d", code, ExitInterrupted)
	}
	if want := "connection to the API lost (the service is unavailable (HTTP 503)); retrying for up to 1m0s\nconnection to the API is back after "; !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", errOut, want)
	}
}

func TestFollowLastOneOfASingleEntry(t *testing.T) {
	// --last 1 asks for two entries to measure the gap; a session of one
	// entry still shows it, before the first poll.
	srv := newMock(t)
	srv.Handler().AddSession("single", mockapi.Entry{ActionType: mockapi.ActionEntered, Time: time.Now()})
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	wait := followRun(t, ctx, out, errOut, "list", "single", "-f", "--last", "1", "--interval", "1h", "-o", "jsonl")
	waitForOutput(t, out, `"action_type":"ENTERED"`)
	cancel()
	if code := wait(); code != ExitInterrupted {
		t.Errorf("exit %d, want %d", code, ExitInterrupted)
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("%d lines, want the one entry:\n%s", n, out)
	}
}
