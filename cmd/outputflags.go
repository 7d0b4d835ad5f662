package cmd

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sessionlog/sessionlog/output"
)

// outputFlags are the output-shaping flags that list, summary and create
// share: -o/--output, --jq, --no-headers, --wide and --bom.
type outputFlags struct {
	format    output.Format
	jq        string
	query     *output.Query // jq, compiled by resolve
	noHeaders bool
	color     bool
	// html is set, before register, by the commands that make -o html.
	html bool
	// wide shows the table whole, however wide the terminal (--wide or -o wide).
	wide bool
	// bom starts csv output with a UTF-8 byte-order mark (--bom).
	bom bool
}

func (o *outputFlags) register(cmd *cobra.Command) {
	names := make([]string, 0, len(output.Formats()))
	for _, f := range output.Formats() {
		names = append(names, string(f))
	}
	if o.html {
		names = append(names, string(output.FormatHTML))
	}
	fl := cmd.Flags()
	fl.StringP("output", "o", defaultOf(keyOutput).(string), "output format: "+strings.Join(names, ", "))
	fl.StringVar(&o.jq, "jq", "", "filter the JSON output with a jq expression (implies -o json)")
	fl.BoolVar(&o.noHeaders, "no-headers", false, "omit the header row of table and csv output")
	fl.BoolVar(&o.wide, "wide", false, "show the table whole instead of cutting it to the terminal's width (same as -o wide)")
	fl.BoolVar(&o.bom, "bom", false, "start csv output with a UTF-8 byte-order mark, so that Excel reads Arabic text correctly")
	markSettingFlags(fl, "output")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// outputRunE is the RunE of the commands with output flags: it stores the
// arguments with setArgs, resolves the output flags, then calls runF when a
// test gave one (to see the parsed options), else run.
func outputRunE[O any](f *Factory, out *outputFlags, opts *O, setArgs func([]string), runF, run func(context.Context, *O) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		setArgs(args)
		if err := out.resolve(cmd, f); err != nil {
			return err
		}
		if runF == nil {
			runF = run
		}
		return runF(cmd.Context(), opts)
	}
}

// addPagingFlags adds the page-size and concurrency flags of the commands
// that read timelines.
func addPagingFlags(fl *pflag.FlagSet) {
	decimalIntVar(fl, new(int), "per-page", defaultInt(keyPerPage), "entries asked of the server per page")
	decimalIntVar(fl, new(int), "concurrency", defaultInt(keyConcurrency), "requests in flight at once")
	markSettingFlags(fl, "per-page", "concurrency")
}

// resolve settles the format from the flag, environment or config file, and
// checks that the flags fit together.
func (o *outputFlags) resolve(cmd *cobra.Command, f *Factory) error {
	s, err := f.Settings()
	if err != nil {
		return err
	}
	explicit := cmd.Flags().Changed("output")
	name := s.Output
	if o.jq != "" && !explicit {
		name = string(output.FormatJSON)
	}
	format, err := output.ParseFormat(name)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("output format (from %s): %w", s.describeSource(keyOutput), err)}
	}
	if format == output.FormatHTML && !o.html {
		return usageErrorf("-o html is made by list and summary, not by %s", cmd.Name())
	}
	if o.jq != "" && format != output.FormatJSON {
		return usageErrorf("--jq works with -o json, not -o %s", format)
	}
	if o.jq != "" {
		if o.query, err = output.CompileJQ(o.jq); err != nil {
			return &UsageError{Err: err}
		}
		o.query = o.query.WithContext(cmd.Context())
	}
	if format == output.FormatWide {
		format, o.wide = output.FormatTable, true
	}
	if o.wide && format != output.FormatTable {
		return usageErrorf("--wide works with the table output, not -o %s", format)
	}
	if o.bom && format != output.FormatCSV {
		return usageErrorf("--bom works with -o csv, not -o %s", format)
	}
	o.format = format
	o.color = f.IOStreams.ColorEnabled() // --no-color is in the mode: applyNoColorFlag
	f.IOStreams.SetJSONMessages(o.jsonErrors())
	return nil
}

// outputWantsJSON reports whether a command with output flags, whose
// settings chose the output format name, writes json or jsonl (--jq
// implies json unless -o says otherwise).
func outputWantsJSON(flags *pflag.FlagSet, name string) bool {
	outputFlag := flags.Lookup("output")
	if outputFlag == nil {
		return false
	}
	if jq := flags.Lookup("jq"); jq != nil && jq.Value.String() != "" && !outputFlag.Changed {
		name = string(output.FormatJSON)
	}
	format, err := output.ParseFormat(name)
	return err == nil && (format == output.FormatJSON || format == output.FormatJSONL)
}

// wantsJSONErrors reports whether a command with output flags was asked
// for json or jsonl output by the command line or the environment (an
// explicit -o, else --jq, else SESSIONLOG_OUTPUT), for the failures that
// come before the output flags are resolved: a bad flag, a bad setting, a
// --jq syntax error.
func wantsJSONErrors(flags *pflag.FlagSet) bool {
	name := os.Getenv(envName(keyOutput))
	if outputFlag := flags.Lookup("output"); outputFlag != nil && outputFlag.Changed {
		name = outputFlag.Value.String()
	}
	return outputWantsJSON(flags, name)
}

func (o *outputFlags) jsonErrors() bool {
	return o.format == output.FormatJSON || o.format == output.FormatJSONL
}

// options returns the output options for the resolved flags. A table on a
// terminal is cut to the terminal's width (unless wide) and its Arabic cells
// are isolated; colour is for the table only.
func (o *outputFlags) options(ios *IOStreams) output.Options {
	opts := output.Options{Format: o.format, NoHeaders: o.noHeaders, JQ: o.query, BOM: o.bom}
	if o.format == output.FormatTable {
		opts.Color = o.color
		opts.IsolateRTL = ios.IsStdoutTTY()
		if ios.IsStdoutTTY() && !o.wide {
			opts.MaxWidth = ios.TerminalWidth()
		}
	}
	return opts
}

// writer returns the writer of log entries for the resolved flags, with a
// SESSION column when showSession and a GAP column when gaps.
func (o *outputFlags) writer(ios *IOStreams, showSession, gaps bool) (output.Writer, error) {
	return o.tableStreamingWriter(ios, showSession, gaps, 0)
}

// tableStreamingWriter is writer with a table that streams once it has
// seen its first lookahead rows (output.Options.TableLookahead).
func (o *outputFlags) tableStreamingWriter(ios *IOStreams, showSession, gaps bool, lookahead int) (output.Writer, error) {
	opts := o.options(ios)
	opts.ShowSession, opts.Gaps, opts.TableLookahead = showSession, gaps, lookahead
	return output.New(ios.Out, opts)
}

// streamWriter returns a writer of log entries that prints each entry as
// soon as it is written, in every format (the table included).
func (o *outputFlags) streamWriter(ios *IOStreams, gaps bool) (output.Writer, error) {
	opts := o.options(ios)
	opts.Gaps, opts.StreamTable = gaps, true
	return output.New(ios.Out, opts)
}

// summaryWriter returns the writer of session summaries for the resolved flags.
func (o *outputFlags) summaryWriter(ios *IOStreams) (output.SummaryWriter, error) {
	return output.NewSummaryWriter(ios.Out, o.options(ios))
}

// resultWriter returns the writer of injection results for the resolved flags.
func (o *outputFlags) resultWriter(ios *IOStreams) (output.ResultWriter, error) {
	return output.NewResultWriter(ios.Out, o.options(ios))
}
