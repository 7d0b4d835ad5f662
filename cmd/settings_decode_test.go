package cmd

import (
	"strings"
	"testing"
)

func TestConfigValuesOfTheWrongType(t *testing.T) {
	tests := []struct {
		name, config string
		want         string // the error after "error: ", CONFIG standing for the file
	}{
		{"per_page true", "per_page: true\n", `invalid per_page "true" (from CONFIG): want a whole number of at least 1`},
		{"per_page 12.7", "per_page: 12.7\n", `invalid per_page "12.7" (from CONFIG): want a whole number of at least 1`},
		{"per_page hex", "per_page: 0x10\n", `invalid per_page "0x10" (from CONFIG): want a whole number of at least 1`},
		{"token a list", "token: [abc-123456, def-123456]\n", `invalid token (a list) (from CONFIG): want a single text value`},
		{"base_url a mapping", "base_url: {a: b}\n", `invalid base_url (a mapping) (from CONFIG): want a single text value`},
		{"timeout a list", "timeout: [1, 2]\n", `invalid timeout (a list) (from CONFIG): want a duration with its unit, such as 30s or 2m`},
		{"retries in a profile", "default_profile: p\nprofiles:\n  p:\n    retries: yes\n",
			`invalid retries "yes" (from profile "p" in CONFIG): want a whole number of at least 0`},
		{"insecure_skip_verify yes", "insecure_skip_verify: yes\n", `invalid insecure_skip_verify "yes" (from CONFIG): want true or false`},
		{"profiles differing in case", "profiles:\n  Prod:\n    retries: 1\n  prod:\n    retries: 2\n",
			`config file CONFIG: profiles "Prod" and "prod" differ only in case (they are matched without case)`},
		{"keys differing in case", "per_page: 10\nPER_PAGE: 20\n",
			`config file CONFIG: keys "per_page" and "PER_PAGE" differ only in case (they are matched without case)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", tt.config, 0o600)
			_, res := configView(t, "--config", path)
			want := strings.ReplaceAll(tt.want, "CONFIG", path)
			// config view runs with -o json, so stderr is the error's JSON object.
			got := parseJSONStderr(t, res.stderr)
			if res.code != ExitUsage || len(got.errors) != 1 || got.errors[0]["kind"] != "config" || got.messages[0] != want {
				t.Errorf("exit %d, stderr %q; want %d and the config error %q", res.code, res.stderr, ExitUsage, want)
			}
		})
	}
}

func TestLeadingZerosAreDecimal(t *testing.T) {
	tests := []struct {
		name   string
		config string
		env    map[string]string
		args   []string
		source string // of retries
	}{
		{"file", "per_page: 010\nretries: 007\n", nil, nil, "CONFIG"},
		{"profile", "default_profile: p\nprofiles:\n  p:\n    per_page: 010\n    retries: 007\n", nil, nil, `profile "p" in CONFIG`},
		{"env", "", map[string]string{"SESSIONLOG_PER_PAGE": "010", "SESSIONLOG_RETRIES": "007"}, nil, "SESSIONLOG_RETRIES"},
		// config view has no --per-page; TestDecimalIntFlags covers list's flags.
		{"flags", "per_page: 010\n", nil, []string{"--retries", "007"}, "flag --retries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", tt.config, 0o600)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			rows, res := configView(t, append([]string{"--config", path}, tt.args...)...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			source := strings.ReplaceAll(tt.source, "CONFIG", path)
			if r := rows["per_page"]; r.Value != "10" {
				t.Errorf("per_page %q from %q, want 10", r.Value, r.Source)
			}
			if r := rows["retries"]; r.Value != "7" || r.Source != source {
				t.Errorf("retries %q from %q, want 7 from %q", r.Value, r.Source, source)
			}
		})
	}
}

func TestDecimalIntFlags(t *testing.T) {
	newMock(t)
	// --last 010 is ten entries, not eight; session 1004 has 350.
	res := runCLI(t, "list", "1004", "--last", "010", "-o", "jsonl")
	if n := strings.Count(res.stdout, "\n"); res.code != 0 || n != 10 {
		t.Errorf("exit %d, %d entries, want 10:\n%s", res.code, n, res.stderr)
	}
	if res := runCLI(t, "list", "1004", "--per-page", "0x10"); res.code != ExitUsage ||
		!strings.Contains(res.stderr, `invalid argument "0x10" for "--per-page" flag: "0x10" is not a whole number`) {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
}
