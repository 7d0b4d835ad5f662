package client

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/sessionlog/sessionlog/internal/clock"
)

// Defaults for the options.
const (
	DefaultUserAgent    = "sessionlog"
	DefaultTimeout      = 30 * time.Second
	DefaultRetries      = 3
	DefaultMaxRetryWait = 60 * time.Second
	DefaultMaxBodySize  = 32 << 20
)

// Client talks to one session-log API. It is safe for concurrent use. When
// one request gets a 429 reply with Retry-After, every request of the Client
// waits until that time before it is sent.
type Client struct {
	origin   string // "scheme://host[:port]"
	basePath string // escaped path prefix, always ending in "/"
	rc       *resty.Client

	timeout      time.Duration
	retries      int
	maxRetryWait time.Duration
	maxBody      int64
	notify       func(RetryNotice)
	redact       func(string) string

	// Injectable for tests: the clock, sleeping and backoff.
	now     func() time.Time
	sleep   func(context.Context, time.Duration) error
	backoff func(retry int) time.Duration

	pause pauseGate
}

type options struct {
	token        string
	userAgent    string
	transport    http.RoundTripper
	timeout      time.Duration
	retries      int
	maxRetryWait time.Duration
	maxBody      int64
	notify       func(RetryNotice)
	debug        io.Writer
}

// Option configures a Client in New.
type Option func(*options)

// WithToken sends "Authorization: Bearer <token>" on every request; an empty
// token sends no Authorization header.
func WithToken(token string) Option { return func(o *options) { o.token = token } }

// WithUserAgent sets the User-Agent header (default "sessionlog").
func WithUserAgent(ua string) Option { return func(o *options) { o.userAgent = ua } }

// WithTransport sets the HTTP transport, e.g. one with custom TLS settings.
// nil keeps the default transport.
func WithTransport(rt http.RoundTripper) Option { return func(o *options) { o.transport = rt } }

// WithTimeout limits each attempt, reading the reply included (default 30s;
// 0 means no limit).
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithRetries sets how many extra attempts may follow the first (default 3).
func WithRetries(n int) Option { return func(o *options) { o.retries = n } }

// WithMaxRetryWait caps any single wait before a retry (default 60s). When
// the server's Retry-After asks for longer, the client does not wait: the
// call fails at once with the reply's error (KindRateLimited for a 429)
// carrying RetryAfter.
func WithMaxRetryWait(d time.Duration) Option { return func(o *options) { o.maxRetryWait = d } }

// WithRetryNotify sets a function called before each wait that precedes a
// retry. It may be called from several goroutines at once.
func WithRetryNotify(fn func(RetryNotice)) Option { return func(o *options) { o.notify = fn } }

// WithDebug writes a trace of every HTTP exchange to w, with credentials redacted.
func WithDebug(w io.Writer) Option { return func(o *options) { o.debug = w } }

// WithMaxBodySize limits the size of a reply body (default 32 MiB); a bigger
// reply fails with KindInvalidResponse and is never retried.
func WithMaxBodySize(n int64) Option { return func(o *options) { o.maxBody = n } }

// New returns a Client for the API at baseURL, an absolute http or https URL
// that may carry a path prefix ("https://host/api/" and "https://host/api"
// are the same). An unusable URL or option value returns an *Error of kind
// KindInvalidInput.
func New(baseURL string, opts ...Option) (*Client, error) {
	o := options{
		userAgent:    DefaultUserAgent,
		timeout:      DefaultTimeout,
		retries:      DefaultRetries,
		maxRetryWait: DefaultMaxRetryWait,
		maxBody:      DefaultMaxBodySize,
	}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	if o.userAgent == "" {
		o.userAgent = DefaultUserAgent
	}
	origin, basePath, err := parseBaseURL(baseURL)
	if err != nil {
		return nil, err
	}

	c := &Client{
		origin:       origin,
		basePath:     basePath,
		timeout:      o.timeout,
		retries:      o.retries,
		maxRetryWait: o.maxRetryWait,
		maxBody:      min(o.maxBody, math.MaxInt64-1),
		notify:       o.notify,
		redact:       tokenRedactor(o.token),
		now:          time.Now,
		sleep:        clock.Sleep,
	}
	c.backoff = func(retry int) time.Duration { return jitteredBackoff(retry, c.maxRetryWait) }

	rc := resty.NewWithClient(&http.Client{Transport: o.transport})
	if o.debug != nil {
		// A transport, not resty's debug log: that one sees a request and
		// its final reply, not each redirect hop the http.Client makes.
		rc.SetTransport(newDebugTransport(rc.GetClient().Transport, o.debug, c.redact))
	}
	rc.SetTransport(declaredLimitTransport{next: rc.GetClient().Transport, limit: c.maxBody})
	// Retries stay custom (see do): a create is retried only when the
	// server certainly did not process it, which a 503's body decides and
	// resty's retry conditions never see; and a 429's Retry-After pauses
	// every request of the Client, not only the one that got it.
	rc.SetRetryCount(0).
		SetResponseBodyLimit(int(min(c.maxBody, math.MaxInt))).
		// resty's ready-made policies cannot refuse https to http, a changed
		// method or a POST to another host, so its hook runs checkRedirect.
		SetRedirectPolicy(resty.RedirectPolicyFunc(checkRedirect)).
		SetLogger(quietLogger{}).
		SetDisableWarn(true).
		SetHeader("Accept", "application/json").
		SetHeader("Content-Type", "application/json").
		SetHeader("User-Agent", o.userAgent)
	if o.token != "" {
		rc.SetAuthToken(o.token)
	}
	c.rc = rc
	return c, nil
}

// BaseURL returns the API base URL the client was built with, normalised to
// end in "/".
func (c *Client) BaseURL() string { return c.origin + c.basePath }

func (o *options) validate() error {
	bad := func(format string, args ...any) error {
		return &Error{Kind: KindInvalidInput, Explanation: fmt.Sprintf(format, args...)}
	}
	switch {
	case o.retries < 0:
		return bad("retries must not be negative (got %d)", o.retries)
	case o.timeout < 0:
		return bad("timeout must not be negative (got %s)", o.timeout)
	case o.maxRetryWait < 0:
		return bad("maximum retry wait must not be negative (got %s)", o.maxRetryWait)
	case o.maxBody <= 0:
		return bad("maximum body size must be positive (got %d)", o.maxBody)
	case hasControl(o.token):
		return bad("the token contains a control character")
	case hasControl(o.userAgent):
		return bad("the user agent contains a control character")
	}
	return nil
}

// parseBaseURL splits an API base URL into its origin and its escaped path
// prefix ending in "/".
func parseBaseURL(raw string) (origin, basePath string, err error) {
	bad := func(why string, cause error) (string, string, error) {
		return "", "", &Error{Kind: KindInvalidInput, Explanation: "invalid base URL: " + why, Err: cause}
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil:
		return bad("cannot be parsed", err)
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("it must start with http:// or https://", nil)
	case u.Host == "" || u.Hostname() == "":
		return bad("it has no host", nil)
	case u.User != nil:
		return bad("it must not contain a user name or password (use a token)", nil)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return bad("it must not contain a query or a fragment", nil)
	}
	return u.Scheme + "://" + u.Host, strings.TrimRight(u.EscapedPath(), "/") + "/", nil
}

// hasControl reports whether s contains a control character.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// quietLogger keeps resty from printing anything.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Warnf(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}
