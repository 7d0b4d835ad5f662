package mockapi

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Kolkata for the child process, whatever the machine has
)

func TestDefaultFixture(t *testing.T) {
	f := DefaultFixture()
	if f.Location != time.UTC {
		t.Errorf("location = %v", f.Location)
	}
	var ids []string
	got := map[string][]Entry{}
	for _, s := range f.Sessions {
		ids = append(ids, s.ID)
		got[s.ID] = s.Entries
	}
	if !slices.Equal(ids, []string{"1001", "1002", "1003", "1004", "1005"}) {
		t.Errorf("ids = %v", ids)
	}
	want := map[string][]Entry{
		"1001": {
			{ActionEntered, at(14, 30), "Customer entered the session"},
			{ActionTemporarilyLeft, at(14, 41), "Customer temporarily left the session"},
			{ActionEntered, at(14, 44), "Customer entered the session"},
			{ActionEnded, at(15, 5), "Session was ended"},
			{ActionSessionPeriod, at(15, 5), "Session period: 35 minutes"},
		},
		"1002": {
			{ActionEntered, at(16, 0), "Customer entered the session"},
			{ActionTemporarilyLeft, at(16, 12), "Customer temporarily left the session"},
			{ActionEntered, at(16, 15), "Customer entered the session"},
		},
		"1003": {
			{ActionEntered, at(10, 0), "Customer entered the session"},
			{ActionCancelRequest, at(10, 7), "Request to cancel the session"},
			{ActionCancelled, at(10, 9), "Session was cancelled"},
			{ActionSessionPeriod, at(10, 9), "Session period: 9 minutes"},
		},
		"1004": GenerateSession("1004", 350, time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)),
		"1005": {},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s = %v\nwant %v", id, got[id], w)
		}
	}
	if len(got["1004"]) != 350 {
		t.Errorf("1004 has %d entries", len(got["1004"]))
	}
}

// TestDefaultFixtureDatesIgnoreMachineZone renders 1001 with the machine's
// zone far from UTC. It runs in a child test process started with TZ set,
// rather than by changing time.Local, which goroutines that other tests'
// servers leave behind may still read.
func TestDefaultFixtureDatesIgnoreMachineZone(t *testing.T) {
	const childEnv = "MOCKAPI_ZONE_CHILD"
	if os.Getenv(childEnv) == "" {
		c := exec.Command(os.Args[0], "-test.run=^TestDefaultFixtureDatesIgnoreMachineZone$", "-test.count=1")
		c.Env = append(os.Environ(), childEnv+"=1", "TZ=Asia/Kolkata")
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%v:\n%s", err, out)
		}
		return
	}
	if _, offset := time.Now().Zone(); offset != 5*3600+1800 {
		t.Fatalf("the machine's zone is %d s from UTC, want Asia/Kolkata's +5:30", offset)
	}
	p := getPage(t, NewHandler(WithFixture(DefaultFixture())), logPath("1001"))
	var got []string
	for _, e := range p.Data {
		got = append(got, e.Date+" "+e.ActionType)
	}
	want := []string{"2:30 PM ENTERED", "2:41 PM TEMPORARILY_LEFT", "2:44 PM ENTERED", "3:05 PM ENDED", "3:05 PM SESSION_PERIOD"}
	if !slices.Equal(got, want) {
		t.Errorf("dates = %q", got)
	}
	p = getPage(t, NewHandler(WithFixture(DefaultFixture()), WithLocation(time.FixedZone("+3", 3*3600))), logPath("1001"))
	if p.Data[0].Date != "5:30 PM" {
		t.Errorf("WithLocation: first date %s, want 5:30 PM", p.Data[0].Date)
	}
}

func TestParseFixture(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "id: ACTION@2006-01-02 15:04 text" per entry
	}{
		{"at and offset", `
sessions:
  - id: a
    start: "2026-03-01T10:00:00Z"
    entries:
      - {action_type: ENTERED, at: "10:05"}
      - {action_type: LEFT, offset: 20}
      - {action_type: ENDED, offset: 65, text: "Closed by agent"}
      - {action_type: SESSION_PERIOD, offset: 65}`, []string{
			"a: ENTERED@2026-03-01 10:05 Customer entered the session",
			"a: LEFT@2026-03-01 10:20 Customer left the session",
			"a: ENDED@2026-03-01 11:05 Closed by agent",
			"a: SESSION_PERIOD@2026-03-01 11:05 Session period: 60 minutes",
		}},
		{"json", `{"sessions":[{"id":1,"entries":[{"action_type":"ENTERED","at":"09:30"}]},{"id":"2"}]}`, []string{
			"1: ENTERED@2026-01-01 09:30 Customer entered the session",
		}},
		{"default start", "sessions:\n  - id: x\n    entries: [{action_type: ENTERED, offset: 0}]", []string{
			"x: ENTERED@2026-01-01 09:00 Customer entered the session",
		}},
		{"start in another zone keeps the fixture's date", "sessions:\n  - id: x\n    start: \"2026-05-01T23:30:00-05:00\"\n    entries: [{action_type: ENTERED, at: \"06:00\"}]", []string{
			"x: ENTERED@2026-05-02 06:00 Customer entered the session",
		}},
		{"generate", "sessions:\n  - id: g\n    start: \"2026-02-02T08:00:00Z\"\n    generate: 2", []string{
			"g: ENTERED@2026-02-02 08:00 Customer entered the session",
			"g: TEMPORARILY_LEFT@2026-02-02 08:03 Customer temporarily left the session",
		}},
		{"aliases", "sessions:\n  - id: a\n    entries:\n      - &e {action_type: ENTERED, at: \"08:00\"}\n      - *e", []string{
			"a: ENTERED@2026-01-01 08:00 Customer entered the session",
			"a: ENTERED@2026-01-01 08:00 Customer entered the session",
		}},
		{"aliased entries", "sessions:\n  - id: a\n    entries: &l [{action_type: ENTERED, at: \"10:00\"}]\n  - id: b\n    entries: *l", []string{
			"a: ENTERED@2026-01-01 10:00 Customer entered the session",
			"b: ENTERED@2026-01-01 10:00 Customer entered the session",
		}},
		{"no sessions", "sessions: []", nil},
		{"timezone only", "timezone: UTC", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFixture([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range f.Sessions {
				for _, e := range s.Entries {
					got = append(got, s.ID+": "+string(e.ActionType)+"@"+e.Time.Format("2006-01-02 15:04")+" "+e.Text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("entries =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseFixtureTimezone(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Riyadh")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	f, err := ParseFixture([]byte("timezone: Asia/Riyadh\nsessions:\n  - id: r\n    start: \"2026-11-26T21:30:00Z\"\n    entries: [{action_type: ENTERED, at: \"09:15\"}]"))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 27, 9, 15, 0, 0, loc); f.Location.String() != "Asia/Riyadh" || !f.Sessions[0].Entries[0].Time.Equal(want) {
		t.Errorf("location %v, time %v, want %v", f.Location, f.Sessions[0].Entries[0].Time, want)
	}
	p := getPage(t, NewHandler(WithFixture(f)), logPath("r"))
	if p.Data[0].Date != "9:15 AM" {
		t.Errorf("date = %s", p.Data[0].Date)
	}
}

func TestParseFixtureErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "fixture: empty document"},
		{"comment only", "# nothing\n", "fixture: empty document"},
		{"not a mapping", "- a\n- b", "fixture: line 1: fixture must be a mapping"},
		{"syntax", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"10:00\"\n", "fixture: yaml: line 3: did not find expected ',' or '}'"},
		{"tab", "sessions:\n\t- id: a", "fixture: yaml: line 2: found character that cannot start any token"},
		{"unknown top key", "timezone: UTC\nsesions: []", `fixture: line 2: unknown fixture key "sesions" (want timezone, sessions)`},
		{"unknown session key", "sessions:\n  - id: a\n    entry: []", `fixture: line 3: unknown session key "entry" (want id, start, generate, anchor, entries)`},
		{"unknown entry key", "sessions:\n  - id: a\n    entries:\n      - {action: ENTERED, at: \"10:00\"}", `fixture: line 4: unknown entry key "action" (want action_type, at, offset, text)`},
		{"entry not a mapping", "sessions:\n  - id: a\n    entries: [ENTERED]", "fixture: line 3: entry must be a mapping"},
		{"sessions not a list", "sessions: {id: a}", "fixture: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!map into []mockapi.rawSession"},
		{"offset not a number", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, offset: soon}", "fixture: yaml: unmarshal errors:\n  line 4: cannot unmarshal !!str `soon` into int"},
		{"bad timezone", "timezone: Mars/Olympus\nsessions: []", `fixture: line 1: timezone "Mars/Olympus": unknown time zone Mars/Olympus`},
		{"local timezone", "timezone: Local", `fixture: line 1: timezone "Local" depends on the machine; name a zone such as UTC`},
		{"no id", "sessions:\n  - entries: []", "fixture: line 2: session has no id"},
		{"null session", "sessions:\n  - id: a\n  - ~", "fixture: line 3: session must be a mapping"},
		{"null entry", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"10:00\"}\n      -\n      - {action_type: ENTERED, at: \"09:00\"}", "fixture: line 5: entry must be a mapping"},
		{"null document", "~", "fixture: empty document"},
		{"duplicate id", "sessions:\n  - id: a\n  - id: b\n  - id: a", `fixture: line 4: duplicate session id "a" (first at line 2)`},
		{"bad start", "sessions:\n  - id: a\n    start: tomorrow", `fixture: line 2: session "a": start "tomorrow" is not an RFC 3339 time: parsing time "tomorrow" as "2006-01-02T15:04:05Z07:00": cannot parse "tomorrow" as "2006"`},
		{"negative generate", "sessions:\n  - id: a\n    generate: -1", `fixture: line 2: session "a": generate -1 is outside 0..100000`},
		{"huge generate", "sessions:\n  - id: a\n    generate: 100001", `fixture: line 2: session "a": generate 100001 is outside 0..100000`},
		{"generate and entries", "sessions:\n  - id: a\n    generate: 3\n    entries: [{action_type: ENTERED, at: \"10:00\"}]", `fixture: line 2: session "a": give either generate or entries, not both`},
		{"unknown action", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"10:00\"}\n      - {action_type: entered, at: \"10:01\"}", `fixture: line 5: session "a": action_type "entered" is not one of ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD`},
		{"no time", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED}", `fixture: line 4: session "a": give exactly one of at and offset`},
		{"both times", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"10:00\", offset: 3}", `fixture: line 4: session "a": give exactly one of at and offset`},
		{"bad at", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"2:30 PM\"}", `fixture: line 4: session "a": at "2:30 PM" is not HH:MM: parsing time "2:30 PM": extra text: " PM"`},
		{"at out of range", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"24:00\"}", `fixture: line 4: session "a": at "24:00" is not HH:MM: parsing time "24:00": hour out of range`},
		{"negative offset", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, offset: -5}", `fixture: line 4: session "a": offset -5 is outside 0..1000000 minutes`},
		{"out of order", "sessions:\n  - id: a\n    entries:\n      - {action_type: ENTERED, at: \"10:00\"}\n      - {action_type: LEFT, at: \"09:59\"}", `fixture: line 5: session "a": entry at 2026-01-01 09:59 is before the one above it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFixture([]byte(tt.src))
			if err == nil {
				t.Fatalf("parsed %+v", f)
			}
			if err.Error() != tt.want {
				t.Errorf("err =\n %s\nwant\n %s", err, tt.want)
			}
		})
	}
}

func TestLoadFixture(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte(`{"timezone":"UTC","sessions":[{"id":"7","generate":4}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("sessions:\n  - id: a\n    entries:\n      - {action_type: ENTRED, at: \"10:00\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFixture(good)
	if err != nil || len(f.Sessions) != 1 || len(f.Sessions[0].Entries) != 4 {
		t.Fatalf("LoadFixture(good) = %+v, %v", f, err)
	}
	_, err = LoadFixture(bad)
	want := "fixture " + bad + `: line 4: session "a": action_type "ENTRED" is not one of ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	missing := filepath.Join(dir, "missing.yaml")
	_, err = LoadFixture(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("err = %v", err)
	}
}

func TestGenerateSession(t *testing.T) {
	start := at(8, 0)
	if got := GenerateSession("x", 0, start); got != nil {
		t.Errorf("n=0: %v", got)
	}
	a, b := GenerateSession("x", 200, start), GenerateSession("x", 200, start)
	if !slices.Equal(a, b) {
		t.Error("not deterministic")
	}
	if c := GenerateSession("y", 200, start); slices.Equal(a, c) {
		t.Error("ids give the same session")
	}
	counts := map[ActionType]int{}
	for i, e := range a {
		counts[e.ActionType]++
		if i%2 == 0 && e.ActionType != ActionEntered || i%2 == 1 && e.ActionType != ActionTemporarilyLeft && e.ActionType != ActionLeft {
			t.Fatalf("entry %d is %s", i, e.ActionType)
		}
		if e.Text != actionTexts[e.ActionType] {
			t.Fatalf("entry %d text %q", i, e.Text)
		}
		if i > 0 {
			if gap := e.Time.Sub(a[i-1].Time); gap < time.Minute || gap > 15*time.Minute {
				t.Fatalf("entry %d comes %v after the one before", i, gap)
			}
		}
	}
	if a[0].Time != start || counts[ActionEntered] != 100 || counts[ActionLeft] == 0 || counts[ActionTemporarilyLeft] == 0 {
		t.Errorf("first at %v, counts %v", a[0].Time, counts)
	}
}

func FuzzParseFixture(f *testing.F) {
	f.Add(defaultFixtureYAML)
	f.Add([]byte(`{"timezone":"UTC","sessions":[{"id":"1","start":"2026-01-01T00:00:00Z","entries":[{"action_type":"ENTERED","offset":5}]}]}`))
	f.Add([]byte("sessions:\n  - id: a\n    generate: 3\n"))
	f.Add([]byte("sessions:\n  - id: a\n    entries:\n      - {action_type: ENDED, at: \"23:59\"}\n      - {action_type: SESSION_PERIOD, offset: 1439}\n"))
	f.Add([]byte("a: &a [*a]"))
	f.Add([]byte("sessions: [{id: &x a}, {id: *x}]"))
	f.Add([]byte("\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fx, err := ParseFixture(data)
		if err != nil {
			if fx != nil || !strings.HasPrefix(err.Error(), "fixture: ") {
				t.Fatalf("ParseFixture = %v, %v", fx, err)
			}
			return
		}
		h := NewHandler(WithFixture(fx))
		for _, s := range fx.Sessions {
			if !slices.IsSortedFunc(s.Entries, func(a, b Entry) int { return a.Time.Compare(b.Time) }) {
				t.Fatalf("session %q is not chronological", s.ID)
			}
			if got, ok := h.Entries(s.ID); !ok || len(got) != len(s.Entries) {
				t.Fatalf("session %q not loaded", s.ID)
			}
		}
		if len(h.Sessions()) != len(fx.Sessions) {
			t.Fatalf("%d sessions loaded of %d", len(h.Sessions()), len(fx.Sessions))
		}
		for _, s := range fx.Sessions {
			// Ids with "/" or "%" cannot be written as a raw path segment; the
			// escaped-id test covers those.
			if strings.ContainsAny(s.ID, "/%?# \t\r\n") || !utf8Printable(s.ID) {
				continue
			}
			w := send(t, h, http.MethodGet, logPath(s.ID)+"?per_page=1000", "")
			if w.Code != http.StatusOK {
				t.Fatalf("GET session %q: %d %s", s.ID, w.Code, w.Body)
			}
		}
	})
}

// utf8Printable reports whether s is valid UTF-8 without control characters.
func utf8Printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

func TestFixtureAnchoredAt(t *testing.T) {
	f, err := ParseFixture([]byte(`sessions:
  - id: open
    start: "2026-01-01T09:00:00Z"
    entries:
      - {action_type: ENTERED, at: "09:00"}
      - {action_type: TEMPORARILY_LEFT, at: "09:12"}
  - id: closed
    start: "2026-01-01T09:00:00Z"
    entries:
      - {action_type: ENTERED, at: "09:00"}
      - {action_type: CANCELLED, at: "09:05"}
  - id: empty
`))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 15, 3, 42, 0, time.UTC)
	got := f.AnchoredAt(now)
	times := func(s FixtureSession) []string {
		var out []string
		for _, e := range s.Entries {
			out = append(out, e.Time.UTC().Format("2006-01-02 15:04"))
		}
		return out
	}
	want := [][]string{
		{"2026-11-26 14:50", "2026-11-26 15:02"},
		{"2026-01-01 09:00", "2026-01-01 09:05"},
		nil,
	}
	for i, s := range got.Sessions {
		if !slices.Equal(times(s), want[i]) {
			t.Errorf("session %s: %v, want %v", s.ID, times(s), want[i])
		}
	}
	if f.Sessions[0].Entries[0].Time.Hour() != 9 {
		t.Error("AnchoredAt changed the fixture it was given")
	}
}
