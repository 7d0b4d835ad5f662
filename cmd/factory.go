package cmd

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
)

// Factory hands commands what they share: the IO streams, the settings of
// this run and a client built from them. Settings and client are made on
// first use, so commands that need neither (version, actions) stay fast.
type Factory struct {
	IOStreams *IOStreams
	Version   string
	// Now is the clock; tests replace it.
	Now func() time.Time

	flags    *pflag.FlagSet
	settings *Settings
	demo     *mockapi.Server
	cleanups []func()
	warnOnce sync.Once
}

// NewFactory returns a Factory for the given streams and version.
func NewFactory(ios *IOStreams, version string) *Factory {
	return &Factory{IOStreams: ios, Version: version, Now: time.Now}
}

// bindFlags gives the factory the parsed flags of the command being run.
func (f *Factory) bindFlags(flags *pflag.FlagSet) { f.flags = flags }

// Close releases what the run started, such as the --demo server.
func (f *Factory) Close() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	f.cleanups = nil
}

// Settings resolves the run's configuration once and prints its warnings.
func (f *Factory) Settings() (*Settings, error) {
	if f.settings != nil {
		return f.settings, nil
	}
	flags := f.flags
	if flags == nil {
		flags = pflag.NewFlagSet("none", pflag.ContinueOnError)
	}
	s, err := loadSettings(flags)
	if err != nil {
		return nil, err
	}
	f.settings = s
	if outputWantsJSON(flags, s.Output) {
		f.IOStreams.SetJSONMessages(true) // for the warnings, before the output flags are resolved
	}
	for _, w := range s.Warnings {
		f.IOStreams.Warn(w)
	}
	return s, nil
}

func (f *Factory) boolFlag(name string) bool {
	if f.flags == nil {
		return false
	}
	v, _ := f.flags.GetBool(name)
	return v
}

// Client returns an API client configured for this run: against the
// built-in mock with --demo, else against the configured base URL.
func (f *Factory) Client(ctx context.Context) (*client.Client, error) {
	s, err := f.Settings()
	if err != nil {
		return nil, err
	}
	baseURL, token := s.BaseURL, s.Token
	if f.boolFlag("demo") {
		if baseURL, err = f.startDemo(); err != nil {
			return nil, err
		}
		token = ""
	} else {
		if baseURL == "" {
			return nil, configErrorf("no API base URL is configured: set base_url in %s, set SESSIONLOG_BASE_URL, or pass --base-url (try --demo for the built-in mock)", defaultConfigPath())
		}
		if token == "" && s.TokenCommand != "" {
			if token, err = runTokenCommand(ctx, s.TokenCommand); err != nil {
				return nil, err
			}
		}
		f.warnInsecure(s, baseURL, token)
	}
	transport, err := newTransport(s)
	if err != nil {
		return nil, err
	}
	opts := []client.Option{
		client.WithToken(token),
		client.WithUserAgent("sessionlog/" + f.Version),
		client.WithTransport(transport),
		client.WithTimeout(s.Timeout),
		client.WithRetries(s.Retries),
		client.WithMaxRetryWait(s.MaxRetryWait),
		client.WithRetryNotify(f.notifyRetry),
	}
	if f.boolFlag("debug") {
		opts = append(opts, client.WithDebug(f.IOStreams.ErrOut))
	}
	c, err := client.New(baseURL, opts...)
	if err != nil {
		return nil, &ConfigError{Err: fmt.Errorf("base URL %q: %w", baseURL, err)}
	}
	return c, nil
}

// startDemo serves the built-in mock on a loopback port for this run.
func (f *Factory) startDemo() (string, error) {
	if f.demo == nil {
		srv, err := mockapi.NewServer(mockapi.WithFixture(mockapi.DefaultFixture().AnchoredAt(f.Now())))
		if err != nil {
			return "", fmt.Errorf("starting the demo API: %w", err)
		}
		f.demo = srv
		f.cleanups = append(f.cleanups, srv.Close)
	}
	return f.demo.URL(), nil
}

// notifyRetry tells the user about waits long enough to notice.
func (f *Factory) notifyRetry(n client.RetryNotice) {
	if n.Wait < time.Second {
		return
	}
	f.IOStreams.Notice(fmt.Sprintf("%s; waiting %s before retrying %s %s (attempt %d of %d)",
		n.Reason, n.Wait.Round(100*time.Millisecond), n.Method, n.Path, n.Attempt, n.MaxAttempts))
}

// warnInsecure warns once about settings that put the token at risk.
func (f *Factory) warnInsecure(s *Settings, baseURL, token string) {
	f.warnOnce.Do(func() {
		if s.InsecureSkipVerify {
			f.IOStreams.Warn(fmt.Sprintf("insecure_skip_verify is on (%s): TLS certificates are not checked", s.describeSource(keyInsecureSkipVerify)))
		}
		u, err := url.Parse(baseURL)
		if err != nil || token == "" || u.Scheme != "http" || isLoopback(u.Hostname()) {
			return
		}
		f.IOStreams.Warn(fmt.Sprintf("the token is sent over plain http to %s; use https", u.Host))
	})
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
