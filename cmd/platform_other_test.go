//go:build !windows

package cmd

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDefaultConfigPath(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	if got, want := defaultConfigPath(), filepath.Join(xdg, "sessionlog", "config.yaml"); got != want {
		t.Errorf("with XDG_CONFIG_HOME: %q, want %q", got, want)
	}
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", home)
	if got, want := defaultConfigPath(), filepath.Join(home, ".config", "sessionlog", "config.yaml"); got != want {
		t.Errorf("without XDG_CONFIG_HOME: %q, want %q", got, want)
	}
	if !enableVirtualTerminal(os.Stdout) {
		t.Error("Unix terminals understand escape sequences")
	}
}

// needsUnix marks a test that relies on sh syntax or Unix permission bits.
func needsUnix(*testing.T) {}
