package cmd

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cast"
)

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
	if s.Color, err = parseColorMode(strings.ToLower(strings.TrimSpace(str(keyColor)))); err != nil {
		errs = append(errs, s.invalid(keyColor, "auto, always or never"))
	}
	s.Pager = str(keyPager)
	if len(errs) > 0 {
		return &ConfigError{Err: errors.Join(errs...)}
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
