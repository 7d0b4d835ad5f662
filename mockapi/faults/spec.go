package faults

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Spec is a rule as a test suite writes it, in JSON or in the short form
// METHOD=STATUS[xN] that ParseSpec reads:
//
//	{"method": "GET", "status": 503, "times": 2, "retry_after": 1,
//	 "session": "1002", "body": "html", "drop": false, "delay": "2s"}
//
// Method is an HTTP method, or "*" or "" for any. Status answers in the
// API's place; Body says how: "laravel" (the default: Laravel's own
// {"message": ...}), "api" (the API's failure envelope), "html" (an nginx
// error page) or "empty". RetryAfter adds a Retry-After header of that
// many seconds. Drop closes the connection without a reply instead, and
// Delay (a Go duration) waits first, giving up when the client does; a
// Delay alone lets the request through late. Times limits how often the
// rule fires (0: always). Session limits the rule to one session's log.
type Spec struct {
	Method     string `json:"method"`
	Status     int    `json:"status"`
	Times      int    `json:"times"`
	RetryAfter *int   `json:"retry_after"`
	Session    string `json:"session"`
	Body       string `json:"body"`
	Drop       bool   `json:"drop"`
	Delay      string `json:"delay"`
}

// ParseSpec reads the short form METHOD=STATUS[xN]: "GET=503x2" (the next
// two GETs answer 503), "POST=429x1", "GET=500" (every GET), "*=503x1"
// (the next request of any method). STATUS may also be "drop".
func ParseSpec(s string) (Spec, error) {
	method, rest, ok := strings.Cut(strings.TrimSpace(s), "=")
	if !ok || method == "" || rest == "" {
		return Spec{}, fmt.Errorf("fault %q: want METHOD=STATUS[xN], e.g. GET=503x2", s)
	}
	spec := Spec{Method: method}
	what, times, hasTimes := strings.Cut(rest, "x")
	if hasTimes {
		n, err := strconv.Atoi(times)
		if err != nil || n < 1 {
			return Spec{}, fmt.Errorf("fault %q: count %q is not a whole number of at least 1", s, times)
		}
		spec.Times = n
	}
	if what == "drop" {
		spec.Drop = true
	} else {
		code, err := strconv.Atoi(what)
		if err != nil {
			return Spec{}, fmt.Errorf("fault %q: status %q is not a number or \"drop\"", s, what)
		}
		spec.Status = code
	}
	if _, err := spec.Rule(); err != nil {
		return Spec{}, err
	}
	return spec, nil
}

// ParseSpecs reads a JSON list of rules, each a Spec object or a short
// form string, and checks each one. Unknown keys are errors.
func ParseSpecs(data []byte) ([]Spec, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("faults: want a JSON list of rules: %w", err)
	}
	specs := make([]Spec, len(items))
	for i, raw := range items {
		spec, err := parseSpecItem(raw)
		if err != nil {
			return nil, fmt.Errorf("faults: rule %d: %w", i+1, err)
		}
		specs[i] = spec
	}
	return specs, nil
}

// parseSpecItem reads one item of ParseSpecs' list.
func parseSpecItem(raw json.RawMessage) (Spec, error) {
	var short string
	if json.Unmarshal(raw, &short) == nil {
		return ParseSpec(short)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var spec Spec
	if err := dec.Decode(&spec); err != nil {
		return Spec{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Spec{}, errors.New("trailing data after the rule")
	}
	if _, err := spec.Rule(); err != nil {
		return Spec{}, err
	}
	return spec, nil
}

// Rules turns specs into Rules, in order.
func Rules(specs []Spec) ([]Rule, error) {
	rules := make([]Rule, len(specs))
	for i, spec := range specs {
		rule, err := spec.Rule()
		if err != nil {
			return nil, err
		}
		rules[i] = rule
	}
	return rules, nil
}

// Rule checks the spec and turns it into a Rule.
func (s Spec) Rule() (Rule, error) {
	rule := Rule{Method: strings.ToUpper(s.Method), Times: s.Times}
	if rule.Method == "*" {
		rule.Method = ""
	}
	if s.Session != "" {
		rule.Target = "/sessions/" + url.PathEscape(s.Session) + "/"
	}
	var delay time.Duration
	if s.Delay != "" {
		d, err := time.ParseDuration(s.Delay)
		if err != nil || d < 0 {
			return Rule{}, fmt.Errorf("fault delay %q is not a duration such as 2s", s.Delay)
		}
		delay = d
	}
	switch {
	case s.Times < 0:
		return Rule{}, fmt.Errorf("fault times %d is negative", s.Times)
	case s.Drop && s.Status != 0:
		return Rule{}, errors.New("fault: drop sends no reply, so it takes no status")
	case s.Status != 0 && (s.Status < 200 || s.Status > 599):
		return Rule{}, fmt.Errorf("fault status %d is outside 200..599", s.Status)
	case s.Status == 0 && !s.Drop && delay == 0:
		return Rule{}, errors.New("fault: give a status, drop or a delay")
	case s.RetryAfter != nil && *s.RetryAfter < 0:
		return Rule{}, fmt.Errorf("fault retry_after %d is negative", *s.RetryAfter)
	}
	var fault Fault
	switch {
	case s.Drop:
		fault = Drop()
	case s.Status != 0:
		f, err := s.reply()
		if err != nil {
			return Rule{}, err
		}
		fault = f
	}
	if delay > 0 {
		fault = delayed(delay, fault)
	}
	rule.Fault = fault
	return rule, nil
}

// reply is the Status fault of a spec with a status.
func (s Spec) reply() (Fault, error) {
	header := http.Header{}
	if s.RetryAfter != nil {
		header.Set("Retry-After", strconv.Itoa(*s.RetryAfter))
	}
	switch s.Body {
	case "", "laravel":
		if s.Status == http.StatusTooManyRequests {
			header.Set("X-Ratelimit-Limit", "60")
			header.Set("X-Ratelimit-Remaining", "0")
		}
		header.Set("Content-Type", "application/json")
		return Status(s.Status, header, laravelBody(laravelMessage(s.Status))), nil
	case "api":
		header.Set("Content-Type", "application/json")
		b, _ := json.Marshal(apiFailure{Message: http.StatusText(s.Status), StatusCode: s.Status}) // plain fields always encode
		return Status(s.Status, header, string(b)), nil
	case "html":
		page := HTML(s.Status, fmt.Sprintf("%d %s", s.Status, http.StatusText(s.Status)))
		return withHeader(header, page), nil
	case "empty":
		return Status(s.Status, header, ""), nil
	}
	return nil, fmt.Errorf("fault body %q is not one of laravel, api, html, empty", s.Body)
}

// apiFailure is the API's failure envelope, keys in the document's order.
type apiFailure struct {
	Success    bool   `json:"success"`
	Message    string `json:"message"`
	Data       any    `json:"data"`
	StatusCode int    `json:"statusCode"`
}

// laravelMessage is the message Laravel's handler gives status.
func laravelMessage(status int) string {
	switch status {
	case http.StatusInternalServerError:
		return "Server Error"
	case http.StatusTooManyRequests:
		return "Too Many Attempts."
	case http.StatusUnauthorized:
		return "Unauthenticated."
	}
	return http.StatusText(status)
}

// withHeader sets header on the reply before f writes it.
func withHeader(header http.Header, f Fault) Fault {
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		for name, values := range header {
			w.Header()[name] = append([]string(nil), values...)
		}
		f.Inject(w, r, next)
	})
}

// delayed waits d as Slow does, giving up when the client does, then
// injects f, or lets the request through when f is nil.
func delayed(d time.Duration, f Fault) Fault {
	if f == nil {
		return Slow(d)
	}
	return FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
		Slow(d).Inject(w, r, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			f.Inject(w, r, next)
		}))
	})
}
