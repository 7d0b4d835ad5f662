package client

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestErrorReplies(t *testing.T) {
	const (
		nginx502   = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
		crash500   = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Illuminate\Database\QueryException: SQLSTATE[HY000] [2002] Connection refused (SQL: select * from sessions where id = 1 limit 1)</title><style>body{}</style></head><body><div class="trace">stack</div></body></html>`
		laravel500 = "<!DOCTYPE html>\n<html>\n<head>\n<title>\n  Server Error\n</title>\n</head>\n<body>500 | Server Error</body>\n</html>"
		html       = "text/html; charset=utf-8"
		plain      = "text/plain; charset=utf-8"
		validList  = `{"success":true,"data":{"current_page":1,"data":[],"last_page":1,"per_page":30,"total":0}}`
	)
	tests := []struct {
		name        string
		post        bool
		opts        PageOptions
		clientOpts  []Option
		status      int
		contentType string
		headers     []string
		body        string

		kind        ErrorKind
		wantStatus  int
		message     string
		explanation string
		fields      map[string][]string
		retryAfter  time.Duration
	}{
		{name: "documented 404", status: 404, body: docNotFound,
			kind: KindNotFound, wantStatus: 404, message: msgNotFound, explanation: "session not found"},
		{name: "documented 404 on create", post: true, status: 404, body: docNotFound,
			kind: KindNotFound, wantStatus: 404, message: msgNotFound, explanation: "session not found"},
		{name: "documented 422 session ended", post: true, status: 422, body: docEnded,
			kind: KindSessionEnded, wantStatus: 422, message: msgEnded,
			explanation: "the session has already ended; no more log entries can be recorded"},
		{name: "documented 422 validation", post: true, status: 422, body: docValidation,
			kind: KindValidation, wantStatus: 422, message: msgInvalidData,
			explanation: "invalid data: action_type: invalid action type",
			fields:      map[string][]string{"action_type": {msgInvalidAction}}},
		{name: "success false inside HTTP 200", status: 200,
			body: `{"success":false,"message":"حدث خطأ غير متوقع","data":null,"statusCode":200}`,
			kind: KindServer, wantStatus: 200, message: "حدث خطأ غير متوقع", explanation: "the server reported a failure"},
		{name: "success false with ended message inside HTTP 200", post: true, status: 200,
			body: `{"success":false,"message":"لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة","data":null}`,
			kind: KindSessionEnded, wantStatus: 200, message: msgEnded,
			explanation: "the session has already ended; no more log entries can be recorded"},
		{name: "envelope statusCode 404 inside HTTP 200", status: 200, body: docNotFound,
			kind: KindNotFound, wantStatus: 404, message: msgNotFound, explanation: "session not found"},
		{name: "envelope statusCode 500 with success true inside HTTP 200", status: 200,
			body: `{"success":true,"message":"oops","data":null,"statusCode":"500"}`,
			kind: KindServer, wantStatus: 500, message: "oops", explanation: "internal server error"},
		{name: "laravel 401", status: 401, body: `{"message":"Unauthenticated."}`,
			kind: KindAuth, wantStatus: 401, message: "Unauthenticated.",
			explanation: "authentication failed: the API token is missing, invalid or expired"},
		{name: "403", status: 403, body: `{"message":"This action is unauthorized."}`,
			kind: KindAuth, wantStatus: 403, message: "This action is unauthorized.",
			explanation: "permission denied: the API token may not do this"},
		{name: "laravel 429 with Retry-After seconds", clientOpts: []Option{WithRetries(0)},
			status: 429, headers: []string{"Retry-After", "30", "X-RateLimit-Remaining", "0"}, body: `{"message":"Too Many Attempts."}`,
			kind: KindRateLimited, wantStatus: 429, message: "Too Many Attempts.",
			explanation: "rate limited: too many requests; the server asks to wait 30s", retryAfter: 30 * time.Second},
		{name: "laravel 429 with Retry-After date", clientOpts: []Option{WithRetries(0)},
			status: 429, headers: []string{"Retry-After", clockStart.Add(45 * time.Second).Format(http.TimeFormat)}, body: `{"message":"Too Many Attempts."}`,
			kind: KindRateLimited, wantStatus: 429, message: "Too Many Attempts.",
			explanation: "rate limited: too many requests; the server asks to wait 45s", retryAfter: 45 * time.Second},
		{name: "laravel 422 errors", post: true, status: 422,
			body: `{"message":"The action type field is required.","errors":{"action_type":["The action type field is required."]}}`,
			kind: KindValidation, wantStatus: 422, message: "The action type field is required.",
			explanation: "invalid data: action_type: The action type field is required.",
			fields:      map[string][]string{"action_type": {"The action type field is required."}}},
		{name: "405 Laravel method not allowed", status: 405, body: `{"message":"The GET method is not supported for route x."}`,
			kind: KindEndpointNotFound, wantStatus: 405, message: "The GET method is not supported for route x.",
			explanation: "the endpoint at URL does not accept the request's method"},
		{name: "405 on create, empty body", post: true, status: 405, body: "",
			kind: KindEndpointNotFound, wantStatus: 405, explanation: "the endpoint at URL does not accept the request's method"},
		{name: "404 Laravel 8 empty message", status: 404, body: `{"message":""}`,
			kind: KindEndpointNotFound, wantStatus: 404, explanation: "no API endpoint at URL"},
		{name: "404 Laravel route message", status: 404, body: `{"message":"The route api/v1/customer/sessions/s1/log could not be found."}`,
			kind: KindEndpointNotFound, wantStatus: 404, message: "The route api/v1/customer/sessions/s1/log could not be found.",
			explanation: "no API endpoint at URL"},
		{name: "404 Laravel route message on create", post: true, status: 404, body: `{"message":"The route api/v1/customer/sessions/s1/log could not be found."}`,
			kind: KindEndpointNotFound, wantStatus: 404, message: "The route api/v1/customer/sessions/s1/log could not be found.",
			explanation: "no API endpoint at URL"},
		{name: "404 nginx HTML page", status: 404, contentType: html,
			body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
			kind: KindEndpointNotFound, wantStatus: 404, message: "404 Not Found", explanation: "no API endpoint at URL"},
		{name: "404 empty body", status: 404, body: "",
			kind: KindEndpointNotFound, wantStatus: 404, explanation: "no API endpoint at URL"},
		{name: "404 JSON array", status: 404, body: "[]",
			kind: KindEndpointNotFound, wantStatus: 404, explanation: "no API endpoint at URL"},
		{name: "404 envelope with another message", status: 404, body: `{"success":false,"message":"Session not found","data":null,"statusCode":404}`,
			kind: KindNotFound, wantStatus: 404, message: "Session not found", explanation: "not found"},
		{name: "404 documented message without the envelope", status: 404, body: `{"message":"لم يتم العثور على الجلسة"}`,
			kind: KindNotFound, wantStatus: 404, message: msgNotFound, explanation: "session not found"},
		{name: "502 nginx HTML page", clientOpts: []Option{WithRetries(0)}, status: 502, contentType: html, body: nginx502,
			kind: KindServer, wantStatus: 502, message: "502 Bad Gateway",
			explanation: "bad gateway: a proxy could not get a reply from the API server; the server returned an HTML page instead of JSON"},
		{name: "500 crash page with a long title", clientOpts: []Option{WithRetries(0)}, status: 500, contentType: html, body: crash500,
			kind: KindServer, wantStatus: 500, message: "",
			explanation: "internal server error; the server returned an HTML page instead of JSON"},
		{name: "500 laravel error page", clientOpts: []Option{WithRetries(0)}, status: 500, contentType: html, body: laravel500,
			kind: KindServer, wantStatus: 500, message: "Server Error",
			explanation: "internal server error; the server returned an HTML page instead of JSON"},
		{name: "500 HTML on create is uncertain", post: true, status: 500, contentType: html, body: laravel500,
			kind: KindUncertain, wantStatus: 500, message: "Server Error",
			explanation: "internal server error; the server returned an HTML page instead of JSON; the request may or may not have been recorded"},
		{name: "503 plain text", clientOpts: []Option{WithRetries(0)}, status: 503, contentType: plain, body: "Service Unavailable\n",
			kind: KindServer, wantStatus: 503, message: "Service Unavailable",
			explanation: "the service is unavailable; the reply is not valid JSON"},
		{name: "500 known success message", clientOpts: []Option{WithRetries(0)}, status: 500,
			body: `{"success":false,"message":"تم حفظ البيانات بنجاح","statusCode":500}`,
			kind: KindServer, wantStatus: 500, message: msgSaved,
			explanation: `internal server error (the server said "Data saved successfully")`},
		{name: "truncated JSON", status: 200, body: `{"success":true,"data":{"current_page":1,"da`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the reply is truncated JSON"},
		{name: "non-JSON 200", status: 200, contentType: plain, body: "OK",
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the reply is not valid JSON"},
		{name: "HTML 200", status: 200, contentType: html, body: "<html><title>Login</title></html>",
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the server returned an HTML page instead of JSON"},
		{name: "empty 200", status: 200, body: "",
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the reply body is empty"},
		{name: "JSON array", status: 200, body: `[1,2]`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the reply is JSON but not an object"},
		{name: "data not an object", status: 200, body: `{"success":true,"data":[]}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: data is not an object"},
		{name: "data.data not an array", status: 200, body: `{"success":true,"data":{"current_page":1,"data":{},"last_page":1,"per_page":30,"total":0}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: data.data is not an array"},
		{name: "current_page missing", status: 200, body: `{"success":true,"data":{"data":[],"last_page":1,"per_page":30,"total":0}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: data.current_page is missing"},
		{name: "per_page not a number", status: 200, body: `{"success":true,"data":{"current_page":1,"data":[],"last_page":1,"per_page":"thirty","total":0}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: data.per_page is not an integer"},
		{name: "entry not an object", status: 200, body: `{"success":true,"data":{"current_page":1,"data":["x"],"last_page":1,"per_page":30,"total":1}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: entry 1 is not an object"},
		{name: "negative total", status: 200, body: `{"success":true,"data":{"current_page":1,"data":[],"last_page":1,"per_page":30,"total":-1}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: negative paging numbers (last_page 1, per_page 30, total -1)"},
		{name: "last_page 0 with entries", status: 200, body: `{"success":true,"data":{"current_page":1,"data":[],"last_page":0,"per_page":30,"total":5}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: last_page is 0 although total is 5"},
		{name: "more entries than per_page", status: 200, body: `{"success":true,"data":{"current_page":1,"data":[{},{}],"last_page":2,"per_page":1,"total":2}}`,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: 2 entries on a page of per_page 1"},
		{name: "current_page mismatch", opts: PageOptions{Page: 2}, status: 200, body: validList,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: asked for page 2 but the server returned page 1"},
		{name: "oversize body", clientOpts: []Option{WithMaxBodySize(64)}, status: 200, body: docListReply,
			kind: KindInvalidResponse, wantStatus: 200, explanation: "invalid reply from the server: the body is larger than the 64-byte limit"},
		{name: "create data null", post: true, status: 200, body: `{"success":true,"message":"تم حفظ البيانات بنجاح","data":null,"statusCode":200}`,
			kind: KindInvalidResponse, wantStatus: 200,
			explanation: "invalid reply from the server: data is not an object; the entry was probably recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
				respond(w, tt.status, tt.body, append([]string{"Content-Type", ct}, tt.headers...)...)
			})
			c, clock := newTestClient(t, srv.URL+basePath, tt.clientOpts...)
			var err error
			if tt.post {
				_, _, err = c.CreateLog(context.Background(), "s1", ActionEntered)
			} else {
				_, _, err = c.ListLogs(context.Background(), "s1", tt.opts)
			}
			e := asError(t, err)
			// URL in a wanted explanation stands for the URL requested.
			requested := srv.URL + logPath
			tt.explanation = strings.ReplaceAll(tt.explanation, "URL", requested)
			if wantURL := map[bool]string{true: requested}[tt.kind == KindEndpointNotFound]; e.URL != wantURL {
				t.Errorf("URL %q, want %q", e.URL, wantURL)
			}
			if e.Kind != tt.kind || e.StatusCode != tt.wantStatus || e.Message != tt.message ||
				e.Explanation != tt.explanation || e.RetryAfter != tt.retryAfter || !reflect.DeepEqual(e.Fields, tt.fields) {
				t.Errorf("got  kind=%s status=%d message=%q explanation=%q retryAfter=%s fields=%v\nwant kind=%s status=%d message=%q explanation=%q retryAfter=%s fields=%v",
					e.Kind, e.StatusCode, e.Message, e.Explanation, e.RetryAfter, e.Fields,
					tt.kind, tt.wantStatus, tt.message, tt.explanation, tt.retryAfter, tt.fields)
			}
			if n := srv.count(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
			if len(clock.Waits()) != 0 {
				t.Errorf("waited %v", clock.Waits())
			}
			if strings.Contains(e.Message, "<") {
				t.Errorf("HTML in Message: %q", e.Message)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	srv := newAPIServer(t, always(422, docValidation))
	c, _ := newTestClient(t, srv.URL+basePath)
	_, _, err := c.CreateLog(context.Background(), "s1", "BOGUS")
	want := "invalid data: action_type: invalid action type (HTTP 422): " + msgInvalidData
	if err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}
	if got := asError(t, err).FieldMessages(); !reflect.DeepEqual(got, []string{"action_type: " + msgInvalidAction}) {
		t.Fatalf("FieldMessages() = %q", got)
	}
}

func TestBodyDeclaredTooLargeIsRefusedUnread(t *testing.T) {
	// The reply declares 1000 bytes, sends 10 and then holds the rest back
	// until the client goes: reading it would wait for the timeout.
	srv := newAPIServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"success"`))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	c, _ := newTestClient(t, srv.URL+basePath, WithMaxBodySize(100), WithRetries(0), WithTimeout(time.Minute))
	_, resp, err := c.ListLogs(context.Background(), "42", PageOptions{})
	e := asError(t, err)
	if e.Kind != KindInvalidResponse || e.StatusCode != http.StatusOK || resp != nil ||
		e.Explanation != "invalid reply from the server: the body is larger than the 100-byte limit" {
		t.Errorf("error %v (%s), response %v; want the body limit at once", err, e.Kind, resp)
	}
}

func TestStreamedBodyOverTheLimitIsRefused(t *testing.T) {
	// Without a Content-Length the body is read up to the limit (by resty).
	srv := newAPIServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		_, _ = w.Write([]byte(strings.Repeat(" ", 101)))
	})
	c, _ := newTestClient(t, srv.URL+basePath, WithMaxBodySize(100), WithRetries(0))
	_, _, err := c.ListLogs(context.Background(), "42", PageOptions{})
	if e := asError(t, err); e.Kind != KindInvalidResponse || e.Explanation != "invalid reply from the server: the body is larger than the 100-byte limit" {
		t.Errorf("error %v, want the body limit", err)
	}
}
