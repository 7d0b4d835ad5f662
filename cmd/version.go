package cmd

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Build stamps, set by release builds with
//
//	-ldflags "-X github.com/sessionlog/sessionlog/cmd.version=v0.1.0
//	          -X github.com/sessionlog/sessionlog/cmd.commit=<sha>
//	          -X github.com/sessionlog/sessionlog/cmd.date=<RFC 3339 time>"
var (
	version = ""
	commit  = ""
	date    = ""
)

// BuildInfo says which sessionlog this is; `version -o json` prints it.
type BuildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`
	Date     string `json:"date"`
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// Version returns the build's version: the linker-set one, else the module
// version Go recorded (go install ...@v1.2.3), else the VCS revision, else
// "dev".
func Version() string { return currentBuild().Version }

// currentBuild resolves the running binary's build information.
func currentBuild() BuildInfo {
	info, _ := debug.ReadBuildInfo()
	return resolveBuild(version, commit, date, info)
}

// resolveBuild fills what the linker did not stamp from what Go recorded in
// the binary; info may be nil.
func resolveBuild(stampedVersion, stampedCommit, stampedDate string, info *debug.BuildInfo) BuildInfo {
	b := BuildInfo{
		Version:  stampedVersion,
		Commit:   stampedCommit,
		Date:     stampedDate,
		Go:       runtime.Version(),
		Platform: runtime.GOOS + "/" + runtime.GOARCH,
	}
	var revision string
	var modified bool
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
	}
	if b.Commit == "" {
		b.Commit = revision
	}
	if b.Version == "" && revision != "" {
		b.Version = shortRevision(revision)
		if modified {
			b.Version += "-dirty"
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	return b
}

// shortRevision abbreviates a commit hash the way git log --oneline does.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// Line is what `sessionlog version` and `sessionlog --version` print, e.g.
// "sessionlog version v0.1.0 (commit 3f2c1a9b8d7e of 2026-12-01T10:00:00Z, go1.26.0, linux/amd64)".
// The date is the commit's: release builds stamp it so that they are
// reproducible, and Go records the same for plain builds.
func (b BuildInfo) Line() string {
	var details []string
	switch {
	case b.Commit != "" && b.Date != "":
		details = append(details, "commit "+shortRevision(b.Commit)+" of "+b.Date)
	case b.Commit != "":
		details = append(details, "commit "+shortRevision(b.Commit))
	case b.Date != "":
		details = append(details, b.Date)
	}
	details = append(details, b.Go, b.Platform)
	return fmt.Sprintf("sessionlog version %s (%s)", b.Version, strings.Join(details, ", "))
}

func newVersionCmd(f *Factory) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of sessionlog",
		Long: `Print sessionlog's version, the commit it was built from and that commit's
date, the Go version and the platform. sessionlog --version prints the same line.`,
		Example: `  sessionlog version
  sessionlog version -o json`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			asJSON, err := plainOrJSON(format, "text")
			if err != nil {
				return err
			}
			return runVersion(f.IOStreams, currentBuild(), asJSON)
		},
	}
	addPlainOrJSONFlag(cmd, &format, "text")
	return cmd
}

func runVersion(ios *IOStreams, b BuildInfo, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(ios.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(b)
	}
	_, err := fmt.Fprintln(ios.Out, b.Line())
	return err
}

// setVersionFlag gives root a --version flag (no -v, as in gh) that prints
// the same line as the version command.
func setVersionFlag(root *cobra.Command) {
	root.Version = currentBuild().Line()
	root.SetVersionTemplate("{{.Version}}\n")
	root.Flags().Bool("version", false, "print the version of sessionlog")
}
