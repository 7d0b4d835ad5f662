package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

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

// readConfigFile reads path into v and returns the file's contents. A
// missing default file is fine (nil contents); a missing file the user
// named, or one that does not parse, is an error.
func readConfigFile(v *viper.Viper, path string, explicit bool) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	data, err := readSettingsFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !explicit {
			return nil, nil
		}
		return nil, configErrorf("config file %s: %w", path, err)
	}
	v.SetConfigFile(path) // the format is the file name's extension
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, configErrorf("config file %s: %w", path, err)
	}
	return data, nil
}

// maxSettingsFileSize caps the config and CA files read: far above any
// real one, it keeps a runaway file or a device from filling memory.
const maxSettingsFileSize = 16 << 20

// readSettingsFile reads a config or CA file. Anything but a regular file
// is refused before a byte is read: a FIFO would block the run, a device
// such as /dev/zero never end. The file is opened without blocking, so a
// FIFO put in its place after a check cannot block either.
func readSettingsFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%s, not a regular file", fileKind(info.Mode()))}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSettingsFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSettingsFileSize {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than the %d MiB limit", maxSettingsFileSize>>20)}
	}
	return data, nil
}

// fileKind names the kind of file that mode describes.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
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

// configFileWarnings names keys the config file sets, at its top level or
// in a profile, that sessionlog does not know, with the known key each is
// likely a typo of (base_url for base-url).
func configFileWarnings(v *viper.Viper, path string) []string {
	settings := make([]string, 0, len(settingDefaults))
	for _, d := range settingDefaults {
		settings = append(settings, d.key)
	}
	topLevel := append(slices.Clone(settings), keyDefaultProfile, keyProfiles)
	var warnings []string
	warn := func(where, key string, known []string) {
		if slices.Contains(known, key) {
			return
		}
		w := fmt.Sprintf("config file %s: unknown key %q%s is ignored", path, key, where)
		if s := closestName(key, known); s != "" {
			w += fmt.Sprintf("; did you mean %s?", s)
		}
		warnings = append(warnings, w)
	}
	for key := range v.AllSettings() {
		if v.InConfig(key) {
			warn("", key, topLevel)
		}
	}
	for name, profile := range v.GetStringMap(keyProfiles) {
		values, _ := profile.(map[string]any)
		for key := range values {
			warn(fmt.Sprintf(" in profile %q", name), strings.ToLower(key), settings)
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
