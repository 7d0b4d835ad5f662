package cmd

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolveBuild(t *testing.T) {
	const rev = "3f2c1a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-11-30T08:00:00Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	tests := []struct {
		name                  string
		version, commit, date string
		info                  *debug.BuildInfo
		want                  BuildInfo
	}{
		{
			name: "release build: the stamps win", version: "v0.1.0", commit: "abc123", date: "2026-12-01T10:00:00Z",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.9"}, Settings: vcs("false")},
			want: BuildInfo{Version: "v0.1.0", Commit: "abc123", Date: "2026-12-01T10:00:00Z"},
		},
		{
			name: "go install @version",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			want: BuildInfo{Version: "v1.2.3"},
		},
		{
			name: "go build in a clean checkout",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")},
			want: BuildInfo{Version: "3f2c1a9b8d7e", Commit: rev, Date: "2026-11-30T08:00:00Z"},
		},
		{
			name: "go build with local changes",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")},
			want: BuildInfo{Version: "3f2c1a9b8d7e-dirty", Commit: rev, Date: "2026-11-30T08:00:00Z"},
		},
		{
			name: "stamped version, commit from VCS", version: "v0.1.0",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")},
			want: BuildInfo{Version: "v0.1.0", Commit: rev, Date: "2026-11-30T08:00:00Z"},
		},
		{
			name: "nothing recorded",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: BuildInfo{Version: "dev"},
		},
		{
			name: "no build information",
			want: BuildInfo{Version: "dev"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.Go = runtime.Version()
			tt.want.Platform = runtime.GOOS + "/" + runtime.GOARCH
			if got := resolveBuild(tt.version, tt.commit, tt.date, tt.info); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestBuildInfoLine(t *testing.T) {
	tests := []struct {
		build BuildInfo
		want  string
	}{
		{
			BuildInfo{Version: "v0.1.0", Commit: "3f2c1a9b8d7e6f5a4b3c", Date: "2026-12-01T10:00:00Z", Go: "go1.26.0", Platform: "windows/arm64"},
			"sessionlog version v0.1.0 (commit 3f2c1a9b8d7e of 2026-12-01T10:00:00Z, go1.26.0, windows/arm64)",
		},
		{
			BuildInfo{Version: "v0.1.0", Commit: "3f2c1a9b", Go: "go1.26.0", Platform: "linux/amd64"},
			"sessionlog version v0.1.0 (commit 3f2c1a9b, go1.26.0, linux/amd64)",
		},
		{
			BuildInfo{Version: "v0.1.0", Date: "2026-12-01T10:00:00Z", Go: "go1.26.0", Platform: "linux/amd64"},
			"sessionlog version v0.1.0 (2026-12-01T10:00:00Z, go1.26.0, linux/amd64)",
		},
		{
			BuildInfo{Version: "dev", Go: "go1.26.0", Platform: "darwin/amd64"},
			"sessionlog version dev (go1.26.0, darwin/amd64)",
		},
	}
	for _, tt := range tests {
		if got := tt.build.Line(); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}

func TestVersionFlagAndCommandAgree(t *testing.T) {
	isolateEnv(t)
	want := currentBuild().Line() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"version", "-o", "text"}} {
		res := runCLI(t, args...)
		if res.code != 0 || res.stdout != want || res.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want stdout %q", args, res.code, res.stdout, res.stderr, want)
		}
	}
	if res := runCLI(t, "version", "-o", "yaml"); res.code != ExitUsage {
		t.Errorf("version -o yaml: exit %d, want %d", res.code, ExitUsage)
	}
	if res := runCLI(t, "-v"); res.code != ExitUsage {
		t.Errorf("-v: exit %d, want %d (no shorthand, as in gh)", res.code, ExitUsage)
	}
}

// TestStampedBinary builds sessionlog the way the release does and checks
// what its version flag and command print.
func TestStampedBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	const (
		pkg    = "github.com/sessionlog/sessionlog/cmd"
		commit = "0123456789abcdef0123456789abcdef01234567"
		date   = "2026-12-01T10:00:00Z"
	)
	bin := filepath.Join(t.TempDir(), "sessionlog")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ldflags := "-X " + pkg + ".version=v9.8.7 -X " + pkg + ".commit=" + commit + " -X " + pkg + ".date=" + date
	build := exec.Command(goTool, "build", "-ldflags", ldflags, "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("sessionlog %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	platform := runtime.GOOS + "/" + runtime.GOARCH
	goVersion := strings.TrimSpace(run("version", "-o", "json"))
	var got BuildInfo
	if err := json.Unmarshal([]byte(goVersion), &got); err != nil {
		t.Fatalf("version -o json: %v\n%s", err, goVersion)
	}
	want := BuildInfo{Version: "v9.8.7", Commit: commit, Date: date, Go: got.Go, Platform: platform}
	if got != want || !strings.HasPrefix(got.Go, "go1.") {
		t.Errorf("version -o json: got %+v, want %+v", got, want)
	}
	line := "sessionlog version v9.8.7 (commit 0123456789ab of 2026-12-01T10:00:00Z, " + got.Go + ", " + platform + ")\n"
	for _, args := range [][]string{{"--version"}, {"version"}} {
		if out := run(args...); out != line {
			t.Errorf("%v: got %q, want %q", args, out, line)
		}
	}
}
