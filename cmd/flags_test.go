package cmd

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/output"
)

// parse runs a command built with a capturing runF on args and returns the
// command's error. Like the root command, it gives the factory the parsed
// flags, from which settings such as -o are resolved.
func parse(t *testing.T, build func(*Factory) *cobra.Command, args ...string) error {
	t.Helper()
	isolateEnv(t)
	ios, _, _, _ := TestIO()
	f := NewFactory(ios, "test")
	cmd := build(f)
	cmd.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		f.bindFlags(c.Flags())
		return nil
	}
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	return cmd.ExecuteContext(context.Background())
}

// checkParsed runs each case's args through a command built by build with
// a capturing runF, and compares the options it got, less the injected
// dependencies that clear resets, with the case's want.
func checkParsed[O any](t *testing.T, build func(*Factory, func(context.Context, *O) error) *cobra.Command,
	clear func(*O), cases map[string]O) {
	t.Helper()
	for args, want := range cases {
		var got *O
		err := parse(t, func(f *Factory) *cobra.Command {
			return build(f, func(_ context.Context, o *O) error { got = o; return nil })
		}, strings.Fields(args)...)
		if err != nil {
			t.Fatalf("%s: %v", args, err)
		}
		clear(got)
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", args, *got, want)
		}
	}
}

func TestListFlags(t *testing.T) {
	checkParsed(t, newListCmd, func(o *ListOptions) {
		if (o.Output.query != nil) != (o.Output.jq != "") {
			t.Errorf("--jq %q compiled to %v", o.Output.jq, o.Output.query)
		}
		o.IO, o.Client, o.Settings, o.Now, o.Output.query = nil, nil, nil, nil, nil
	},
		map[string]ListOptions{
			"1001": {SessionIDs: []string{"1001"}, Interval: 2 * time.Second, ReconnectFor: 5 * time.Minute,
				Output: outputFlags{format: output.FormatTable, html: true}},
			"1 2 --page 3 --action ENTERED,left --action ENDED -o csv --no-headers --gaps": {
				SessionIDs: []string{"1", "2"}, Page: 3, Actions: []string{"ENTERED", "left", "ENDED"}, Gaps: true,
				Interval: 2 * time.Second, ReconnectFor: 5 * time.Minute, Output: outputFlags{format: output.FormatCSV, noHeaders: true, html: true}},
			"7 -f --interval 5s --reconnect-for 30s --last 10 --jq .[0]": {
				SessionIDs: []string{"7"}, Follow: true, Interval: 5 * time.Second, ReconnectFor: 30 * time.Second, Last: 10,
				Output: outputFlags{format: output.FormatJSON, jq: ".[0]", html: true}},
			"1001 --chart": {SessionIDs: []string{"1001"}, Chart: true, Interval: 2 * time.Second, ReconnectFor: 5 * time.Minute,
				Output: outputFlags{format: output.FormatTable, html: true}},
			"1001 --gaps -o HTML": {SessionIDs: []string{"1001"}, Gaps: true, Interval: 2 * time.Second, ReconnectFor: 5 * time.Minute,
				Output: outputFlags{format: output.FormatHTML, html: true}},
		})
}

func TestCreateFlags(t *testing.T) {
	checkParsed(t, newCreateCmd, func(o *CreateOptions) { o.IO, o.Client, o.Settings, o.Now = nil, nil, nil, nil },
		map[string]CreateOptions{
			"42 entered LEFT": {SessionID: "42", Actions: []string{"entered", "LEFT"},
				Output: outputFlags{format: output.FormatTable}},
			"-f rows.csv --dry-run --delay 2s --no-validate -o jsonl": {
				FromFile: "rows.csv", DryRun: dryRunServer, Delay: 2 * time.Second, NoValidate: true,
				Output: outputFlags{format: output.FormatJSONL}},
			"-f - --format csv --dry-run=client": {
				FromFile: "-", Format: "csv", DryRun: dryRunClient, Output: outputFlags{format: output.FormatTable}},
			"42 ENDED --dry-run=server": {SessionID: "42", Actions: []string{"ENDED"}, DryRun: dryRunServer,
				Output: outputFlags{format: output.FormatTable}},
		})
}

func TestSummaryFlags(t *testing.T) {
	checkParsed(t, newSummaryCmd, func(o *SummaryOptions) { o.IO, o.Client, o.Settings, o.Now = nil, nil, nil, nil },
		map[string]SummaryOptions{
			"1 2 -o yaml": {SessionIDs: []string{"1", "2"}, Output: outputFlags{format: output.FormatYAML, html: true}},
			"1 2 --chart": {SessionIDs: []string{"1", "2"}, Chart: true, Output: outputFlags{format: output.FormatTable, html: true}},
			"1 2 -o html": {SessionIDs: []string{"1", "2"}, Output: outputFlags{format: output.FormatHTML, html: true}},
		})
}

func TestMockFlags(t *testing.T) {
	checkParsed(t, newMockCmd, func(o *MockOptions) { o.IO, o.Now = nil, nil },
		map[string]MockOptions{
			"": {Listen: "127.0.0.1:8080"},
			"--listen 127.0.0.1:0 --token t --fixture f.yaml --latency 50ms": {
				Listen: "127.0.0.1:0", Token: "t", Fixture: "f.yaml", Latency: 50 * time.Millisecond},
		})
}
