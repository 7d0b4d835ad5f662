package cmd

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
)

// readSignal is a reader that closes reading when it is first read from.
type readSignal struct {
	r       io.Reader
	once    sync.Once
	reading chan struct{}
}

func (s *readSignal) Read(p []byte) (int, error) {
	s.once.Do(func() { close(s.reading) })
	return s.r.Read(p)
}

func TestCreateFromStdinEndsOnCtrlC(t *testing.T) {
	srv := newMock(t)
	// Standard input that stays open, as a terminal until Ctrl-D.
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	in := &readSignal{r: pr, reading: make(chan struct{})}
	ios, _, out, errOut := TestIO()
	ios.In = in
	ios.SetStdinTTY(true)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- Run(ctx, []string{"create", "-f", "-"}, ios) }()
	select {
	case <-in.reading:
	case <-time.After(eventLimit):
		t.Fatal("standard input was never read")
	}
	cancel()
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want %d", code, ExitInterrupted)
		}
	case <-time.After(eventLimit):
		t.Fatal("the run went on reading standard input after Ctrl-C")
	}
	want := "reading rows from standard input; end with Ctrl-D\nerror: interrupted\n"
	if errOut.String() != want || out.String() != "" {
		t.Errorf("stdout %q, stderr:\n%s\nwant stderr:\n%s", out, errOut, want)
	}
	if n := srv.Handler().RequestCount(""); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

func TestCreateFromStdinHintOnlyOnATerminal(t *testing.T) {
	const hint = `{"warning":{"message":"reading rows from standard input; end with Ctrl-D"}}` + "\n"
	for _, tty := range []bool{false, true} {
		newMock(t, mockapi.WithClock(fixedClock))
		res := runCLIWith(t, func(ios *IOStreams) {
			ios.In = strings.NewReader("session_id,action_type\n1002,ENTERED\n")
			ios.SetStdinTTY(tty)
		}, "create", "-f", "-", "-o", "jsonl")
		if res.code != 0 {
			t.Fatalf("stdin a terminal %v: exit %d: %s", tty, res.code, res.stderr)
		}
		if got := strings.Count(res.stderr, hint); got != map[bool]int{false: 0, true: 1}[tty] {
			t.Errorf("stdin a terminal %v: the hint shown %d times:\n%s", tty, got, res.stderr)
		}
	}
}
