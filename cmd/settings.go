package cmd

import (
	"fmt"
	"os"
	"strings"
	"time"

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
	keyColor              = "color"
	keyPager              = "pager"
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
	{keyColor, string(ColorAuto)},
	{keyPager, ""}, // unset: PAGER, else less -FRX (see pagerCommand)
}

// Where a setting's value came from.
const (
	sourceFlag    = "flag"
	sourceEnv     = "env"
	sourceProfile = "profile"
	sourceFile    = "file"
	sourceDefault = "default"
	// sourceNoColorFlag is the color setting made never by --no-color.
	sourceNoColorFlag = "no-color flag"
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
	// Color is the colour mode: auto, always or never.
	Color ColorMode
	// Pager is the pager setting, as set; pagerCommand resolves it.
	Pager string

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
	data, err := readConfigFile(v, path, explicit)
	if err != nil {
		return nil, err
	}
	var written *fileValues
	if data != nil {
		if written, err = parseFileValues(path, data); err != nil {
			return nil, err
		}
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
		if n := written.node(d.key, s.sources[d.key], s.Profile); n != nil {
			s.raw[d.key] = n
		}
	}
	if s.sources[keyInsecureSkipVerify] == sourceEnv {
		return nil, configErrorf("insecure_skip_verify can be set only in a config file, not with %s", envName(keyInsecureSkipVerify))
	}
	if err := s.decode(); err != nil {
		return nil, err
	}
	if err := s.applyNoColorFlag(flags); err != nil {
		return nil, err
	}
	if s.Timeout <= 0 {
		return nil, &ConfigError{Err: s.invalid(keyTimeout, "a positive duration, such as 30s (a request must not wait forever)")}
	}
	return s, nil
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

// applyNoColorFlag folds --no-color into the color setting: it is --color
// never under another name, so every command and `config view` see the
// one mode that applies to the run. With --color auto or always it is a
// contradiction, a usage error.
func (s *Settings) applyNoColorFlag(flags *pflag.FlagSet) error {
	if on, err := flags.GetBool("no-color"); err != nil || !on {
		return nil
	}
	if s.sources[keyColor] == sourceFlag && s.Color != ColorNever {
		return usageErrorf("--no-color contradicts --color %s", s.Color)
	}
	s.Color = ColorNever
	s.raw[keyColor] = string(ColorNever)
	s.sources[keyColor] = sourceNoColorFlag
	return nil
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
