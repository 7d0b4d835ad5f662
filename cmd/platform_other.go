//go:build !windows

package cmd

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
)

// configPathHelp names the default config file in --config's help.
const configPathHelp = "$XDG_CONFIG_HOME/sessionlog/config.yaml or ~/.config/sessionlog/config.yaml"

// fileModeLimitsReaders is true where a file's permission bits decide who
// else can read it.
const fileModeLimitsReaders = true

// platformConfigDir is where config files live when XDG_CONFIG_HOME is
// unset: ~/.config, on macOS too, as gh and most command-line tools do.
func platformConfigDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".config"), nil
}

// enableVirtualTerminal reports whether the terminal f understands ANSI
// escape sequences; Unix terminals always do.
func enableVirtualTerminal(*os.File) bool { return true }

// shellCommand runs command line through sh, as token_command does.
func shellCommand(ctx context.Context, command string) *exec.Cmd {
	return exec.CommandContext(ctx, "sh", "-c", command)
}
