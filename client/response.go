package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// reply is one HTTP reply whose body was read completely.
type reply struct {
	status int
	header http.Header
	body   []byte
	// retryAfter is the wait a 429 or 503 reply asked for, 0 when none.
	retryAfter time.Duration
	// oversize is set, and body left empty, when the body exceeds the limit.
	oversize bool
	// url is the URL that answered, without its query.
	url string
	// redirectedTo is the host that answered after a redirect away from the
	// configured one, "" when the configured host answered.
	redirectedTo string
}

// envelope is the API's reply wrapper ({"success", "message", "data",
// "statusCode"}), decoded leniently; it also carries Laravel's "errors".
type envelope struct {
	success    *bool // nil when absent or not a boolean
	message    string
	statusCode int // 0 when absent or not a number
	data       json.RawMessage
	errors     map[string][]string
}

// parseEnvelope decodes a reply body that is a JSON object; any other body
// is an error. Members of unexpected types are ignored.
func parseEnvelope(body []byte) (*envelope, error) {
	if !isObject(body) {
		return nil, errors.New("not a JSON object")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	env := &envelope{data: m["data"], errors: parseFieldMessages(m["errors"])}
	var ok bool
	if !isNull(m["success"]) && json.Unmarshal(m["success"], &ok) == nil {
		env.success = &ok
	}
	if json.Unmarshal(m["message"], &env.message) != nil {
		env.message = ""
	}
	if n, valid := parseFlexInt(m["statusCode"]); valid {
		env.statusCode = n
	}
	return env, nil
}

// checkReply returns the envelope of a successful reply, or the *Error the
// reply stands for. A reply fails when its HTTP status is 400 or more, when
// the envelope says "success": false, or when the envelope's statusCode is
// 400 or more (that statusCode is then the status reported).
func checkReply(rep *reply) (*envelope, error) {
	env, err := checkReplyBody(rep)
	var e *Error
	if err != nil && rep.redirectedTo != "" && errors.As(err, &e) {
		e.RedirectedTo = rep.redirectedTo
		e.Explanation += fmt.Sprintf("; the request was redirected to %s, which is not sent the token", rep.redirectedTo)
	}
	return env, err
}

// checkReplyBody is checkReply without the note on redirects.
func checkReplyBody(rep *reply) (*envelope, error) {
	env, err := parseEnvelope(rep.body)
	if endpointMissing(rep, env) {
		return nil, endpointError(rep, env)
	}
	if err != nil {
		problem := bodyProblem(rep)
		if rep.status >= 400 {
			return nil, pageError(rep, problem)
		}
		return nil, invalidReply(rep.status, problem)
	}
	status := rep.status
	if status < 400 && env.statusCode >= 400 {
		status = env.statusCode
	}
	if status >= 400 || (env.success != nil && !*env.success) {
		return nil, envelopeError(rep, env, status)
	}
	if rep.status < 200 || rep.status > 299 {
		return nil, invalidReply(rep.status, fmt.Sprintf("unexpected HTTP %d reply", rep.status))
	}
	return env, nil
}

// envelopeError builds the *Error for a failed reply that is a JSON object.
func envelopeError(rep *reply, env *envelope, status int) *Error {
	e := &Error{StatusCode: status, Message: env.message, RetryAfter: rep.retryAfter}
	kind, decisive := kindForMessage(env.message)
	if !decisive {
		kind = kindForStatus(status)
	}
	e.Kind = kind
	if kind == KindValidation {
		e.Fields = env.errors
		if len(e.Fields) == 0 {
			e.Fields = parseFieldMessages(env.data)
		}
	}
	switch {
	case decisive && kind == KindNotFound:
		e.Explanation = "session not found"
	case decisive && kind == KindSessionEnded:
		e.Explanation = "the session has already ended; no more log entries can be recorded"
	case kind == KindValidation && len(e.Fields) > 0:
		e.Explanation = "invalid data: " + explainFields(e.Fields)
	case decisive:
		e.Explanation = "invalid data"
	default:
		e.Explanation = explainStatus(status)
		if english, ok := Translate(env.message); ok {
			e.Explanation += fmt.Sprintf(" (the server said %q)", english)
		}
	}
	e.Explanation += retryAfterNote(e.RetryAfter)
	return e
}

// endpointMissing reports whether a reply says that no route of the API
// answered: a 405, or a 404 that is not the API's own (the envelope with
// "success": false, or the documented "session not found" message). Laravel's
// router, a proxy or a web server answer a wrong path with their own 404.
// env is nil when the body is not a JSON object.
func endpointMissing(rep *reply, env *envelope) bool {
	switch rep.status {
	case http.StatusMethodNotAllowed:
		return true
	case http.StatusNotFound:
		if env == nil {
			return true
		}
		kind, decisive := kindForMessage(env.message)
		fromAPI := (env.success != nil && !*env.success) || (decisive && kind == KindNotFound)
		return !fromAPI
	}
	return false
}

// endpointError is the *Error for a reply for which endpointMissing holds.
func endpointError(rep *reply, env *envelope) *Error {
	e := &Error{Kind: KindEndpointNotFound, StatusCode: rep.status, URL: rep.url,
		Explanation: "no API endpoint at " + rep.url}
	if rep.status == http.StatusMethodNotAllowed {
		e.Explanation = "the endpoint at " + rep.url + " does not accept the request's method"
	}
	if env != nil {
		e.Message = env.message
	} else {
		e.Message = pageMessage(rep)
	}
	return e
}

// withoutQuery renders u without its query, fragment and user information.
func withoutQuery(u *url.URL) string {
	v := *u
	v.User, v.RawQuery, v.ForceQuery, v.Fragment, v.RawFragment = nil, "", false, "", ""
	return v.String()
}

// pageError builds the *Error for a failed reply that is not a JSON object,
// such as a proxy's or a crashed application's HTML page.
func pageError(rep *reply, problem string) *Error {
	return &Error{
		Kind:        kindForStatus(rep.status),
		StatusCode:  rep.status,
		Message:     pageMessage(rep),
		Explanation: explainStatus(rep.status) + "; " + problem + retryAfterNote(rep.retryAfter),
		RetryAfter:  rep.retryAfter,
	}
}

// invalidReply is the *Error for a reply that is not what the API documents.
func invalidReply(status int, reason string) *Error {
	return &Error{Kind: KindInvalidResponse, StatusCode: status, Explanation: "invalid reply from the server: " + reason}
}

func retryAfterNote(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return "; the server asks to wait " + roundDuration(d).String()
}

// bodyProblem says in one line why a reply body is not a JSON object.
func bodyProblem(rep *reply) string {
	body := bytes.TrimSpace(rep.body)
	switch {
	case len(body) == 0:
		return "the reply body is empty"
	case looksLikeHTML(rep):
		return "the server returned an HTML page instead of JSON"
	case json.Valid(body):
		return "the reply is JSON but not an object"
	}
	var v any
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); errors.Is(err, io.ErrUnexpectedEOF) {
		return "the reply is truncated JSON"
	}
	return "the reply is not valid JSON"
}

// parseFieldMessages decodes {"field": ["message", ...]} (a single string
// per field is accepted too); anything else yields nil.
func parseFieldMessages(raw json.RawMessage) map[string][]string {
	var m map[string]json.RawMessage
	if !isObject(raw) || json.Unmarshal(raw, &m) != nil {
		return nil
	}
	fields := make(map[string][]string, len(m))
	for name, v := range m {
		var list []string
		var one string
		switch {
		case json.Unmarshal(v, &list) == nil && len(list) > 0:
			fields[name] = list
		case json.Unmarshal(v, &one) == nil && !isNull(v):
			fields[name] = []string{one}
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// isObject reports whether raw is (or starts like) a JSON object.
func isObject(raw []byte) bool {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	return len(raw) > 0 && raw[0] == '{'
}

// isNull reports whether raw is absent or the JSON null.
func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// roundDuration rounds d for messages.
func roundDuration(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}
