// Package faults is an http.Handler middleware that injects faults into the
// replies of the handler it wraps, normally a *mockapi.Handler, so that
// tests can show how a client behaves when the network or the server
// misbehaves: rate limits, proxy error pages, truncated or malformed JSON,
// slow replies, dropped connections, requests that were stored but never
// answered, redirects and over-size bodies.
//
// A Layer applies a script of Rules. Each request is matched against the
// rules in order; the first rule that fires injects its Fault, and a
// request no rule fires for passes through untouched. Every request is
// counted (per method) and recorded, so tests can assert the exact number
// of attempts a client made.
//
//	layer := faults.Wrap(mock,
//		faults.Rule{Method: "GET", Times: 1, Fault: faults.RateLimit("1")},
//		faults.Rule{Method: "POST", Fault: faults.After(faults.HTML(502, "502 Bad Gateway"))},
//	)
//	srv := httptest.NewServer(layer)
//
// Suites that configure faults from outside Go write Specs instead: JSON
// objects or the short form METHOD=STATUS[xN] ("GET=503x2"), read by
// ParseSpec and ParseSpecs and turned into Rules by Spec.Rule; rules can
// be added and replaced while serving (AddRules, SetRules).
//
// Faults that cut or drop the connection hijack it, so the Layer must be
// served over HTTP/1.x (httptest.NewServer and NewTLSServer are).
package faults

import (
	"net/http"
	"strings"
	"sync"
)

// Fault is what a rule does to a request it fires for. next is the wrapped
// handler: a fault that calls it lets the request take effect (a POST is
// stored), one that does not answers in the handler's place.
type Fault interface {
	Inject(w http.ResponseWriter, r *http.Request, next http.Handler)
}

// FaultFunc adapts a function to the Fault interface.
type FaultFunc func(w http.ResponseWriter, r *http.Request, next http.Handler)

// Inject calls f(w, r, next).
func (f FaultFunc) Inject(w http.ResponseWriter, r *http.Request, next http.Handler) { f(w, r, next) }

// Rule selects requests and the fault injected into them.
//
// A rule matches a request whose method is Method ("" for any) and whose
// request target, the escaped path and "?query" if any, contains Target
// ("" for any), e.g. "/sessions/1004/" or "page=3&". It fires first on the Nth
// matching request (1-based; 0 counts as 1) and then on each later
// matching one until it has fired Times times (0 for no limit). So
// {Nth: 2, Times: 1} fires on the second matching request only, and
// {Times: 3} on the first three.
type Rule struct {
	Method string
	Target string
	Nth    int
	Times  int
	Fault  Fault
}

// matches reports whether r is one of the requests the rule counts.
func (rule *Rule) matches(r *http.Request) bool {
	return (rule.Method == "" || rule.Method == r.Method) &&
		(rule.Target == "" || strings.Contains(r.URL.RequestURI(), rule.Target))
}

// Request is the record of one request a Layer received.
type Request struct {
	Method string
	// Path is the escaped path and Query the raw query the client sent.
	Path, Query string
	// Authorized says whether the request carried an Authorization header;
	// its value is never kept.
	Authorized bool
	// Rule is the index of the rule that fired for it, -1 when none did.
	Rule int
}

// Layer is the fault-injecting middleware. It is safe for concurrent use.
type Layer struct {
	next  http.Handler
	rules []Rule

	mu       sync.Mutex
	matched  []int // per rule: matching requests so far
	fired    []int // per rule: times it fired
	counts   map[string]int
	requests []Request
}

// Wrap returns a Layer that serves next, injecting faults by rules.
func Wrap(next http.Handler, rules ...Rule) *Layer {
	return &Layer{
		next:    next,
		rules:   rules,
		matched: make([]int, len(rules)),
		fired:   make([]int, len(rules)),
		counts:  make(map[string]int),
	}
}

// maxRequests is how many records Requests keeps (the most recent), so
// that a long-running server does not grow without bound.
const maxRequests = 10000

// ServeHTTP counts and records r, then injects the fault of the first rule
// that fires for it, or passes it to the wrapped handler.
func (l *Layer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f := l.admit(r); f != nil {
		f.Inject(w, r, l.next)
		return
	}
	l.next.ServeHTTP(w, r)
}

// admit counts and records r and returns the fault of the rule that fires
// for it, or nil. Every matching rule counts r, including rules after the
// one that fires.
func (l *Layer) admit(r *http.Request) Fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	chosen := -1
	for i := range l.rules {
		rule := &l.rules[i]
		if !rule.matches(r) {
			continue
		}
		l.matched[i]++
		if chosen < 0 && l.matched[i] >= max(rule.Nth, 1) && (rule.Times == 0 || l.fired[i] < rule.Times) {
			l.fired[i]++
			chosen = i
		}
	}
	l.counts[r.Method]++
	if len(l.requests) == maxRequests {
		l.requests = append(l.requests[:0], l.requests[1:]...)
	}
	l.requests = append(l.requests, Request{
		Method:     r.Method,
		Path:       r.URL.EscapedPath(),
		Query:      r.URL.RawQuery,
		Authorized: r.Header.Get("Authorization") != "",
		Rule:       chosen,
	})
	if chosen < 0 {
		return nil
	}
	return l.rules[chosen].Fault
}

// AddRules appends rules after the Layer's rules, each counting from the
// next request on.
func (l *Layer) AddRules(rules ...Rule) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rules = append(l.rules, rules...)
	l.matched = append(l.matched, make([]int, len(rules))...)
	l.fired = append(l.fired, make([]int, len(rules))...)
}

// SetRules replaces the Layer's rules with rules, counting afresh, and
// returns how many rules it had. The request counts and records are kept.
func (l *Layer) SetRules(rules ...Rule) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.rules)
	l.rules = append([]Rule(nil), rules...)
	l.matched = make([]int, len(rules))
	l.fired = make([]int, len(rules))
	return n
}

// RuleCount returns how many rules the Layer has, spent or not.
func (l *Layer) RuleCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.rules)
}

// ClearRequests forgets the requests received so far: counts and records.
func (l *Layer) ClearRequests() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.requests = nil
	clear(l.counts)
}

// Count returns how many requests with method the Layer received, or all
// of them when method is "".
func (l *Layer) Count(method string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if method != "" {
		return l.counts[method]
	}
	n := 0
	for _, c := range l.counts {
		n += c
	}
	return n
}

// Requests returns the records of the requests received so far, oldest
// first (at most the last 10,000).
func (l *Layer) Requests() []Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Request(nil), l.requests...)
}
