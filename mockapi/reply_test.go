package mockapi

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"
)

// The documented replies, exactly.
const (
	bodyNotFound   = `{"success":false,"message":"لم يتم العثور على الجلسة","data":null,"statusCode":404}`
	bodyEnded      = `{"success":false,"message":"لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة","data":null,"statusCode":422}`
	bodyValidation = `{"success":false,"message":"بيانات غير صالحة","data":{"action_type":["نوع الإجراء غير صالح"]},"statusCode":422}`
)

var (
	envelopeKeys  = []string{"success", "message", "data", "statusCode"}
	paginatorKeys = []string{"current_page", "data", "first_page_url", "from", "last_page", "last_page_url", "links", "next_page_url", "path", "per_page", "prev_page_url", "to", "total"}
	entryKeys     = []string{"text", "date", "action_type"}
	linkKeys      = []string{"url", "label", "active"}
)

func TestListReplyShape(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()))
	w := send(t, h, http.MethodGet, logPath("1001"), "")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	body := w.Body.Bytes()
	if got := objectKeys(t, body); !slices.Equal(got, envelopeKeys) {
		t.Errorf("envelope keys = %v", got)
	}
	data := field(t, body, "data")
	if got := objectKeys(t, data); !slices.Equal(got, paginatorKeys) {
		t.Errorf("paginator keys = %v", got)
	}
	var page struct {
		Data  []json.RawMessage `json:"data"`
		Links []json.RawMessage `json:"links"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Data {
		if got := objectKeys(t, e); !slices.Equal(got, entryKeys) {
			t.Errorf("entry keys = %v", got)
		}
	}
	for _, l := range page.Links {
		if got := objectKeys(t, l); !slices.Equal(got, linkKeys) {
			t.Errorf("link keys = %v", got)
		}
	}
	const u = "http://example.com/v1/customer/sessions/1001/log"
	wantBody(t, w, `{"success":true,"message":"تم جلب البيانات بنجاح","data":{"current_page":1,"data":[`+
		`{"text":"Customer entered the session","date":"2:30 PM","action_type":"ENTERED"},`+
		`{"text":"Customer temporarily left the session","date":"2:41 PM","action_type":"TEMPORARILY_LEFT"},`+
		`{"text":"Customer entered the session","date":"2:44 PM","action_type":"ENTERED"},`+
		`{"text":"Session was ended","date":"3:05 PM","action_type":"ENDED"},`+
		`{"text":"Session period: 35 minutes","date":"3:05 PM","action_type":"SESSION_PERIOD"}],`+
		`"first_page_url":"`+u+`?page=1","from":1,"last_page":1,"last_page_url":"`+u+`?page=1",`+
		`"links":[{"url":null,"label":"&laquo; Previous","active":false},{"url":"`+u+`?page=1","label":"1","active":true},{"url":null,"label":"Next &raquo;","active":false}],`+
		`"next_page_url":null,"path":"`+u+`","per_page":30,"prev_page_url":null,"to":5,"total":5},"statusCode":200}`)
}

func TestCreateReplyShape(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithClock(func() time.Time { return at(16, 20) }))
	w := send(t, h, http.MethodPost, logPath("1002"), `{"action_type":"TEMPORARILY_LEFT"}`)
	wantStatus(t, w, http.StatusOK)
	if got := objectKeys(t, w.Body.Bytes()); !slices.Equal(got, envelopeKeys) {
		t.Errorf("envelope keys = %v", got)
	}
	if got := objectKeys(t, field(t, w.Body.Bytes(), "data")); !slices.Equal(got, entryKeys) {
		t.Errorf("entry keys = %v", got)
	}
	wantBody(t, w, `{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Customer temporarily left the session","date":"4:20 PM","action_type":"TEMPORARILY_LEFT"},"statusCode":200}`)
}

func TestErrorReplies(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()))
	tests := []struct {
		name, method, id, body string
		code                   int
		want                   string
	}{
		{"list unknown session", http.MethodGet, "9999", "", 404, bodyNotFound},
		{"create unknown session", http.MethodPost, "9999", `{"action_type":"ENTERED"}`, 404, bodyNotFound},
		{"create after end", http.MethodPost, "1001", `{"action_type":"ENTERED"}`, 422, bodyEnded},
		{"create after cancel", http.MethodPost, "1003", `{"action_type":"ENTERED"}`, 422, bodyEnded},
		{"invalid action", http.MethodPost, "1002", `{"action_type":"JUMPED"}`, 422, bodyValidation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := send(t, h, tt.method, logPath(tt.id), tt.body)
			wantStatus(t, w, tt.code)
			if got := objectKeys(t, w.Body.Bytes()); !slices.Equal(got, envelopeKeys) {
				t.Errorf("keys = %v", got)
			}
			wantBody(t, w, tt.want)
			if ct := w.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}
