package client

import "net/http"

// declaredLimitTransport refuses a reply whose Content-Length exceeds the
// body limit before a byte of its body is read. resty's
// SetResponseBodyLimit enforces the limit while reading, so it cannot.
type declaredLimitTransport struct {
	next  http.RoundTripper
	limit int64
}

// declaredTooLargeError is the failure of a reply refused for its
// Content-Length; resp is the reply, its body closed.
type declaredTooLargeError struct{ resp *http.Response }

func (e *declaredTooLargeError) Error() string {
	return "the reply declares a body larger than the limit"
}

// RoundTrip sends req and refuses a reply declared too large.
func (t declaredLimitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err == nil && resp.ContentLength > t.limit {
		_ = resp.Body.Close()
		return nil, &declaredTooLargeError{resp: resp}
	}
	return resp, err
}
