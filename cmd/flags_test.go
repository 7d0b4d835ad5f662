package cmd

import (
	"context"
	"reflect"
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

func TestListFlags(t *testing.T) {
	tests := []struct {
		args []string
		want ListOptions
	}{
		{[]string{"1001"}, ListOptions{SessionIDs: []string{"1001"}, Interval: 2 * time.Second,
			Output: outputFlags{format: output.FormatTable}}},
		{[]string{"1", "2", "--page", "3", "--action", "ENTERED,left", "--action", "ENDED", "-o", "csv", "--no-headers", "--gaps"},
			ListOptions{SessionIDs: []string{"1", "2"}, Page: 3, Actions: []string{"ENTERED", "left", "ENDED"}, Gaps: true,
				Interval: 2 * time.Second, Output: outputFlags{format: output.FormatCSV, noHeaders: true}}},
		{[]string{"7", "-f", "--interval", "5s", "--last", "10", "--jq", ".[0]"},
			ListOptions{SessionIDs: []string{"7"}, Follow: true, Interval: 5 * time.Second, Last: 10,
				Output: outputFlags{format: output.FormatJSON, jq: ".[0]"}}},
	}
	for _, tt := range tests {
		var got *ListOptions
		err := parse(t, func(f *Factory) *cobra.Command {
			return newListCmd(f, func(_ context.Context, o *ListOptions) error { got = o; return nil })
		}, tt.args...)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.IO, got.Client, got.Settings, got.Now = nil, nil, nil, nil
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v:\n got %+v\nwant %+v", tt.args, *got, tt.want)
		}
	}
}

func TestCreateFlags(t *testing.T) {
	tests := []struct {
		args []string
		want CreateOptions
	}{
		{[]string{"42", "entered", "LEFT"}, CreateOptions{SessionID: "42", Actions: []string{"entered", "LEFT"},
			Output: outputFlags{format: output.FormatTable}}},
		{[]string{"-f", "rows.csv", "--dry-run", "--delay", "2s", "--no-validate", "-o", "jsonl"},
			CreateOptions{FromFile: "rows.csv", DryRun: true, Delay: 2 * time.Second, NoValidate: true,
				Output: outputFlags{format: output.FormatJSONL}}},
	}
	for _, tt := range tests {
		var got *CreateOptions
		err := parse(t, func(f *Factory) *cobra.Command {
			return newCreateCmd(f, func(_ context.Context, o *CreateOptions) error { got = o; return nil })
		}, tt.args...)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.IO, got.Client, got.Settings, got.Now = nil, nil, nil, nil
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v:\n got %+v\nwant %+v", tt.args, *got, tt.want)
		}
	}
}

func TestSummaryAndMockFlags(t *testing.T) {
	var summary *SummaryOptions
	if err := parse(t, func(f *Factory) *cobra.Command {
		return newSummaryCmd(f, func(_ context.Context, o *SummaryOptions) error { summary = o; return nil })
	}, "1", "2", "-o", "yaml"); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(summary.SessionIDs, []string{"1", "2"}) || summary.Output.format != output.FormatYAML {
		t.Errorf("summary options %+v", summary)
	}

	var mock *MockOptions
	if err := parse(t, func(f *Factory) *cobra.Command {
		return newMockCmd(f, func(_ context.Context, o *MockOptions) error { mock = o; return nil })
	}, "--listen", "127.0.0.1:0", "--token", "t", "--fixture", "f.yaml", "--latency", "50ms"); err != nil {
		t.Fatal(err)
	}
	mock.IO = nil
	if want := (MockOptions{Listen: "127.0.0.1:0", Token: "t", Fixture: "f.yaml", Latency: 50 * time.Millisecond}); *mock != want {
		t.Errorf("mock options %+v, want %+v", *mock, want)
	}
}
