package cmd

import (
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/sessionlog/sessionlog/client"
)

// completeProfiles suggests the profile names of the config file.
func completeProfiles(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	path, explicit := stringFlagOrEnv(cmd.Flags(), "config", "SESSIONLOG_CONFIG")
	if !explicit {
		path = defaultConfigPath()
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if data, err := readConfigFile(v, path, explicit); err != nil || data == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for name := range v.GetStringMap(keyProfiles) {
		names = append(names, name)
	}
	slices.Sort(names)
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeActionTypes suggests the documented action types, with their
// meaning, that start with what was typed in any case. Shells keep only the
// candidates that start with the word as typed, so a candidate is spelt in
// the case of the typing: "ent" completes to "entered" (action types are
// case-insensitive), "" and "ENT" to "ENTERED". After a comma (--action
// ENTERED,TEMP) the last item is completed.
func completeActionTypes(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, typed := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, typed = toComplete[:i+1], toComplete[i+1:]
	}
	upper, lower := strings.ToUpper(typed), strings.IndexFunc(typed, unicode.IsLower) >= 0
	var out []string
	for _, a := range client.ActionTypes() {
		name := string(a)
		if !strings.HasPrefix(name, upper) {
			continue
		}
		if lower {
			name = strings.ToLower(name)
		}
		out = append(out, done+typed+name[len(upper):]+"\t"+a.Description())
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// bulkFileExtensions are the files create --from-file reads.
var bulkFileExtensions = []string{"jsonl", "csv"}

// completeBulkFiles offers only .jsonl and .csv files (and directories).
func completeBulkFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return bulkFileExtensions, cobra.ShellCompDirectiveFilterFileExt
}
