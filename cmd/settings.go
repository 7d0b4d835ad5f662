package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config keys. Each may be set in the config file (top level or in a
// profile), as SESSIONLOG_<KEY> in the environment, and some by a flag.
const (
	keyBaseURL            = "base_url"
	keyToken              = "token"
	keyTokenCommand       = "token_command"
	keyPerPage            = "per_page"
	keyTimeout            = "timeout"
	keyRetries            = "retries"
	keyMaxRetryWait       = "max_retry_wait"
	keyOutput             = "output"
	keyConcurrency        = "concurrency"
	keyCACert             = "ca_cert"
	keyInsecureSkipVerify = "insecure_skip_verify"
	keyDefaultProfile     = "default_profile"
	keyProfiles           = "profiles"
)

// settingDefaults lists every setting with its default, in the order
// `config view` shows them.
var settingDefaults = []struct {
	key string
	def any
}{
	{keyBaseURL, ""},
	{keyToken, ""},
	{keyTokenCommand, ""},
	{keyPerPage, 100},
	{keyTimeout, 30 * time.Second},
	{keyRetries, 3},
	{keyMaxRetryWait, 60 * time.Second},
	{keyOutput, "table"},
	{keyConcurrency, 4},
	{keyCACert, ""},
	{keyInsecureSkipVerify, false},
}

// Where a setting's value came from.
const (
	sourceFlag    = "flag"
	sourceEnv     = "env"
	sourceProfile = "profile"
	sourceFile    = "file"
	sourceDefault = "default"
)

// Settings is the effective configuration of one run.
type Settings struct {
	BaseURL            string
	Token              string
	TokenCommand       string
	PerPage            int
	Timeout            time.Duration
	Retries            int
	MaxRetryWait       time.Duration
	Output             string
	Concurrency        int
	CACert             string
	InsecureSkipVerify bool

	// Profile is the chosen profile, "" for none.
	Profile string
	// ConfigFile is the file that was read, "" when none was.
	ConfigFile string
	// ProfileSource and ConfigFileSource say how each was chosen.
	ProfileSource, ConfigFileSource string
	// Warnings are problems worth telling the user that do not stop the run.
	Warnings []string

	sources map[string]string
	raw     map[string]any
}

// envName is the environment variable for a config key.
func envName(key string) string { return "SESSIONLOG_" + strings.ToUpper(key) }

// flagName is the flag that sets a config key, where one exists.
func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

// settingAnnotation marks the flags that set a config key, so that a
// command's own flag of the same name (config view's -o) is not taken for one.
const settingAnnotation = "sessionlog_setting"

// markSettingFlags marks the named flags of fs as setting config keys.
func markSettingFlags(fs *pflag.FlagSet, names ...string) {
	for _, name := range names {
		_ = fs.SetAnnotation(name, settingAnnotation, []string{"true"})
	}
}

// settingFlag returns the flag that sets key on this command, or nil.
func settingFlag(flags *pflag.FlagSet, key string) *pflag.Flag {
	f := flags.Lookup(flagName(key))
	if f == nil || f.Annotations[settingAnnotation] == nil {
		return nil
	}
	return f
}

// defaultConfigPath is $XDG_CONFIG_HOME/sessionlog/config.yaml, else
// ~/.config/sessionlog/config.yaml.
func defaultConfigPath() string {
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "sessionlog", "config.yaml")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".config", "sessionlog", "config.yaml")
}

// loadSettings resolves every setting, highest first: flags, environment,
// the chosen profile, the config file's top level, defaults.
func loadSettings(flags *pflag.FlagSet) (*Settings, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	v.SetEnvPrefix("SESSIONLOG")
	v.AutomaticEnv()
	for _, d := range settingDefaults {
		v.SetDefault(d.key, d.def)
	}

	s := &Settings{sources: map[string]string{}, raw: map[string]any{}}
	path, explicit := stringFlagOrEnv(flags, "config", "SESSIONLOG_CONFIG")
	s.ConfigFileSource = flagOrEnvSource(flags, "config", "SESSIONLOG_CONFIG")
	if !explicit {
		path = defaultConfigPath()
	}
	read, err := readConfigFile(v, path, explicit)
	if err != nil {
		return nil, err
	}
	if read {
		s.ConfigFile = path
		s.Warnings = append(s.Warnings, configFileWarnings(v, path)...)
		if w := tokenPermissionWarning(v, path); w != "" {
			s.Warnings = append(s.Warnings, w)
		}
	}

	fileKeys := map[string]bool{}
	for _, d := range settingDefaults {
		fileKeys[d.key] = v.InConfig(d.key)
	}
	profileKeys, err := applyProfile(v, flags, s)
	if err != nil {
		return nil, err
	}
	for _, d := range settingDefaults {
		if f := settingFlag(flags, d.key); f != nil {
			if err := v.BindPFlag(d.key, f); err != nil {
				return nil, fmt.Errorf("binding flag --%s: %w", f.Name, err)
			}
		}
		s.sources[d.key] = sourceOf(d.key, flags, profileKeys, fileKeys)
		s.raw[d.key] = v.Get(d.key)
	}
	if s.sources[keyInsecureSkipVerify] == sourceEnv {
		return nil, usageErrorf("insecure_skip_verify can be set only in a config file, not with %s", envName(keyInsecureSkipVerify))
	}
	if err := s.decode(); err != nil {
		return nil, err
	}
	return s, nil
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
		return false, usageErrorf("config file %s: %w", path, err)
	}
	v.SetConfigFile(path)
	if err := v.ReadInConfig(); err != nil {
		return false, usageErrorf("config file %s: %w", path, err)
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
		return nil, usageErrorf("unknown profile %q (%s)", name, where)
	}
	values, ok := profile.(map[string]any)
	if !ok {
		return nil, usageErrorf("config file %s: profile %q is not a mapping of settings", s.ConfigFile, name)
	}
	if err := v.MergeConfigMap(values); err != nil {
		return nil, usageErrorf("profile %q: %w", name, err)
	}
	s.Profile = strings.ToLower(name)
	keys := map[string]bool{}
	for k := range values {
		keys[strings.ToLower(k)] = true
	}
	return keys, nil
}

func sourceOf(key string, flags *pflag.FlagSet, profileKeys, fileKeys map[string]bool) string {
	if f := settingFlag(flags, key); f != nil && f.Changed {
		return sourceFlag
	}
	switch {
	case os.Getenv(envName(key)) != "":
		return sourceEnv
	case profileKeys[key]:
		return sourceProfile
	case fileKeys[key]:
		return sourceFile
	default:
		return sourceDefault
	}
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
// read by users other than its owner.
func tokenPermissionWarning(v *viper.Viper, path string) string {
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

// decode converts the raw values into typed fields, refusing values that
// do not fit (SESSIONLOG_PER_PAGE=abc is an error, not 0).
func (s *Settings) decode() error {
	var errs []error
	str := func(key string) string { return cast.ToString(s.raw[key]) }
	positive := func(key string, min int) int {
		n, err := cast.ToIntE(s.raw[key])
		if err != nil || n < min {
			errs = append(errs, s.invalid(key, fmt.Sprintf("a whole number of at least %d", min)))
		}
		s.raw[key] = n
		return n
	}
	duration := func(key string) time.Duration {
		d, err := parseDuration(s.raw[key])
		if err != nil || d < 0 {
			errs = append(errs, s.invalid(key, "a duration with its unit, such as 30s or 2m"))
		}
		s.raw[key] = d
		return d
	}
	s.BaseURL = str(keyBaseURL)
	s.Token = str(keyToken)
	s.TokenCommand = str(keyTokenCommand)
	s.Output = str(keyOutput)
	s.CACert = str(keyCACert)
	s.PerPage = positive(keyPerPage, 1)
	s.Retries = positive(keyRetries, 0)
	s.Concurrency = positive(keyConcurrency, 1)
	s.Timeout = duration(keyTimeout)
	s.MaxRetryWait = duration(keyMaxRetryWait)
	insecure, err := cast.ToBoolE(s.raw[keyInsecureSkipVerify])
	if err != nil {
		errs = append(errs, s.invalid(keyInsecureSkipVerify, "true or false"))
	}
	s.InsecureSkipVerify = insecure
	s.raw[keyInsecureSkipVerify] = insecure
	if len(errs) > 0 {
		return &UsageError{Err: errors.Join(errs...)}
	}
	return nil
}

// parseDuration reads a duration setting. A bare number is refused rather
// than taken as nanoseconds: "timeout: 30" is almost surely meant as 30s.
func parseDuration(v any) (time.Duration, error) {
	switch v := v.(type) {
	case time.Duration:
		return v, nil
	case string:
		return time.ParseDuration(strings.TrimSpace(v))
	default:
		return 0, fmt.Errorf("%v has no unit", v)
	}
}

func (s *Settings) invalid(key, want string) error {
	return fmt.Errorf("invalid %s %q (from %s): want %s", key, cast.ToString(s.raw[key]), s.describeSource(key), want)
}

// describeSource names where a value came from precisely enough to fix it.
func (s *Settings) describeSource(key string) string {
	switch s.sources[key] {
	case sourceFlag:
		return "flag --" + flagName(key)
	case sourceEnv:
		return envName(key)
	case sourceProfile:
		return fmt.Sprintf("profile %q in %s", s.Profile, s.ConfigFile)
	case sourceFile:
		return s.ConfigFile
	default:
		return "default"
	}
}

// defaultOf returns the default value of a setting.
func defaultOf(key string) any {
	for _, d := range settingDefaults {
		if d.key == key {
			return d.def
		}
	}
	return nil
}

func defaultInt(key string) int { return defaultOf(key).(int) }

func defaultDuration(key string) time.Duration { return defaultOf(key).(time.Duration) }
