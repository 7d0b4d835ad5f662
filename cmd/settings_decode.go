package cmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// decode converts the raw values into typed fields, refusing values that
// do not fit rather than coercing them: SESSIONLOG_PER_PAGE=abc,
// "per_page: true", "per_page: 12.7" and "token: [a, b]" are errors naming
// where the value came from. Whole numbers are decimal everywhere: "010"
// is ten, as a person reads it, not YAML's or Go's octal eight.
func (s *Settings) decode() error {
	var errs []error
	str := func(key string) string {
		v, err := s.scalar(key)
		text, ok := v.(string)
		if err != nil || (!ok && v != nil) {
			errs = append(errs, s.invalid(key, "a single text value"))
		}
		return text
	}
	positive := func(key string, min int) int {
		v, err := s.scalar(key)
		n, ok := decimalInt(v)
		if err != nil || !ok || n < min {
			errs = append(errs, s.invalid(key, fmt.Sprintf("a whole number of at least %d", min)))
		}
		s.raw[key] = n
		return n
	}
	duration := func(key string) time.Duration {
		v, err := s.scalar(key)
		d, perr := parseDuration(v)
		if err != nil || perr != nil || d < 0 {
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
	v, err := s.scalar(keyInsecureSkipVerify)
	insecure, ok := boolValue(v)
	if err != nil || !ok {
		errs = append(errs, s.invalid(keyInsecureSkipVerify, "true or false"))
	}
	s.InsecureSkipVerify = insecure
	s.raw[keyInsecureSkipVerify] = insecure
	if s.Color, err = parseColorMode(strings.ToLower(strings.TrimSpace(str(keyColor)))); err != nil {
		errs = append(errs, s.invalid(keyColor, "auto, always or never"))
	}
	s.raw[keyColor] = string(s.Color)
	s.Pager = str(keyPager)
	if len(errs) > 0 {
		return &ConfigError{Err: errors.Join(errs...)}
	}
	return nil
}

// errNotScalar is a config file value that is a list or a mapping where
// one value belongs.
var errNotScalar = errors.New("not a single value")

// scalar returns the value of key as decode reads it: a config file's
// scalar as written (a string), nil for YAML's null, other values as they
// are. A list or a mapping from the file is errNotScalar.
func (s *Settings) scalar(key string) (any, error) {
	n, ok := s.raw[key].(*yaml.Node)
	switch {
	case !ok:
		return s.raw[key], nil
	case n.Kind != yaml.ScalarNode:
		return nil, errNotScalar
	case n.Tag == "!!null":
		s.raw[key] = ""
		return nil, nil
	}
	s.raw[key] = n.Value
	return n.Value, nil
}

// decimalInt reads a whole number: an int, or a string of decimal digits
// (leading zeros do not make it octal).
func decimalInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 0)
		return int(n), err == nil
	}
	return 0, false
}

// boolValue reads a bool, or a string strconv.ParseBool accepts.
func boolValue(v any) (bool, bool) {
	switch v := v.(type) {
	case bool:
		return v, true
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		return b, err == nil
	}
	return false, false
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
	value := fmt.Sprintf("%q", cast.ToString(s.raw[key]))
	if n, ok := s.raw[key].(*yaml.Node); ok {
		value = map[yaml.Kind]string{yaml.SequenceNode: "(a list)", yaml.MappingNode: "(a mapping)"}[n.Kind]
	}
	return fmt.Errorf("invalid %s %s (from %s): want %s", key, value, s.describeSource(key), want)
}

// describeSource names where a value came from precisely enough to fix it.
func (s *Settings) describeSource(key string) string {
	switch s.sources[key] {
	case sourceFlag:
		return "flag --" + flagName(key)
	case sourceNoColorFlag:
		return "flag --no-color"
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

// decimalIntValue is an int flag value read as decimal only: "--per-page
// 010" is ten (pflag's own int flags read it as octal eight).
type decimalIntValue struct{ p *int }

func (d decimalIntValue) Set(s string) error {
	n, ok := decimalInt(s)
	if !ok {
		return fmt.Errorf("%q is not a whole number", s)
	}
	*d.p = n
	return nil
}

func (d decimalIntValue) String() string { return strconv.Itoa(*d.p) }

// Type is "int", so help, viper and FlagSet.GetInt treat the flag as one.
func (d decimalIntValue) Type() string { return "int" }

// decimalIntVar defines an int flag like FlagSet.IntVar, read as decimal.
func decimalIntVar(fs *pflag.FlagSet, p *int, name string, value int, usage string) {
	*p = value
	fs.Var(decimalIntValue{p}, name, usage)
}
