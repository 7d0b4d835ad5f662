package cmd

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// fullWriter fails every write, as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestWriteErrorsOfCobraOutputExit1(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"list", "--help"}, {"help", "create"}, {"config"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			isolateEnv(t)
			ios, _, _, errOut := TestIO()
			ios.Out = fullWriter{}
			if code := Run(context.Background(), args, ios); code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if want := "error: write output: no space left on device\n"; errOut.String() != want {
				t.Errorf("stderr %q, want %q", errOut, want)
			}
		})
	}
}
