package mockapi

import (
	"net/http"
	"testing"
	"time"
)

func TestAdminAPI(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithToken("tok"), WithBasePath("/api"), WithFrozenClock(at(16, 20)))
	auth := []string{"Authorization", "Bearer tok"}
	tests := []struct {
		name, method, target, body string
		header                     []string
		code                       int
		want                       string
	}{
		{"no token", "GET", "/api/_mock/health", "", nil, 401, `{"message":"Unauthenticated."}`},
		{"health", "GET", "/api/_mock/health", "", auth, 200,
			`{"status":"ok","now":"2026-11-26T16:20:00Z","frozen":true,"sessions":["1001","1002","1003","1004","1005"],"faults":0,"requests":0}`},
		{"outside the base path", "GET", "/_mock/health", "", auth, 404, `{"message":"The route _mock/health could not be found."}`},
		{"unknown", "GET", "/api/_mock/mappings", "", auth, 404, `{"message":"The route api/_mock/mappings could not be found."}`},
		{"wrong method", "PUT", "/api/_mock/requests", "", auth, 405,
			`{"message":"The PUT method is not supported for route api/_mock/requests. Supported methods: DELETE, GET."}`},
		{"clock set", "POST", "/api/_mock/clock", `{"set":"2026-11-27T08:00:00+02:00"}`, auth, 200, `{"now":"2026-11-27T06:00:00Z"}`},
		{"clock advance", "POST", "/api/_mock/clock/", `{"advance":"-30m"}`, auth, 200, `{"now":"2026-11-27T05:30:00Z"}`},
		{"clock neither", "POST", "/api/_mock/clock", `{}`, auth, 400, `{"message":"clock: give exactly one of \"set\" and \"advance\""}`},
		{"clock bad time", "POST", "/api/_mock/clock", `{"set":"tomorrow"}`, auth, 400, `{"message":"clock: set \"tomorrow\" is not an RFC 3339 time"}`},
		{"clock bad duration", "POST", "/api/_mock/clock", `{"advance":"11"}`, auth, 400, `{"message":"clock: advance \"11\" is not a duration such as 11m"}`},
		{"clock unknown key", "POST", "/api/_mock/clock", `{"freeze":true}`, auth, 400,
			`{"message":"clock: want {\"set\": \"RFC 3339 time\"} or {\"advance\": \"duration\"}: json: unknown field \"freeze\""}`},
		{"faults", "POST", "/api/_mock/faults", `["GET=503x1",{"method":"POST","drop":true}]`, auth, 200, `{"added":2,"faults":2}`},
		{"faults not a list", "POST", "/api/_mock/faults", `"GET=503x1"`, auth, 400,
			`{"message":"faults: want a JSON list of rules: json: cannot unmarshal string into Go value of type []json.RawMessage"}`},
		{"sessions as JSON", "POST", "/api/_mock/sessions", `{"sessions":[{"id":"j","entries":[{"action_type":"ENTERED","offset":0}]}]}`, auth, 200, `{"added":["j"]}`},
		{"sessions invalid", "POST", "/api/_mock/sessions", `{"sessions":[{"id":""}]}`, auth, 400, `{"message":"fixture: line 1: session has no id"}`},
		{"clear faults", "DELETE", "/api/_mock/faults", "", auth, 200, `{"deleted":2}`},
		// Only the request outside the base path was the API's.
		{"requests", "GET", "/api/_mock/requests", "", auth, 200,
			`[{"time":"2026-11-26T16:20:00Z","method":"GET","path":"/_mock/health","query":"","status":404,"body":""}]`},
		{"clear requests", "DELETE", "/api/_mock/requests", "", auth, 200, `{"deleted":1}`},
		{"reset", "POST", "/api/_mock/reset", "", auth, 200,
			`{"status":"ok","now":"2026-11-26T16:20:00Z","frozen":true,"sessions":["1001","1002","1003","1004","1005"],"faults":0,"requests":0}`},
	}
	for _, tt := range tests {
		w := send(t, h, tt.method, tt.target, tt.body, tt.header...)
		if w.Code != tt.code || w.Body.String() != tt.want {
			t.Errorf("%s: %d %s\nwant %d %s", tt.name, w.Code, w.Body, tt.code, tt.want)
		}
	}
	if n := len(h.Requests()); n != 0 {
		t.Errorf("%d records after reset, want 0", n)
	}
}

func TestAdminJournalShape(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithFrozenClock(at(16, 20)), WithLocation(time.UTC))
	send(t, h, http.MethodPost, logPath("1002")+"?x=1", `{"action_type":"LEFT"}`)
	w := send(t, h, http.MethodGet, "/_mock/requests", "")
	wantStatus(t, w, 200)
	wantBody(t, w, `[{"time":"2026-11-26T16:20:00Z","method":"POST","path":"/v1/customer/sessions/1002/log","query":"x=1","status":200,"body":"{\"action_type\":\"LEFT\"}"}]`)
}
