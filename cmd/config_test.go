package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const profilesConfig = `base_url: https://top.example.com/api
token: top-secret-token-0001
per_page: 50
default_profile: staging
profiles:
  staging:
    base_url: https://staging.example.com/api
    retries: 5
  prod:
    base_url: https://prod.example.com/api
    token: prod-secret-token-9876
`

// configView runs `config view -o json` and returns its rows by key.
func configView(t *testing.T, args ...string) (map[string]configValue, cliResult) {
	t.Helper()
	res := runCLI(t, append([]string{"config", "view", "-o", "json"}, args...)...)
	rows := map[string]configValue{}
	if res.code == 0 {
		var list []configValue
		if err := json.Unmarshal([]byte(res.stdout), &list); err != nil {
			t.Fatalf("config view output is not JSON: %v\n%s", err, res.stdout)
		}
		for _, r := range list {
			rows[r.Key] = r
		}
	}
	return rows, res
}

func TestConfigPrecedence(t *testing.T) {
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		wantURL    string
		wantSource string
	}{
		{"default profile from file", nil, nil, "https://staging.example.com/api", "profile \"staging\" in CONFIG"},
		{"profile flag", nil, []string{"--profile", "prod"}, "https://prod.example.com/api", "profile \"prod\" in CONFIG"},
		{"profile env", map[string]string{"SESSIONLOG_PROFILE": "PROD"}, nil, "https://prod.example.com/api", "profile \"prod\" in CONFIG"},
		{"env beats profile", map[string]string{"SESSIONLOG_BASE_URL": "https://env.example.com"}, nil, "https://env.example.com", "SESSIONLOG_BASE_URL"},
		{"flag beats env", map[string]string{"SESSIONLOG_BASE_URL": "https://env.example.com"}, []string{"--base-url", "https://flag.example.com"}, "https://flag.example.com", "flag --base-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", profilesConfig, 0o600)
			t.Setenv("SESSIONLOG_CONFIG", path)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			rows, res := configView(t, tt.args...)
			if res.code != 0 {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			wantSource := strings.ReplaceAll(tt.wantSource, "CONFIG", path)
			if got := rows["base_url"]; got.Value != tt.wantURL || got.Source != wantSource {
				t.Errorf("base_url = %+v, want %q from %q", got, tt.wantURL, wantSource)
			}
		})
	}
}

func TestConfigViewSourcesAndMasking(t *testing.T) {
	isolateEnv(t)
	path := writeFile(t, "config.yaml", profilesConfig, 0o600)
	t.Setenv("SESSIONLOG_TIMEOUT", "5s")
	rows, res := configView(t, "--config", path, "--retries", "7")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	want := map[string]configValue{
		"config_file": {"config_file", path, "flag --config"},
		"profile":     {"profile", "staging", "default_profile in " + path},
		"token":       {"token", "****0001", path},
		"per_page":    {"per_page", "50", path},
		"retries":     {"retries", "7", "flag --retries"},
		"timeout":     {"timeout", "5s", "SESSIONLOG_TIMEOUT"},
		"output":      {"output", "table", "default"},
		"concurrency": {"concurrency", "4", "default"},
	}
	for key, w := range want {
		if got := rows[key]; got != w {
			t.Errorf("%s = %+v, want %+v", key, got, w)
		}
	}
	if strings.Contains(res.stdout, "top-secret") {
		t.Errorf("config view shows the token:\n%s", res.stdout)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name    string
		config  string // written to a file and named with --config; "" for none
		args    []string
		env     map[string]string
		wantErr []string
	}{
		{"missing named file", "", []string{"--config", "/nonexistent/sessionlog.yaml"}, nil,
			[]string{"config file /nonexistent/sessionlog.yaml", "no such file"}},
		{"malformed yaml names the line", "base_url: [unclosed\nper_page: 3\n", nil, nil,
			[]string{"config file ", "line"}},
		{"unknown profile names known ones", profilesConfig, []string{"--profile", "qa"}, nil,
			[]string{`unknown profile "qa"`, "prod, staging"}},
		{"profile without config file", "", []string{"--profile", "qa"}, nil,
			[]string{`unknown profile "qa" (no config file was read)`}},
		{"bad number from env", "", nil, map[string]string{"SESSIONLOG_PER_PAGE": "abc"},
			[]string{`invalid per_page "abc" (from SESSIONLOG_PER_PAGE)`}},
		{"bad duration from file", "timeout: soon\n", nil, nil,
			[]string{`invalid timeout "soon"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			args := tt.args
			if tt.config != "" {
				args = append(args, "--config", writeFile(t, "config.yaml", tt.config, 0o600))
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, res := configView(t, args...)
			if res.code != ExitUsage {
				t.Fatalf("exit %d, want %d; stderr:\n%s", res.code, ExitUsage, res.stderr)
			}
			msgs := strings.Join(parseJSONStderr(t, res.stderr).messages, "\n")
			for _, w := range tt.wantErr {
				if !strings.Contains(msgs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
		})
	}
}

func TestConfigWarnsAboutUnknownKeys(t *testing.T) {
	tests := []struct {
		config string
		want   []string // after "config file PATH: "
	}{
		{"base-url: https://x.example.com\n", []string{`unknown key "base-url" is ignored; did you mean base_url?`}},
		{"Token-Command: pass x\n", []string{`unknown key "token-command" is ignored; did you mean token_command?`}},
		{"timout: 10s\nconcurency: 2\n", []string{
			`unknown key "concurency" is ignored; did you mean concurrency?`,
			`unknown key "timout" is ignored; did you mean timeout?`}},
		{"colour: never\n", []string{`unknown key "colour" is ignored; did you mean color?`}},
		{"defaultprofile: p\n", []string{`unknown key "defaultprofile" is ignored; did you mean default_profile?`}},
		{"proxy: http://p\n", []string{`unknown key "proxy" is ignored`}},
		{"profiles:\n  prod:\n    base-url: https://x\n    pagr: less\n", []string{
			`unknown key "base-url" in profile "prod" is ignored; did you mean base_url?`,
			`unknown key "pagr" in profile "prod" is ignored; did you mean pager?`}},
		{"base_url: https://x\npager: ''\ncolor: never\n", nil},
	}
	for _, tt := range tests {
		isolateEnv(t)
		path := writeFile(t, "config.yaml", tt.config, 0o600)
		_, res := configView(t, "--config", path)
		want := ""
		for _, w := range tt.want {
			want += "warning: config file " + path + ": " + w + "\n"
		}
		if res.code != 0 || res.stderr != want {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant:\n%s", tt.config, res.code, res.stderr, want)
		}
	}
}

func TestClosestName(t *testing.T) {
	known := []string{"base_url", "token", "timeout", "retries", "per_page", "output", "color", "pager"}
	tests := []struct{ name, want string }{
		{"base-url", "base_url"},
		{"BASE URL", "base_url"},
		{"baseurl", "base_url"},
		{"tokn", "token"},
		{"perpage", "per_page"},
		{"retry", ""},
		{"url", ""},
		{"x", ""},
		{"ab", ""},
	}
	for _, tt := range tests {
		if got := closestName(tt.name, known); got != tt.want {
			t.Errorf("closestName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMissingDefaultConfigIsFine(t *testing.T) {
	isolateEnv(t)
	rows, res := configView(t)
	if res.code != 0 || rows["config_file"].Value != "(none)" || rows["base_url"].Source != "default" {
		t.Errorf("exit %d, rows %+v, stderr %s", res.code, rows, res.stderr)
	}
}

func TestConfigWarnsAboutReadableToken(t *testing.T) {
	needsUnix(t)
	tests := []struct {
		name    string
		content string
		perm    os.FileMode
		warn    bool
	}{
		{"top-level token, world-readable", "token: abc\n", 0o644, true},
		{"profile token, group-readable", "profiles:\n  prod:\n    token: abc\n", 0o640, true},
		{"token, owner only", "token: abc\n", 0o600, false},
		{"no token, world-readable", "base_url: https://x.example.com\n", 0o644, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", tt.content, tt.perm)
			_, res := configView(t, "--config", path)
			want := ""
			if tt.warn {
				want = fmt.Sprintf("warning: config file %s holds a token and can be read by others (mode %04o); fix it with: chmod 600 %s\n", path, tt.perm, path)
			}
			if res.code != 0 || res.stderr != want {
				t.Errorf("exit %d, stderr %q, want %q", res.code, res.stderr, want)
			}
		})
	}
}

func TestConfigDurationsNeedUnits(t *testing.T) {
	tests := []struct {
		name    string
		config  string
		env     map[string]string
		wantErr string
	}{
		{"bare number in the file", "timeout: 30\n", nil, `invalid timeout "30" (from FILE): want a duration with its unit, such as 30s or 2m`},
		{"bare number in the environment", "", map[string]string{"SESSIONLOG_MAX_RETRY_WAIT": "60"}, `invalid max_retry_wait "60" (from SESSIONLOG_MAX_RETRY_WAIT)`},
		{"insecure from the environment", "", map[string]string{"SESSIONLOG_INSECURE_SKIP_VERIFY": "true"},
			"insecure_skip_verify can be set only in a config file, not with SESSIONLOG_INSECURE_SKIP_VERIFY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", tt.config, 0o600)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, res := configView(t, "--config", path)
			msgs := strings.Join(parseJSONStderr(t, res.stderr).messages, "\n")
			if want := strings.ReplaceAll(tt.wantErr, "FILE", path); res.code != ExitUsage || !strings.Contains(msgs, want) {
				t.Errorf("exit %d, stderr %q, want %q", res.code, res.stderr, want)
			}
		})
	}
}

func TestConfigViewShowsValuesInUse(t *testing.T) {
	isolateEnv(t)
	path := writeFile(t, "config.yaml", "timeout: 1m30s\nretries: \"5\"\n", 0o600)
	rows, res := configView(t, "--config", path)
	if res.code != 0 || rows["timeout"].Value != "1m30s" || rows["retries"].Value != "5" || rows["profile"].Source != "default" {
		t.Errorf("exit %d, rows %+v, stderr %s", res.code, rows, res.stderr)
	}
}

// TestConfigExample keeps config.example.yaml loadable, free of unknown keys,
// and documenting every setting.
func TestConfigExample(t *testing.T) {
	isolateEnv(t)
	path := filepath.Join("..", "config.example.yaml")
	rows, res := configView(t, "--config", path)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	if got := rows["base_url"]; got.Value != "https://staging.example.com/api" {
		t.Errorf("base_url = %+v, want the staging profile's", got)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range settingDefaults {
		if !strings.Contains(string(text), d.key+":") {
			t.Errorf("config.example.yaml does not document %s", d.key)
		}
	}
}

// TestConfigViewColor checks that config view's color row is the mode and
// source that apply to the run, in both its outputs: --no-color folded in,
// and NO_COLOR or CLICOLOR_FORCE named where they decide what auto means.
func TestConfigViewColor(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		env        string // SESSIONLOG_COLOR
		file       string // the color line of the config file
		noColor    bool   // NO_COLOR is set
		forced     bool   // CLICOLOR_FORCE is set
		wantValue  string
		wantSource string // FILE stands for the config file's path
	}{
		{"default", nil, "", "", false, false, "auto", "default"},
		{"--no-color", []string{"--no-color"}, "", "", false, false, "never", "flag --no-color"},
		{"--no-color=false", []string{"--no-color=false"}, "", "", false, false, "auto", "default"},
		{"--color never", []string{"--color", "never"}, "", "", false, false, "never", "flag --color"},
		{"--color never --no-color", []string{"--color", "never", "--no-color"}, "", "", false, false, "never", "flag --no-color"},
		{"--color always", []string{"--color", "always"}, "", "", false, false, "always", "flag --color"},
		{"env always", nil, "always", "", false, false, "always", "SESSIONLOG_COLOR"},
		{"env ALWAYS is read as always", nil, "ALWAYS", "", false, false, "always", "SESSIONLOG_COLOR"},
		{"--no-color beats env always", []string{"--no-color"}, "always", "", false, false, "never", "flag --no-color"},
		{"file never", nil, "", "color: never", false, false, "never", "FILE"},
		{"env beats file", nil, "auto", "color: never", false, false, "auto", "SESSIONLOG_COLOR"},
		{"--no-color beats file always", []string{"--no-color"}, "", "color: always", false, false, "never", "flag --no-color"},
		{"NO_COLOR inside auto", nil, "", "", true, false, "auto", "default; NO_COLOR is set: no colour"},
		{"NO_COLOR inside auto from the file", nil, "", "color: auto", true, false, "auto", "FILE; NO_COLOR is set: no colour"},
		{"NO_COLOR under --color always", []string{"--color", "always"}, "", "", true, false, "always", "flag --color"},
		{"NO_COLOR under env always", nil, "always", "", true, false, "always", "SESSIONLOG_COLOR"},
		{"NO_COLOR with --no-color", []string{"--no-color"}, "", "", true, false, "never", "flag --no-color"},
		{"CLICOLOR_FORCE inside auto", nil, "", "", false, true, "auto", "default; CLICOLOR_FORCE is set: colour even when piped"},
		{"NO_COLOR before CLICOLOR_FORCE", nil, "", "", true, true, "auto", "default; NO_COLOR is set: no colour"},
		{"CLICOLOR_FORCE under never", []string{"--color", "never"}, "", "", false, true, "never", "flag --color"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateEnv(t)
			path := writeFile(t, "config.yaml", tt.file+"\n", 0o600)
			t.Setenv("SESSIONLOG_CONFIG", path)
			if tt.env != "" {
				t.Setenv("SESSIONLOG_COLOR", tt.env)
			}
			env := func(ios *IOStreams) {
				ios.SetColorEnv(!tt.noColor)
				ios.SetColorForced(tt.forced)
			}
			want := configValue{"color", tt.wantValue, strings.ReplaceAll(tt.wantSource, "FILE", path)}

			res := runCLIWith(t, env, append([]string{"config", "view", "-o", "json"}, tt.args...)...)
			var rows []configValue
			if err := json.Unmarshal([]byte(res.stdout), &rows); res.code != 0 || err != nil {
				t.Fatalf("exit %d, %v; stdout %q, stderr %q", res.code, err, res.stdout, res.stderr)
			}
			if got := rowFor(rows, "color"); got != want {
				t.Errorf("json: color row %+v, want %+v", got, want)
			}

			res = runCLIWith(t, env, append([]string{"config", "view"}, tt.args...)...)
			if res.code != 0 {
				t.Fatalf("table: exit %d, stderr %q", res.code, res.stderr)
			}
			var got []string
			for _, line := range strings.Split(res.stdout, "\n") {
				if cells := tableCells.Split(line, -1); cells[0] == "color" {
					got = cells
				}
			}
			if wantCells := []string{want.Key, want.Value, want.Source}; !slices.Equal(got, wantCells) {
				t.Errorf("table: color row %q, want %q\n%s", got, wantCells, res.stdout)
			}
		})
	}
}

// tableCells splits a row of config view's table: its columns are apart by
// two spaces or more, a source's words by one.
var tableCells = regexp.MustCompile(`  +`)

func rowFor(rows []configValue, key string) configValue {
	for _, r := range rows {
		if r.Key == key {
			return r
		}
	}
	return configValue{}
}

func TestConfigViewNoColorContradiction(t *testing.T) {
	isolateEnv(t)
	res := runCLI(t, "config", "view", "--no-color", "--color", "always")
	want := "error: --no-color contradicts --color always\nRun 'sessionlog config view --help' for usage.\n"
	if res.code != ExitUsage || res.stdout != "" || res.stderr != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", res.code, res.stdout, res.stderr, ExitUsage, want)
	}
}
