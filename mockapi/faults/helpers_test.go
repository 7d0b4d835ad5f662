package faults_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// openSession is a fixture session that accepts new entries.
const openSession = "1002"

// serve starts an HTTP server of the default-fixture mock wrapped in a
// Layer with rules; it stops when the test ends.
func serve(t *testing.T, rules ...faults.Rule) (*mockapi.Handler, *faults.Layer, string) {
	t.Helper()
	mock := mockapi.NewHandler(mockapi.WithFixture(mockapi.DefaultFixture()))
	layer := faults.Wrap(mock, rules...)
	srv := httptest.NewServer(layer)
	t.Cleanup(srv.Close)
	return mock, layer, srv.URL
}

// result is what a client made of one exchange.
type result struct {
	resp *http.Response // nil when the exchange failed
	body []byte
	err  error // the error of the exchange or of reading the body
}

// exchange sends one request with a fresh client that follows no
// redirects; a POST records a LEFT entry in session 1002.
func exchange(ctx context.Context, t *testing.T, method, url string) result {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(`{"action_type":"LEFT"}`)
	}
	req, err := http.NewRequestWithContext(ctx, method, url+"/v1/customer/sessions/"+openSession+"/log", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	c := &http.Client{
		Transport:     &http.Transport{},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer c.CloseIdleConnections()
	resp, err := c.Do(req)
	if err != nil {
		return result{err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return result{resp: resp, body: data, err: err}
}

// stored returns how many entries session 1002 gained over the fixture's three.
func stored(t *testing.T, mock *mockapi.Handler) int {
	t.Helper()
	entries, ok := mock.Entries(openSession)
	if !ok {
		t.Fatalf("session %s is gone", openSession)
	}
	return len(entries) - 3
}
