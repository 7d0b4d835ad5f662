package cmd

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// FuzzValidateSessionID runs `sessionlog list -- ID` against a mock that
// holds session ID: an id the client refuses must exit 2 without any
// request; any other must reach the mock as exactly one path segment that
// decodes back to ID, and list that session.
func FuzzValidateSessionID(f *testing.F) {
	for _, id := range []string{
		"1001", "a/b", "..", ".", "x?y", "x#y", "50%", "a%2Fb", "\n", "", " ", "a b", "-7", "--",
		"جلسة", "\xff", "a\x00b", "\u200b", "\u2028", "%", "%zz", "/", "//", "./a", "a/..", "\\",
		strings.Repeat("x", 256), strings.Repeat("x", 257), strings.Repeat("é", 129),
	} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		isolateEnv(t)
		mock := mockapi.NewHandler(mockapi.WithBasePath("/api"))
		mock.AddSession(id, mockapi.Entry{ActionType: mockapi.ActionEntered, Time: time.Now()})
		layer := faults.Wrap(mock)
		srv := httptest.NewServer(layer)
		defer srv.Close()
		res := runCLI(t, "list", "--base-url", srv.URL+"/api", "--retries", "0", "--", id)

		if err := client.ValidateSessionID(id); err != nil {
			if !errors.Is(err, &client.Error{Kind: client.KindInvalidInput}) {
				t.Errorf("ValidateSessionID(%q) = %v, want an invalid-input *client.Error", id, err)
			}
			if res.code != ExitUsage || layer.Count("") != 0 {
				t.Errorf("refused id %q: exit %d after %d requests, want exit 2 and none; stderr %s", id, res.code, layer.Count(""), res.stderr)
			}
			return
		}
		reqs := mock.Requests()
		want := "/api/v1/customer/sessions/" + url.PathEscape(id) + "/log"
		if res.code != ExitOK || len(reqs) != 1 || reqs[0].Path != want || reqs[0].SessionID != id {
			t.Errorf("id %q: exit %d, requests %+v; want exit 0 and one request for %s naming it; stderr %s", id, res.code, reqs, want, res.stderr)
		}
	})
}

// FuzzLoadSettings writes the input as the config file and runs `config
// view` with it: whatever the file holds, sessionlog must not panic and
// must exit 0 or 2.
func FuzzLoadSettings(f *testing.F) {
	for _, config := range []string{
		"",
		"base_url: https://api.example.com/api\ntoken: secret-token-0001\nper_page: 50\n",
		"default_profile: staging\nprofiles:\n  staging:\n    base_url: https://staging.example.com\n    retries: 5\n",
		"default_profile: x\nprofiles: [1, 2]\n",
		"default_profile: a\nprofiles:\n  a: 5\n",
		"default_profile: 1\nprofiles: {1: {base_url: x}}\n",
		"profiles: {A: {}, a: {}}\ndefault_profile: A\n",
		"default_profile: [a]\n",
		"base_url: [unclosed\n",
		"timeout: soon\nmax_retry_wait: -1s\n",
		"timeout: 9999999999999h\n",
		"per_page: -1\nconcurrency: 0\nretries: 1e100\n",
		"insecure_skip_verify: maybe\n",
		"token: !!binary AAAA\n",
		"base_url: {a: b}\ntoken: [1]\n",
		"- a\n- b\n",
		"just a string",
		"? [a, b]\n: c\n",
		"a: &a [*a]\n",
		"a: &a\n  b: 1\nc: *a\nd: *a\n",
		"x: !!timestamp 2026-01-01\n",
		"{",
		"\x00\xff",
		"\ufeffbase_url: https://bom.example.com\n",
		"base_url: https://x.example.com\nbase_url: https://y.example.com\n",
		"profiles:\n  p:\n    profiles:\n      q: {}\n",
		"output: xml\nca_cert: /nonexistent\n",
	} {
		f.Add([]byte(config))
	}
	f.Fuzz(func(t *testing.T, config []byte) {
		isolateEnv(t)
		path := writeFile(t, "config.yaml", string(config), 0o600)
		res := runCLI(t, "config", "view", "--config", path)
		if res.code != ExitOK && res.code != ExitUsage {
			t.Errorf("config %q: exit %d, want 0 or 2; stderr %s", config, res.code, res.stderr)
		}
	})
}

// FuzzReadBulkFile feeds injection files to the reader: it must never
// panic, and must either return rows that are all valid or a usage error.
func FuzzReadBulkFile(f *testing.F) {
	for _, seed := range []string{
		"session_id,action_type\n1002,ENTERED\n",
		"session_id,action_type\n1002,ENTERED\n10\"02,ENTERED\n",
		"session_id,action_type\n\"1002,ENTERED\n",
		"\ufeff{\"session_id\":\"1\",\"action_type\":\"LEFT\"}\n",
		"{\"session_id\":7,\"action_type\":\"x\"}\n[\n",
		"action_type,session_id,extra\nENDED,\"a,b\",z\n",
		"# comment\n\n{\"session_id\":\"1\",\"action_type\":\"LEFT\"}\n",
		"# comment\nsession_id,action_type\n#1,LEFT\n",
		"{\"session_id\":\"1\",\"action\":\"LEFT\"}\n",
		"{\"session_id\":\"1\",\"action_type\":\"LEFT\",\"Session_ID\":\"2\"}\n",
		"session_id,Action\n1,LEFT\n",
		"session_id,action_type,\n1,LEFT,\n",
		"#\n#\"\n{",
		"{\"session_id\":\" #1, 2\",\"action_type\":\"LEFT\"}\n",
		"session_id,action_type\n\"A#7 x\",LEFT\n\"#\",LEFT\n",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, data string, noValidate bool) {
		for _, read := range []struct{ name, format string }{
			{"rows.csv", ""}, {"rows.jsonl", ""}, {"-", ""}, {"-", "csv"}, {"-", "jsonl"},
		} {
			name := fmt.Sprintf("%s (--format %q)", read.name, read.format)
			rows, err := readBulkFile(strings.NewReader(data), read.name, bulkReadOptions{Format: read.format, NoValidate: noValidate})
			if err != nil {
				if ExitCode(err) != ExitUsage {
					t.Fatalf("%s: error %v has exit code %d", name, err, ExitCode(err))
				}
				continue
			}
			for _, r := range rows {
				if client.ValidateSessionID(r.SessionID) != nil || r.Action == "" || r.Line < 1 {
					t.Fatalf("%s: invalid row accepted: %+v", name, r)
				}
				if ids, err := parseSessionIDs([]string{r.SessionID}); err != nil || len(ids) != 1 || ids[0] != r.SessionID {
					t.Fatalf("%s: id %q accepted, which the command line reads as %q (%v)", name, r.SessionID, ids, err)
				}
			}
		}
	})
}
