package cmd

import (
	"path/filepath"
	"testing"
)

func TestDefaultConfigPathIsAppData(t *testing.T) {
	appData := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("APPDATA", appData)
	if got, want := defaultConfigPath(), filepath.Join(appData, "sessionlog", "config.yaml"); got != want {
		t.Errorf("defaultConfigPath() = %q, want %q", got, want)
	}
}

func TestNoPermissionWarningOnWindows(t *testing.T) {
	isolateEnv(t)
	path := writeFile(t, "config.yaml", "token: abc\n", 0o644)
	_, res := configView(t, "--config", path)
	if res.code != 0 || res.stderr != "" {
		t.Errorf("exit %d, stderr %q; mode bits mean nothing on Windows", res.code, res.stderr)
	}
}

// needsUnix skips a test that relies on sh syntax or Unix permission bits.
func needsUnix(t *testing.T) {
	t.Helper()
	t.Skip("needs a Unix shell or Unix permission bits")
}
