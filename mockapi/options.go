package mockapi

import (
	"io"
	"strings"
	"time"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// Option configures a Handler (NewHandler) or a Server (NewServer).
type Option func(*config)

// config collects the options.
type config struct {
	basePath   string
	token      string
	latency    time.Duration
	clock      func() time.Time
	loc        *time.Location
	maxPerPage int
	requestLog io.Writer
	fixture    *Fixture
	listenAddr string
	frozenAt   time.Time
	faults     []faults.Rule
	autoCreate bool
}

// newConfig applies opts over the defaults.
func newConfig(opts []Option) config {
	c := config{clock: time.Now, listenAddr: "127.0.0.1:0"}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithBasePath mounts the API under prefix, e.g. "/api" serves
// /api/v1/customer/sessions/{id}/log. Default "". Surrounding slashes are
// normalised. Mounting with http.StripPrefix works as well.
func WithBasePath(prefix string) Option {
	return func(c *config) {
		if p := strings.Trim(prefix, "/"); p != "" {
			c.basePath = "/" + p
		} else {
			c.basePath = ""
		}
	}
}

// WithToken requires "Authorization: Bearer token" on every request;
// others get Laravel's 401 {"message":"Unauthenticated."}. Without it (or
// with ""), any or no token is accepted.
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithLatency waits d before answering each request, giving up without an
// answer if the request's context ends first.
func WithLatency(d time.Duration) Option {
	return func(c *config) { c.latency = d }
}

// WithClock sets the source of created entries' times. Default time.Now.
// SetClock and AdvanceClock act on top of it.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.clock = now
		}
	}
}

// WithLocation sets the time zone entries' dates are rendered in. Default:
// the fixture's zone when WithFixture is given, else time.Local.
func WithLocation(loc *time.Location) Option {
	return func(c *config) { c.loc = loc }
}

// WithMaxPerPage caps per_page at n; 0 (the default) means no cap.
func WithMaxPerPage(n int) Option {
	return func(c *config) { c.maxPerPage = max(n, 0) }
}

// WithRequestLog writes one line per request to w:
// "METHOD /path?query status duration". Headers are never logged.
func WithRequestLog(w io.Writer) Option {
	return func(c *config) { c.requestLog = w }
}

// WithFixture preloads f's sessions. The last WithFixture wins; nil means none.
func WithFixture(f *Fixture) Option {
	return func(c *config) { c.fixture = f }
}

// WithListenAddr sets the address NewServer listens on. Default
// "127.0.0.1:0" (a free port). NewHandler ignores it.
func WithListenAddr(addr string) Option {
	return func(c *config) { c.listenAddr = addr }
}

// WithFrozenClock freezes the Handler's clock at t: created entries get t
// until SetClock or AdvanceClock (or POST /_mock/clock) move it, and
// Reset brings it back to t. Sessions of the fixture marked AnchorToStart
// are anchored at t.
func WithFrozenClock(t time.Time) Option {
	return func(c *config) { c.frozenAt = t }
}

// WithFaults injects faults by rules into the API's replies, as a
// faults.Layer around the API would, before any rule added later with
// AddFaults. Admin requests (under /_mock/) never meet a fault. Reset
// re-arms these rules from the start. Repeated WithFaults add up.
func WithFaults(rules ...faults.Rule) Option {
	return func(c *config) { c.faults = append(c.faults, rules...) }
}

// WithAutoCreate(true) makes a valid POST to an unknown session create
// it, for suites that make up their session ids, instead of answering 404.
func WithAutoCreate(on bool) Option {
	return func(c *config) { c.autoCreate = on }
}
