package mockapi

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// rule is the faults.Rule of the short form s.
func rule(t *testing.T, s string) faults.Rule {
	t.Helper()
	spec, err := faults.ParseSpec(s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := spec.Rule()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLaravelOrderOfChecks(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()))
	tests := []struct {
		name, id, body string
		code           int
		want           string
	}{
		{"invalid body, unknown session", "9999", `{"action_type":"entered"}`, 422, bodyValidation},
		{"no body, unknown session", "9999", "", 422, bodyValidation},
		{"invalid body, ended session", "1001", `{"action_type":"JUMPED"}`, 422, bodyValidation},
		{"valid body, unknown session", "9999", `{"action_type":"ENTERED"}`, 404, bodyNotFound},
		{"valid body, ended session", "1001", `{"action_type":"ENTERED"}`, 422, bodyEnded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := send(t, h, http.MethodPost, logPath(tt.id), tt.body)
			wantStatus(t, w, tt.code)
			wantBody(t, w, tt.want)
		})
	}
}

func TestAutoCreate(t *testing.T) {
	h := NewHandler(WithAutoCreate(true), WithFrozenClock(at(9, 0)), WithLocation(time.UTC))
	wantStatus(t, send(t, h, http.MethodPost, logPath("made-up"), `{"action_type":"nope"}`), 422)
	if _, ok := h.Entries("made-up"); ok {
		t.Fatal("an invalid POST created the session")
	}
	wantStatus(t, send(t, h, http.MethodPost, logPath("made-up"), `{"action_type":"ENTERED"}`), 200)
	got, _ := h.Entries("made-up")
	if want := []string{"ENTERED@09:00 Customer entered the session"}; strings.Join(kinds(got), "|") != strings.Join(want, "|") {
		t.Errorf("entries = %q, want %q", kinds(got), want)
	}
	wantStatus(t, send(t, h, http.MethodGet, logPath("other"), ""), 404)
}

func TestClockControl(t *testing.T) {
	h := NewHandler(WithFrozenClock(at(16, 20)))
	if got := h.Now(); !got.Equal(at(16, 20)) {
		t.Fatalf("Now = %v, want 16:20", got)
	}
	h.AdvanceClock(11 * time.Minute)
	if got := h.Now(); !got.Equal(at(16, 31)) {
		t.Errorf("after AdvanceClock Now = %v, want 16:31", got)
	}
	h.SetClock(at(8, 0))
	if got := h.Now(); !got.Equal(at(8, 0)) {
		t.Errorf("after SetClock Now = %v, want 8:00", got)
	}
	h.Reset()
	if got := h.Now(); !got.Equal(at(16, 20)) {
		t.Errorf("after Reset Now = %v, want 16:20", got)
	}

	// A running clock is shifted by AdvanceClock and frozen by SetClock.
	clock := &stepClock{t: at(10, 0), step: time.Minute}
	running := NewHandler(WithClock(clock.now))
	running.AdvanceClock(time.Hour)
	if got := running.Now(); !got.Equal(at(11, 0)) {
		t.Errorf("running clock advanced = %v, want 11:00", got)
	}
	running.SetClock(at(12, 0))
	if a, b := running.Now(), running.Now(); !a.Equal(at(12, 0)) || !b.Equal(a) {
		t.Errorf("set clock moved: %v then %v", a, b)
	}
}

func TestAnchorToStart(t *testing.T) {
	f, err := ParseFixture([]byte(`sessions:
  - id: a
    anchor: start
    start: "2026-01-05T12:00:00Z"
    entries:
      - {action_type: ENTERED, offset: 0}
      - {action_type: LEFT, offset: 25}
  - id: b
    start: "2026-01-05T12:00:00Z"
    entries:
      - {action_type: ENTERED, offset: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	h := NewHandler(WithFixture(f), WithFrozenClock(at(9, 30)))
	a, _ := h.Entries("a")
	b, _ := h.Entries("b")
	if got := strings.Join(kinds(a), "|"); got != "ENTERED@09:04 Customer entered the session|LEFT@09:29 Customer left the session" {
		t.Errorf("anchored session = %s", got)
	}
	if got := kinds(b)[0]; got != "ENTERED@12:00 Customer entered the session" {
		t.Errorf("unanchored session = %s", got)
	}
	if _, err := ParseFixture([]byte("sessions:\n  - id: x\n    anchor: now\n")); err == nil || !strings.Contains(err.Error(), `anchor "now": the only anchor is "start"`) {
		t.Errorf("anchor now: err = %v", err)
	}
}

func TestJournal(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithFrozenClock(at(16, 20)))
	big := `{"action_type":"LEFT","pad":"` + strings.Repeat("x", 2*maxJournalBody) + `"}`
	wantStatus(t, send(t, h, http.MethodPost, logPath("1002"), big), 200)
	wantStatus(t, send(t, h, http.MethodGet, logPath("1001")+"?page=2", ""), 200)
	got := h.Requests()
	if len(got) != 2 {
		t.Fatalf("%d records, want 2", len(got))
	}
	if rec := got[0]; rec.Body != big[:maxJournalBody] || rec.Status != 200 || rec.SessionID != "1002" || !rec.Time.Equal(at(16, 20)) {
		t.Errorf("POST record: %d-byte body, status %d, session %q, time %v", len(rec.Body), rec.Status, rec.SessionID, rec.Time)
	}
	if rec := got[1]; rec.Method != "GET" || rec.Query != "page=2" || rec.Body != "" {
		t.Errorf("GET record: %+v", rec)
	}
	// The whole body reached the API even though the journal kept 64 KiB.
	if entries, _ := h.Entries("1002"); entries[len(entries)-1].ActionType != ActionLeft {
		t.Errorf("the long POST was not stored")
	}
	if n := h.ClearRequests(); n != 2 || len(h.Requests()) != 0 || h.RequestCount("") != 0 {
		t.Errorf("ClearRequests = %d, left %d records, count %d", n, len(h.Requests()), h.RequestCount(""))
	}
}

func TestFaultsAndReset(t *testing.T) {
	srv, err := NewServer(WithFixture(DefaultFixture()), WithFaults(rule(t, "GET=503x1")))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	h := srv.Handler()
	get := func() int {
		t.Helper()
		resp, err := http.Get(srv.URL() + logPath("1001"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode
	}
	if a, b := get(), get(); a != 503 || b != 200 {
		t.Fatalf("GETs = %d %d, want 503 200", a, b)
	}
	h.AddFaults(rule(t, "POST=dropx1"))
	resp, err := http.Post(srv.URL()+logPath("1002"), "application/json", strings.NewReader(`{"action_type":"LEFT"}`))
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped POST got %d", resp.StatusCode)
	}
	recs := h.Requests()
	if len(recs) != 3 || recs[0].Status != 503 || recs[1].Status != 200 || recs[2].Status != 0 || recs[2].Body != `{"action_type":"LEFT"}` {
		t.Fatalf("journal = %+v", recs)
	}
	if entries, _ := h.Entries("1002"); len(entries) != 3 {
		t.Errorf("the dropped POST was stored")
	}

	h.AddSession("extra")
	h.Reset()
	if len(h.Requests()) != 0 || h.faults.RuleCount() != 1 || strings.Join(h.Sessions(), ",") != "1001,1002,1003,1004,1005" {
		t.Errorf("after Reset: %d records, %d rules, sessions %v", len(h.Requests()), h.faults.RuleCount(), h.Sessions())
	}
	if a, b := get(), get(); a != 503 || b != 200 {
		t.Errorf("after Reset GETs = %d %d, want the start fault again: 503 200", a, b)
	}
	if n := h.ClearFaults(); n != 1 || get() != 200 {
		t.Errorf("ClearFaults = %d", n)
	}
}
