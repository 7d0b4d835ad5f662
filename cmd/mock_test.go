package cmd

import (
	"strings"
	"testing"
)

func TestMockTestSuiteFlags(t *testing.T) {
	checkParsed(t, newMockCmd, func(o *MockOptions) { o.IO, o.Now = nil, nil },
		map[string]MockOptions{
			"--fault GET=503x1 --fault POST=429x1 --fault-file f.json --clock 2026-11-26T16:20:00Z --base-path /api --max-per-page 50 --auto-create": {
				Listen: "127.0.0.1:8080", Faults: []string{"GET=503x1", "POST=429x1"}, FaultFile: "f.json",
				Clock: "2026-11-26T16:20:00Z", BasePath: "/api", MaxPerPage: 50, AutoCreate: true},
		})
}

func TestMockRefusesBadFlags(t *testing.T) {
	isolateEnv(t)
	badFile := writeFile(t, "faults.json", `[{"method": "GET", "status": 503, "drop": true}]`, 0o600)
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--clock", "2026-11-26 16:20"}, `--clock "2026-11-26 16:20" is not an RFC 3339 time such as 2026-11-26T14:30:00Z`},
		{[]string{"--fault", "GET:503"}, `--fault: fault "GET:503": want METHOD=STATUS[xN], e.g. GET=503x2`},
		{[]string{"--fault", "GET=600"}, `--fault: fault status 600 is outside 200..599`},
		{[]string{"--fault-file", badFile}, "faults: rule 1: fault: drop sends no reply, so it takes no status"},
		{[]string{"--max-per-page", "-5"}, "--max-per-page -5 is negative"},
	}
	for _, tt := range tests {
		res := runCLI(t, append([]string{"mock", "--listen", "127.0.0.1:0"}, tt.args...)...)
		if res.code != ExitUsage || !strings.Contains(res.stderr, tt.wantErr) || res.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, res.code, res.stdout, res.stderr, ExitUsage, tt.wantErr)
		}
	}
}

// Laravel validates the body before looking the session up, so an invalid
// type sent to an unknown session is rejected (5), not "not found" (4).
func TestInvalidTypeToUnknownSessionIsRejected(t *testing.T) {
	srv := newMock(t)
	res := runCLI(t, "create", "424242", "entered", "--no-validate")
	want := "error: session \"424242\": invalid data: action_type: invalid action type (HTTP 422)\n"
	if res.code != ExitRejected || !strings.HasPrefix(res.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", res.code, res.stderr, ExitRejected, want)
	}
	if got := srv.Handler().RequestCount("POST"); got != 1 {
		t.Errorf("%d POSTs, want 1", got)
	}
}
