//go:build linux || darwin

package cmd

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestChartOnPseudoTerminal runs summary --chart with stdout on a real
// pseudo-terminal of a given size, $COLUMNS unset: the chart takes the
// terminal's width, and is the same as with that width from $COLUMNS.
func TestChartOnPseudoTerminal(t *testing.T) {
	tests := []struct {
		cols   uint16
		args   []string
		golden string
	}{
		{60, []string{"--no-color"}, "summary_chart_60_nocolor"},
		{100, nil, "summary_chart_tty"},
		{30, []string{"--no-color"}, "summary_chart_30"},
	}
	for _, tt := range tests {
		newMock(t)
		t.Setenv("COLUMNS", "")
		ptmx, tty, err := pty.Open()
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		if err := pty.Setsize(tty, &pty.Winsize{Rows: 24, Cols: tt.cols}); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		copied := make(chan struct{})
		go func() {
			_, _ = io.Copy(&got, ptmx) // ends with EIO once tty is closed
			close(copied)
		}()
		ios, _, _, errOut := TestIO()
		ios.Out = tty
		ios.SetStdoutTTY(true)
		args := append([]string{"summary", "1001", "1002", "1003", "1004", "1005", "--chart"}, tt.args...)
		code := Run(context.Background(), args, ios)
		tty.Close()
		<-copied
		ptmx.Close()
		if code != 0 {
			t.Fatalf("%d columns: exit %d, stderr %s", tt.cols, code, errOut)
		}
		assertGolden(t, tt.golden, strings.ReplaceAll(got.String(), "\r\n", "\n"))
	}
}
