package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// defaultConfigPath is $XDG_CONFIG_HOME/sessionlog/config.yaml, else
// sessionlog/config.yaml in the platform's config directory: ~/.config on
// Linux and macOS, %AppData% on Windows.
func defaultConfigPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		var err error
		if dir, err = platformConfigDir(); err != nil {
			return ""
		}
	}
	return filepath.Join(dir, "sessionlog", "config.yaml")
}

// stringFlagOrEnv returns the value of a string flag when it was given, else
// of the environment variable, and whether either was set.
func stringFlagOrEnv(flags *pflag.FlagSet, flag, env string) (string, bool) {
	if f := flags.Lookup(flag); f != nil && f.Changed {
		return f.Value.String(), true
	}
	if val := os.Getenv(env); val != "" {
		return val, true
	}
	return "", false
}

// flagOrEnvSource names what stringFlagOrEnv took its value from.
func flagOrEnvSource(flags *pflag.FlagSet, flag, env string) string {
	if f := flags.Lookup(flag); f != nil && f.Changed {
		return "flag --" + flag
	}
	if os.Getenv(env) != "" {
		return env
	}
	return sourceDefault
}

// readConfigFile reads path into v. A missing default file is fine; a
// missing file the user named, or one that does not parse, is an error. It
// reports whether a file was read.
func readConfigFile(v *viper.Viper, path string, explicit bool) (bool, error) {
	if path == "" {
		return false, nil
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) && !explicit {
			return false, nil
		}
		return false, configErrorf("config file %s: %w", path, err)
	}
	v.SetConfigFile(path)
	if err := v.ReadInConfig(); err != nil {
		return false, configErrorf("config file %s: %w", path, err)
	}
	return true, nil
}

// applyProfile merges the chosen profile over the file's top level and
// returns the keys the profile set.
func applyProfile(v *viper.Viper, flags *pflag.FlagSet, s *Settings) (map[string]bool, error) {
	name, _ := stringFlagOrEnv(flags, "profile", "SESSIONLOG_PROFILE")
	s.ProfileSource = flagOrEnvSource(flags, "profile", "SESSIONLOG_PROFILE")
	if name == "" {
		name = v.GetString(keyDefaultProfile)
		s.ProfileSource = keyDefaultProfile + " in " + s.ConfigFile
		if os.Getenv(envName(keyDefaultProfile)) != "" {
			s.ProfileSource = envName(keyDefaultProfile)
		}
	}
	if name == "" {
		s.ProfileSource = sourceDefault
		return nil, nil
	}
	profiles := v.GetStringMap(keyProfiles)
	known := make([]string, 0, len(profiles))
	for p := range profiles {
		known = append(known, p)
	}
	slices.Sort(known)
	profile, ok := profiles[strings.ToLower(name)]
	if !ok {
		where := "no config file was read"
		if s.ConfigFile != "" {
			where = "known profiles in " + s.ConfigFile + ": " + strings.Join(known, ", ")
			if len(known) == 0 {
				where = s.ConfigFile + " defines no profiles"
			}
		}
		return nil, configErrorf("unknown profile %q (%s)", name, where)
	}
	values, ok := profile.(map[string]any)
	if !ok {
		return nil, configErrorf("config file %s: profile %q is not a mapping of settings", s.ConfigFile, name)
	}
	if err := v.MergeConfigMap(values); err != nil {
		return nil, configErrorf("profile %q: %w", name, err)
	}
	s.Profile = strings.ToLower(name)
	keys := map[string]bool{}
	for k := range values {
		keys[strings.ToLower(k)] = true
	}
	return keys, nil
}

// configFileWarnings names keys the config file sets that sessionlog does
// not know, most often a typo such as base-url for base_url.
func configFileWarnings(v *viper.Viper, path string) []string {
	known := map[string]bool{keyDefaultProfile: true, keyProfiles: true}
	for _, d := range settingDefaults {
		known[d.key] = true
	}
	var warnings []string
	seen := map[string]bool{}
	for _, k := range v.AllKeys() {
		top := strings.SplitN(k, ".", 2)[0]
		if !known[top] && !seen[top] && v.InConfig(top) {
			seen[top] = true
			warnings = append(warnings, fmt.Sprintf("config file %s: unknown key %q is ignored", path, top))
		}
	}
	slices.Sort(warnings)
	return warnings
}

// tokenPermissionWarning warns when a config file that holds a token can be
// read by users other than its owner, where permission bits say so (not on
// Windows).
func tokenPermissionWarning(v *viper.Viper, path string) string {
	if !fileModeLimitsReaders {
		return ""
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm()&0o077 == 0 {
		return ""
	}
	holdsToken := v.InConfig(keyToken)
	for name := range v.GetStringMap(keyProfiles) {
		holdsToken = holdsToken || v.InConfig(keyProfiles+"."+name+"."+keyToken)
	}
	if !holdsToken {
		return ""
	}
	return fmt.Sprintf("config file %s holds a token and can be read by others (mode %04o); fix it with: chmod 600 %s",
		path, info.Mode().Perm(), path)
}
