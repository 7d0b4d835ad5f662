package main

import (
	"os"
	"path/filepath"
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
		Dir: filepath.Join("testdata", "script"),
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
