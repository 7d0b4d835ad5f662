package cmd

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
)

func newConfigCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect sessionlog's configuration",
	}
	var format string
	view := &cobra.Command{
		Use:   "view",
		Short: "Show the effective settings and where each came from",
		Long: `Show every setting's effective value and its source: flag, env,
profile, file or default. The token is masked.`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			asJSON, err := tableOrJSON(format)
			if err != nil {
				return err
			}
			s, err := f.Settings()
			if err != nil {
				return err
			}
			return runConfigView(f.IOStreams, s, asJSON)
		},
	}
	addTableOrJSONFlag(view, &format)
	cmd.AddCommand(view)
	return cmd
}

// configValue is one row of `config view`.
type configValue struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

func runConfigView(ios *IOStreams, s *Settings, asJSON bool) error {
	rows := []configValue{
		{"config_file", orNone(s.ConfigFile), s.ConfigFileSource},
		{"profile", orNone(s.Profile), s.ProfileSource},
	}
	for _, d := range settingDefaults {
		value := cast.ToString(s.raw[d.key])
		if d.key == keyToken {
			value = maskToken(value)
		}
		source := s.describeSource(d.key)
		if d.key == keyColor {
			source += colorEnvNote(ios, s.Color)
		}
		rows = append(rows, configValue{d.key, value, source})
	}
	if asJSON {
		enc := json.NewEncoder(ios.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Key, r.Value, r.Source)
	}
	return tw.Flush()
}

// colorEnvNote says, after the color row's source, which environment
// convention decides what auto means for this run. NO_COLOR and
// CLICOLOR_FORCE are not sessionlog settings: they act inside auto (NO_COLOR
// first) and never change the setting, so the value stays auto and the
// SOURCE tells the truth about the run instead; with always or never they
// change nothing and are not named.
func colorEnvNote(ios *IOStreams, mode ColorMode) string {
	switch {
	case mode != ColorAuto:
		return ""
	case ios.noColorEnv:
		return "; NO_COLOR is set: no colour"
	case ios.colorForcedEnv:
		return "; CLICOLOR_FORCE is set: colour even when piped"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// maskToken hides a token, showing only that one is set and its last four
// characters when it is long enough for that to reveal nothing useful.
func maskToken(token string) string {
	switch {
	case token == "":
		return ""
	case len(token) >= 16:
		return "****" + token[len(token)-4:]
	default:
		return "****"
	}
}
