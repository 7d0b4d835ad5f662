package output

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustJQ(t testing.TB, expr string) *Query {
	t.Helper()
	q, err := CompileJQ(expr)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestJQ(t *testing.T) {
	tests := []struct {
		expr string
		want string
	}{
		{".[].action_type", "ENTERED\nTEMPORARILY_LEFT\nENDED\nTRANSFERRED\nCANCEL_REQUEST\nSESSION_PERIOD\nLEFT\nCANCELLED\n"},
		{`map(select(.action_type=="ENTERED")) | length`, "1\n"},
		{".[1]", `{"action_type":"TEMPORARILY_LEFT","date":"2:35 PM","id":7,"meta":{"ip":"10.0.0.1"},"position":2,"session_id":"1042","text":"Customer temporarily left the session"}` + "\n"},
		{".[5].duration, .[5].session_id", "12345678901234567890\n1043\n"},
		{".[3].text", "Moved to desk 2, said \"thanks\"\nthen waited\n"},
		{"$ENV.HOME", "null\n"},
		{"env", "{}\n"},
		{".[0].date, halt, .[1].date", "2:30 PM\n"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got := render(t, Options{Format: FormatJSON, JQ: mustJQ(t, tt.expr)}, fixture(t))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCompileJQInvalid(t *testing.T) {
	for _, expr := range []string{".[", "map(", "$nope", "undefined_function(1)"} {
		_, err := CompileJQ(expr)
		if err == nil || !strings.HasPrefix(err.Error(), "invalid jq expression "+`"`+expr+`"`+": ") {
			t.Errorf("CompileJQ(%q) error = %v, want an invalid jq expression error", expr, err)
		}
	}
}

func TestJQRuntimeError(t *testing.T) {
	var buf bytes.Buffer
	w, err := New(&buf, Options{Format: FormatJSON, JQ: mustJQ(t, `.[0].date, error("boom")`)})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fixture(t) {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	err = w.Close()
	if want := "jq: error: boom"; err == nil || err.Error() != want {
		t.Errorf("Close error = %v, want %q", err, want)
	}
	if got, want := buf.String(), "2:30 PM\n"; got != want {
		t.Errorf("output before the error = %q, want %q", got, want)
	}
}

// signalWriter discards what is written, closing written at the first write.
type signalWriter struct {
	once    sync.Once
	written chan struct{}
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { close(w.written) })
	return len(p), nil
}

func TestJQStopsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The query prints numbers, more than a write buffer holds, then
	// recurses forever: it is cancelled once its output reaches the writer,
	// that is while it runs.
	q := mustJQ(t, "range(100000), (def f: f; f)").WithContext(ctx)
	out := &signalWriter{written: make(chan struct{})}
	w, err := New(out, Options{Format: FormatJSON, JQ: q})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- w.Close() }()
	select {
	case <-out.written:
	case err := <-done:
		t.Fatalf("the query ended by itself: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Close = %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the query went on after its context was cancelled")
	}
}
