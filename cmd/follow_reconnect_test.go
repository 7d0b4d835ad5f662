package cmd

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
	"github.com/sessionlog/sessionlog/output"
)

// endedWithoutPeriod is a session that ended but has no SESSION_PERIOD
// yet, so a follow of it makes exactly endGracePolls successful polls.
const endedWithoutPeriod = "77"

// testFollower is a follower against s whose waits are recorded and pass
// at once, its clock moving by each wait: no test waits for real.
type testFollower struct {
	*follower
	out    *syncBuffer
	errs   []string
	waits  []time.Duration
	clockT time.Time
}

func newTestFollower(t *testing.T, s *faultServer, reconnectFor time.Duration) *testFollower {
	t.Helper()
	c, err := client.New(s.baseURL(), client.WithToken(faultToken), client.WithRetries(0), client.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	tf := &testFollower{out: &syncBuffer{}, clockT: fixedClock()}
	w, err := output.New(tf.out, output.Options{Format: output.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	tf.follower = &follower{
		c: c, id: endedWithoutPeriod, perPage: 100, interval: 2 * time.Second, w: w,
		errOut:       func(msg string) { tf.errs = append(tf.errs, msg) },
		reconnectFor: reconnectFor,
		sleep: func(ctx context.Context, d time.Duration) bool {
			tf.waits = append(tf.waits, d)
			tf.clockT = tf.clockT.Add(d)
			return ctx.Err() == nil
		},
		now: func() time.Time { return tf.clockT },
	}
	s.mock.AddSession(endedWithoutPeriod,
		mockapi.Entry{ActionType: mockapi.ActionEntered, Time: fixedClock()},
		mockapi.Entry{ActionType: mockapi.ActionEnded, Time: fixedClock()})
	return tf
}

func TestFollowReconnects(t *testing.T) {
	const s = time.Second
	tests := []struct {
		name         string
		fault        faults.Fault
		failures     int // polls that fail, after the first listing; 0 for all
		reconnectFor time.Duration
		gets         int
		waits        []time.Duration
		errs         []string
		code         int
	}{
		{name: "503 three times, then back", fault: faults.Laravel(503, "Service Unavailable"), failures: 3, reconnectFor: 5 * time.Minute,
			gets: 7, waits: []time.Duration{2 * s, 2 * s, 4 * s, 8 * s, 2 * s, 2 * s},
			errs: []string{"connection to the API lost (the service is unavailable (HTTP 503)); retrying for up to 5m0s",
				"connection to the API is back after 14s"}},
		{name: "502 until the bound passes", fault: faults.HTML(502, "502 Bad Gateway"), reconnectFor: 10 * s,
			gets: 5, waits: []time.Duration{2 * s, 2 * s, 4 * s, 4 * s},
			errs: []string{"connection to the API lost (bad gateway: a proxy could not get a reply from the API server; the server returned an HTML page instead of JSON (HTTP 502)); retrying for up to 10s"},
			code: ExitUnavailable},
		{name: "503 with --reconnect-for 0 ends at once", fault: faults.Laravel(503, "Service Unavailable"),
			gets: 2, waits: []time.Duration{2 * s}, code: ExitUnavailable},
		{name: "401 is not retried", fault: faults.Laravel(401, "Unauthenticated."), reconnectFor: 5 * time.Minute,
			gets: 2, waits: []time.Duration{2 * s}, code: ExitAuth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t, faults.Rule{Method: http.MethodGet, Nth: 2, Times: tt.failures, Fault: tt.fault})
			f := newTestFollower(t, srv, tt.reconnectFor)
			err := f.run(context.Background(), 0)
			if code := ExitCode(err); code != tt.code {
				t.Errorf("exit %d (%v), want %d", code, err, tt.code)
			}
			if n := srv.layer.Count(http.MethodGet); n != tt.gets {
				t.Errorf("%d GETs, want %d", n, tt.gets)
			}
			if !reflect.DeepEqual(f.waits, tt.waits) {
				t.Errorf("waits %v, want %v", f.waits, tt.waits)
			}
			if !reflect.DeepEqual(f.errs, tt.errs) {
				t.Errorf("stderr lines\n%q\nwant\n%q", f.errs, tt.errs)
			}
			if n := strings.Count(f.out.String(), "\n"); n != 2 {
				t.Errorf("%d entries printed, want the session's 2 once each:\n%s", n, f.out)
			}
		})
	}
}

// perPagePlusOne answers with a per_page one more than the request asked.
var perPagePlusOne = faults.FaultFunc(func(w http.ResponseWriter, r *http.Request, next http.Handler) {
	asked, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	faults.SetPaging("per_page", asked+1).Inject(w, r, next)
})

func TestFollowRefusesAShiftingPageSize(t *testing.T) {
	srv := newFaultServer(t, faults.Rule{Method: http.MethodGet, Nth: 2, Fault: perPagePlusOne})
	f := newTestFollower(t, srv, 5*time.Minute)
	err := f.run(context.Background(), 0)
	var apiErr *client.Error
	if !errors.As(err, &apiErr) || ExitCode(err) != ExitError ||
		apiErr.Explanation != "invalid reply from the server: asked for per_page 101 but the server paged by 102" {
		t.Fatalf("err %v, want an invalid reply about per_page", err)
	}
	// The first poll learns the server's page size; the second finds it
	// changed. Each waited the interval.
	if n := srv.layer.Count(http.MethodGet); n != 3 {
		t.Errorf("%d GETs, want 3", n)
	}
	if want := []time.Duration{2 * time.Second, 2 * time.Second}; !reflect.DeepEqual(f.waits, want) {
		t.Errorf("waits %v, want %v", f.waits, want)
	}
}

func TestFollowLearnsACappedPageSize(t *testing.T) {
	// A server that caps per_page at 50: the first poll learns it, and
	// every later poll asks for it.
	srv := newFaultServer(t, faults.Rule{Method: http.MethodGet, Nth: 2, Times: 1, Fault: faults.SetPaging("per_page", 50)})
	f := newTestFollower(t, srv, 5*time.Minute)
	if err := f.run(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	// The start, then the grace polls, the first of which learns per_page 50.
	if n := srv.layer.Count(http.MethodGet); n != 1+endGracePolls {
		t.Errorf("%d GETs, want %d", n, 1+endGracePolls)
	}
	for _, r := range srv.layer.Requests()[2:] {
		if !strings.Contains(r.Query, "per_page=50") {
			t.Errorf("poll ?%s does not ask for per_page 50", r.Query)
		}
	}
}

func TestFollowReconnectForUsage(t *testing.T) {
	newMock(t)
	res := runCLI(t, "list", "1002", "-f", "--reconnect-for", "-1s")
	if res.code != ExitUsage || !strings.Contains(res.stderr, "--reconnect-for must not be negative") {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
}
