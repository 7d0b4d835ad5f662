package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/sessionlog/sessionlog/cmd"
	"github.com/sessionlog/sessionlog/mockapi"
)

// scriptToken is the bearer token the scripts' mock server requires.
const scriptToken = "script-token-4f1c9a"

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sessionlog": func() { os.Exit(cmd.Execute()) },
	})
}

// TestScripts runs the real binary through the scenarios in
// testdata/script, each against its own mock API with the default fixture.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  filepath.Join("testdata", "script"),
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"exits": cmdExits, "mock": cmdMock, "http": cmdHTTP},
		Setup: func(env *testscript.Env) error {
			srv, err := mockapi.NewServer(
				mockapi.WithFixture(mockapi.DefaultFixture()),
				mockapi.WithToken(scriptToken),
			)
			if err != nil {
				return err
			}
			env.Defer(srv.Close)
			env.Setenv("MOCK_URL", srv.URL())
			env.Setenv("SESSIONLOG_BASE_URL", srv.URL())
			env.Setenv("SESSIONLOG_TOKEN", scriptToken)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(env.WorkDir, ".config"))
			return nil
		},
	})
}

// cmdExits runs a command and checks its exact exit code:
// "exits 4 sessionlog list 999". Its output is kept for stdout/stderr checks.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE COMMAND [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exits: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}
