package mockapi

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// kinds lists entries as "ACTION@15:04 text".
func kinds(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = string(e.ActionType) + "@" + e.Time.UTC().Format("15:04") + " " + e.Text
	}
	return out
}

func TestCreateFlow(t *testing.T) {
	clock := &stepClock{t: at(9, 0), step: 10 * time.Minute}
	h := NewHandler(WithClock(clock.now), WithLocation(time.UTC))
	h.AddSession("s")
	steps := []struct {
		body string
		code int
		want string // exact reply body
		log  []string
	}{
		{`{"action_type":"ENTERED"}`, 200,
			`{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Customer entered the session","date":"9:00 AM","action_type":"ENTERED"},"statusCode":200}`,
			[]string{"ENTERED@09:00 Customer entered the session"}},
		{`{"action_type":"entered"}`, 422, bodyValidation, nil},
		{`{"action_type":"JUMPED"}`, 422, bodyValidation, nil},
		{`{"action_type":""}`, 422, bodyValidation, nil},
		{`{"action_type":null}`, 422, bodyValidation, nil},
		{`{"action_type":1}`, 422, bodyValidation, nil},
		{`{"ACTION_TYPE":"ENTERED"}`, 422, bodyValidation, nil},
		{`{"type":"ENTERED"}`, 422, bodyValidation, nil},
		{`["ENTERED"]`, 422, bodyValidation, nil},
		{`{"action_type":"ENTERED"`, 422, bodyValidation, nil},
		{`{}`, 422, bodyValidation, nil},
		{`{"action_type":" TEMPORARILY_LEFT\n"}`, 200,
			`{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Customer temporarily left the session","date":"9:10 AM","action_type":"TEMPORARILY_LEFT"},"statusCode":200}`,
			[]string{"TEMPORARILY_LEFT@09:10 Customer temporarily left the session"}},
		{`{"action_type":"CANCEL_REQUEST","note":"extra keys are ignored"}`, 200,
			`{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Request to cancel the session","date":"9:20 AM","action_type":"CANCEL_REQUEST"},"statusCode":200}`,
			[]string{"CANCEL_REQUEST@09:20 Request to cancel the session"}},
		{`{"action_type":"ENDED"}`, 200,
			`{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Session was ended","date":"9:30 AM","action_type":"ENDED"},"statusCode":200}`,
			[]string{"ENDED@09:30 Session was ended", "SESSION_PERIOD@09:30 Session period: 30 minutes"}},
		{`{"action_type":"ENTERED"}`, 422, bodyEnded, nil},
		// Laravel validates the body before the controller sees the
		// session, so an invalid body to an ended session is a
		// validation error, not "ended".
		{`{"action_type":"nonsense"}`, 422, bodyValidation, nil},
		{`not json`, 422, bodyValidation, nil},
	}
	var want []string
	for i, st := range steps {
		w := send(t, h, http.MethodPost, logPath("s"), st.body)
		if w.Code != st.code || w.Body.String() != st.want {
			t.Fatalf("step %d %s: %d %s\nwant %d %s", i, st.body, w.Code, w.Body, st.code, st.want)
		}
		want = append(want, st.log...)
		got, ok := h.Entries("s")
		if !ok || !slices.Equal(kinds(got), want) {
			t.Fatalf("step %d: entries = %q, want %q", i, kinds(got), want)
		}
	}
}

func TestCreateCancelledAppendsPeriod(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithClock(func() time.Time { return at(16, 17) }))
	w := send(t, h, http.MethodPost, logPath("1002"), `{"action_type":"CANCELLED"}`)
	wantBody(t, w, `{"success":true,"message":"تم حفظ البيانات بنجاح","data":{"text":"Session was cancelled","date":"4:17 PM","action_type":"CANCELLED"},"statusCode":200}`)
	got, _ := h.Entries("1002")
	want := []string{
		"ENTERED@16:00 Customer entered the session",
		"TEMPORARILY_LEFT@16:12 Customer temporarily left the session",
		"ENTERED@16:15 Customer entered the session",
		"CANCELLED@16:17 Session was cancelled",
		"SESSION_PERIOD@16:17 Session period: 17 minutes",
	}
	if !slices.Equal(kinds(got), want) {
		t.Errorf("entries = %q", kinds(got))
	}
}

func TestCreateInEmptySession(t *testing.T) {
	clock := &stepClock{t: at(10, 0), step: time.Minute}
	h := NewHandler(WithFixture(DefaultFixture()), WithClock(clock.now))
	for _, a := range []string{"SESSION_PERIOD", "LEFT", "ENDED"} {
		wantStatus(t, send(t, h, http.MethodPost, logPath("1005"), `{"action_type":"`+a+`"}`), http.StatusOK)
	}
	got, _ := h.Entries("1005")
	want := []string{
		"SESSION_PERIOD@10:00 Session period: 0 minutes",
		"LEFT@10:01 Customer left the session",
		"ENDED@10:02 Session was ended",
		"SESSION_PERIOD@10:02 Session period: 2 minutes",
	}
	if !slices.Equal(kinds(got), want) {
		t.Errorf("entries = %q", kinds(got))
	}
}

func TestCreateBodies(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		code                    int
	}{
		{"json", "application/json", `{"action_type":"ENTERED"}`, 200},
		{"json with charset", "application/json; charset=utf-8", `{"action_type":"ENTERED"}`, 200},
		{"vendor json", "application/vnd.api+json", `{"action_type":"ENTERED"}`, 200},
		{"no content type", "", `{"action_type":"ENTERED"}`, 422},
		{"form", "application/x-www-form-urlencoded", `action_type=ENTERED`, 422},
		{"text", "text/plain", `{"action_type":"ENTERED"}`, 422},
		{"empty body", "application/json", ``, 422},
		{"too large", "application/json", `{"action_type":"ENTERED","pad":"` + strings.Repeat("x", maxBody) + `"}`, 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHandler()
			h.AddSession("s")
			w := send(t, h, http.MethodPost, logPath("s"), tt.body, "Content-Type", tt.contentType)
			wantStatus(t, w, tt.code)
			if n, _ := h.Entries("s"); len(n) != map[int]int{200: 1, 422: 0}[tt.code] {
				t.Errorf("%d entries stored", len(n))
			}
		})
	}
}

func TestCreateUnknownSessionStoresNothing(t *testing.T) {
	h := NewHandler()
	w := send(t, h, http.MethodPost, logPath("nope"), `{"action_type":"ENTERED"}`)
	wantBody(t, w, bodyNotFound)
	if _, ok := h.Entries("nope"); ok {
		t.Error("unknown session was created")
	}
	if got := h.Sessions(); len(got) != 0 {
		t.Errorf("sessions = %v", got)
	}
}
