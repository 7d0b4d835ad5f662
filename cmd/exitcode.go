package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/sessionlog/sessionlog/client"
)

// Exit codes, documented in the root command's help and in the README.
const (
	ExitOK          = 0   // success
	ExitError       = 1   // unexpected failure: invalid reply, internal error
	ExitUsage       = 2   // bad flag or argument, unknown action type, bad configuration
	ExitAuth        = 3   // authentication or permission refused (401/403)
	ExitNotFound    = 4   // session not found (404)
	ExitRejected    = 5   // rejected by the API (422 and other 4xx)
	ExitUnavailable = 6   // server or network unavailable, or a create whose outcome is unknown
	ExitInterrupted = 130 // interrupted (Ctrl-C)
)

const exitCodeHelp = `Exit codes:
  0    success
  1    unexpected failure (invalid reply from the API, internal error)
  2    usage or configuration error (bad flag or argument, unknown action type, no base URL,
       a base URL at which the API's endpoint is not found)
  3    authentication or permission refused (HTTP 401/403)
  4    session not found (HTTP 404)
  5    rejected by the API (HTTP 422: invalid data, session already ended; other 4xx)
  6    server or network unavailable (5xx, timeouts, refused connections, rate-limited
       after retries), or a create that may or may not have been recorded
  130  interrupted`

// UsageError marks an error in how the command was called or configured.
type UsageError struct{ Err error }

// Error returns the message of the wrapped error.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *UsageError) Unwrap() error { return e.Err }

// usageErrorf returns a *UsageError with a formatted message.
func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ConfigError marks a problem with the run's configuration or input files
// (config file, settings, token_command, fixture, injection file). It exits
// like a usage error, but without pointing at --help.
type ConfigError struct{ Err error }

// Error returns the message of the wrapped error.
func (e *ConfigError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *ConfigError) Unwrap() error { return e.Err }

// configErrorf returns a *ConfigError with a formatted message.
func configErrorf(format string, args ...any) error {
	return &ConfigError{Err: fmt.Errorf(format, args...)}
}

// reportedError stands for failures that a command has already written to
// stderr; only its exit code remains to be given.
type reportedError struct{ first error }

func (e *reportedError) Error() string { return e.first.Error() }
func (e *reportedError) Unwrap() error { return e.first }

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, context.Canceled) {
		return ExitInterrupted
	}
	var usage *UsageError
	var config *ConfigError
	if errors.As(err, &usage) || errors.As(err, &config) {
		return ExitUsage
	}
	var unknownAction *client.UnknownActionError
	if errors.As(err, &unknownAction) {
		return ExitUsage
	}
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		return ExitError
	}
	switch apiErr.Kind {
	case client.KindInvalidInput, client.KindEndpointNotFound:
		return ExitUsage
	case client.KindAuth:
		return ExitAuth
	case client.KindNotFound:
		return ExitNotFound
	case client.KindValidation, client.KindSessionEnded:
		return ExitRejected
	case client.KindServer, client.KindNetwork, client.KindRateLimited, client.KindUncertain:
		return ExitUnavailable
	default:
		return ExitError
	}
}

// reportKind is the "kind" of an API error in machine-readable output: a
// missing endpoint is a configuration error, like the exit code says.
func reportKind(e *client.Error) string {
	if e.Kind == client.KindEndpointNotFound {
		return "config"
	}
	return string(e.Kind)
}

// endpointAdvice says what a missing endpoint means for the user, e.g.
// `the API endpoint was not found at "https://h/v1/customer/sessions/7/log" (HTTP 404); ...`.
func endpointAdvice(e *client.Error) string {
	return fmt.Sprintf("the API endpoint was not found at %q (HTTP %d); the base URL is probably wrong: "+
		"check it for a missing or extra path prefix, such as /api", e.URL, e.StatusCode)
}
