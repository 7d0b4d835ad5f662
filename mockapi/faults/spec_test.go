package faults_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

func intPtr(n int) *int { return &n }

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in      string
		want    faults.Spec
		wantErr string
	}{
		{in: "GET=503x2", want: faults.Spec{Method: "GET", Status: 503, Times: 2}},
		{in: "POST=429x1", want: faults.Spec{Method: "POST", Status: 429, Times: 1}},
		{in: "GET=500", want: faults.Spec{Method: "GET", Status: 500}},
		{in: "*=dropx1", want: faults.Spec{Method: "*", Drop: true, Times: 1}},
		{in: "GET503", wantErr: `fault "GET503": want METHOD=STATUS[xN], e.g. GET=503x2`},
		{in: "=503", wantErr: `fault "=503": want METHOD=STATUS[xN], e.g. GET=503x2`},
		{in: "GET=503x0", wantErr: `fault "GET=503x0": count "0" is not a whole number of at least 1`},
		{in: "GET=503xa", wantErr: `fault "GET=503xa": count "a" is not a whole number of at least 1`},
		{in: "GET=slow", wantErr: `fault "GET=slow": status "slow" is not a number or "drop"`},
		{in: "GET=99", wantErr: `fault status 99 is outside 200..599`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := faults.ParseSpec(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseSpec = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestParseSpecs(t *testing.T) {
	got, err := faults.ParseSpecs([]byte(`["GET=503x1", {"method": "POST", "status": 429, "retry_after": 2, "session": "1002", "body": "api", "times": 1}, {"delay": "2s"}]`))
	want := []faults.Spec{
		{Method: "GET", Status: 503, Times: 1},
		{Method: "POST", Status: 429, RetryAfter: intPtr(2), Session: "1002", Body: "api", Times: 1},
		{Delay: "2s"},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseSpecs = %+v, %v; want %+v", got, err, want)
	}
	bad := []struct{ in, wantErr string }{
		{`{"status": 503}`, "faults: want a JSON list of rules: json: cannot unmarshal object into Go value of type []json.RawMessage"},
		{`[{"staus": 503}]`, `faults: rule 1: json: unknown field "staus"`},
		{`["GET=503", {"status": 503, "drop": true}]`, "faults: rule 2: fault: drop sends no reply, so it takes no status"},
		{`[{}]`, "faults: rule 1: fault: give a status, drop or a delay"},
		{`[{"status": 503, "body": "xml"}]`, `faults: rule 1: fault body "xml" is not one of laravel, api, html, empty`},
		{`[{"delay": "soon"}]`, `faults: rule 1: fault delay "soon" is not a duration such as 2s`},
		{`[{"status": 503, "times": -1}]`, "faults: rule 1: fault times -1 is negative"},
		{`[{"status": 503, "retry_after": -1}]`, "faults: rule 1: fault retry_after -1 is negative"},
	}
	for _, tt := range bad {
		if _, err := faults.ParseSpecs([]byte(tt.in)); err == nil || err.Error() != tt.wantErr {
			t.Errorf("ParseSpecs(%s) err = %v, want %q", tt.in, err, tt.wantErr)
		}
	}
}

// specRule is the Rule of the short form or JSON object s.
func specRule(t *testing.T, s string) faults.Rule {
	t.Helper()
	specs, err := faults.ParseSpecs([]byte("[" + s + "]"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := faults.Rules(specs)
	if err != nil {
		t.Fatal(err)
	}
	return rules[0]
}

func TestSpecReplies(t *testing.T) {
	tests := []struct {
		rule        string
		status      int
		contentType string
		retryAfter  string
		body        string
	}{
		{`"GET=503"`, 503, "application/json", "", `{"message":"Service Unavailable"}`},
		{`"GET=500"`, 500, "application/json", "", `{"message":"Server Error"}`},
		{`{"status": 429, "retry_after": 3}`, 429, "application/json", "3", `{"message":"Too Many Attempts."}`},
		{`{"status": 503, "body": "api"}`, 503, "application/json", "", `{"success":false,"message":"Service Unavailable","data":null,"statusCode":503}`},
		{`{"status": 502, "body": "html", "retry_after": 1}`, 502, "text/html; charset=utf-8", "1",
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"},
		{`{"status": 504, "body": "empty"}`, 504, "", "", ""},
		{`{"status": 503, "delay": "1ms"}`, 503, "application/json", "", `{"message":"Service Unavailable"}`},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			mock, _, url := serve(t, specRule(t, tt.rule))
			res := exchange(context.Background(), t, http.MethodGet, url)
			if res.err != nil {
				t.Fatal(res.err)
			}
			h := res.resp.Header
			if res.resp.StatusCode != tt.status || h.Get("Content-Type") != tt.contentType || h.Get("Retry-After") != tt.retryAfter || string(res.body) != tt.body {
				t.Errorf("got %d %q Retry-After %q %q\nwant %d %q Retry-After %q %q", res.resp.StatusCode, h.Get("Content-Type"), h.Get("Retry-After"), res.body,
					tt.status, tt.contentType, tt.retryAfter, tt.body)
			}
			if mock.RequestCount("") != 0 {
				t.Errorf("the mock served %d requests, want none", mock.RequestCount(""))
			}
		})
	}
}

func TestSpecSessionAndTimes(t *testing.T) {
	mock, layer, url := serve(t, specRule(t, `{"method": "post", "session": "1002", "status": 503, "times": 1}`))
	first := exchange(context.Background(), t, http.MethodPost, url)
	second := exchange(context.Background(), t, http.MethodPost, url)
	if first.err != nil || second.err != nil || first.resp.StatusCode != 503 || second.resp.StatusCode != 200 {
		t.Fatalf("replies %v %v, want 503 then 200", first, second)
	}
	if n := stored(t, mock); n != 1 || layer.Count("POST") != 2 {
		t.Errorf("stored %d, %d POSTs; want 1, 2", n, layer.Count("POST"))
	}
	other := specRule(t, `{"session": "1001", "status": 503}`)
	req := httptest.NewRequest(http.MethodGet, "/v1/customer/sessions/10011/log", nil)
	w := httptest.NewRecorder()
	faults.Wrap(http.NotFoundHandler(), other).ServeHTTP(w, req)
	if w.Code != http.StatusNotFound {
		t.Errorf("a rule for session 1001 fired for 10011: %d", w.Code)
	}
}

func TestSpecDropAndDelay(t *testing.T) {
	mock, _, url := serve(t, specRule(t, `"POST=dropx1"`))
	if res := exchange(context.Background(), t, http.MethodPost, url); res.err == nil {
		t.Fatalf("dropped request got a reply %d", res.resp.StatusCode)
	}
	if n := stored(t, mock); n != 0 {
		t.Errorf("a dropped POST stored %d entries", n)
	}

	// A delay whose client has already gone neither answers nor lets the
	// request through.
	for _, rule := range []string{`{"delay": "1h"}`, `{"delay": "1h", "status": 503}`} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequest(http.MethodPost, "/v1/customer/sessions/1002/log", strings.NewReader("{}")).WithContext(ctx)
		w := httptest.NewRecorder()
		called := false
		next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true })
		specRule(t, rule).Fault.Inject(w, req, next)
		if called || w.Body.Len() != 0 || len(w.Header()) != 0 {
			t.Errorf("%s after the client left: next called %v, wrote %q %v", rule, called, w.Body, w.Header())
		}
	}
}

func TestLayerRulesAtRunTime(t *testing.T) {
	layer := faults.Wrap(http.NotFoundHandler(), specRule(t, `"GET=503x1"`))
	layer.AddRules(specRule(t, `"GET=502x1"`))
	codes := func() []int {
		var out []int
		for range 3 {
			w := httptest.NewRecorder()
			layer.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
			out = append(out, w.Code)
		}
		return out
	}
	if got := codes(); !reflect.DeepEqual(got, []int{503, 502, 404}) {
		t.Errorf("codes = %v, want 503 502 404", got)
	}
	if n := layer.SetRules(specRule(t, `"GET=500x1"`)); n != 2 || layer.RuleCount() != 1 {
		t.Errorf("SetRules replaced %d rules, now %d; want 2, 1", n, layer.RuleCount())
	}
	if got := codes(); !reflect.DeepEqual(got, []int{500, 404, 404}) {
		t.Errorf("codes after SetRules = %v, want 500 404 404", got)
	}
	layer.ClearRequests()
	if layer.Count("") != 0 || len(layer.Requests()) != 0 {
		t.Errorf("ClearRequests left %d counted, %d records", layer.Count(""), len(layer.Requests()))
	}
}
