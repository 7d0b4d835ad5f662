package cmd

import (
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// completeProfiles suggests the profile names of the config file.
func completeProfiles(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	path, explicit := stringFlagOrEnv(cmd.Flags(), "config", "SESSIONLOG_CONFIG")
	if !explicit {
		path = defaultConfigPath()
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if read, err := readConfigFile(v, path, explicit); err != nil || !read {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for name := range v.GetStringMap(keyProfiles) {
		names = append(names, name)
	}
	slices.Sort(names)
	return names, cobra.ShellCompDirectiveNoFileComp
}
