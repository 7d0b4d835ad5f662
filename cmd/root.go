// Package cmd is the sessionlog command line: one file per command, each
// with an options struct, a newXCmd that parses flags and a runX that works.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Execute runs sessionlog with the process's arguments and streams and
// returns the exit code; Ctrl-C or SIGTERM cancel the run.
func Execute() int {
	// On Windows too: os.Interrupt is Ctrl-C or Ctrl-Break, and os/signal
	// reports a closed console window, log-off or shutdown as SIGTERM.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, os.Args[1:], SystemIO())
}

// Run executes one command line in-process and returns its exit code.
func Run(ctx context.Context, args []string, ios *IOStreams) int {
	f := NewFactory(ios, Version())
	defer f.Close()
	root := NewRootCmd(f)
	// cobra ignores write errors of help, usage and completion scripts.
	cobraOut := &firstErrorWriter{w: ios.Out}
	root.SetOut(cobraOut)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	// The pager shows the output to its end before any final error.
	f.IOStreams.StopPager()
	if pagerQuit(err) {
		err = nil // the user quit the pager before the end of the output
	}
	if err == nil && cobraOut.err != nil {
		err = fmt.Errorf("write output: %w", cobraOut.err)
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		err = fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	if err != nil {
		if !ios.JSONMessages() && cmd != nil && wantsJSONErrors(cmd.Flags()) {
			// The run failed before its output flags were resolved.
			ios.SetJSONMessages(true)
		}
		printError(ios, cmd.CommandPath(), err)
	}
	return ExitCode(err)
}

// NewRootCmd builds the command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "sessionlog <command>",
		Short: "Read and write customer-session activity logs",
		Long: `sessionlog reads a customer session's activity log (who entered, left,
came back, ended or cancelled it) and records new entries, through the
session-log API.

` + exitCodeHelp,
		Example: `  sessionlog --demo list 1001            # a timeline from the built-in mock
  sessionlog list 48213 -o json          # the whole timeline as JSON
  sessionlog create 48213 ENTERED        # record that the customer entered`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			f.bindFlags(cmd.Flags())
			if cmd.Annotations[terminalOutputAnnotation] == "" {
				return nil
			}
			return setUpTerminalOutput(f)
		},
	}
	root.SetIn(f.IOStreams.In)
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &UsageError{Err: err}
	})

	pf := root.PersistentFlags()
	pf.String("base-url", "", "API base URL, e.g. https://api.example.com/api (env SESSIONLOG_BASE_URL)")
	pf.String("token", "", "API bearer token (env SESSIONLOG_TOKEN)")
	pf.String("profile", "", "named profile from the config file (env SESSIONLOG_PROFILE)")
	pf.String("config", "", "config file (default "+configPathHelp+")")
	pf.Duration("timeout", defaultDuration(keyTimeout), "timeout for each HTTP request")
	decimalIntVar(pf, new(int), "retries", defaultInt(keyRetries), "retries after a failed request that is safe to repeat")
	pf.Duration("max-retry-wait", defaultDuration(keyMaxRetryWait), "longest wait before one retry, Retry-After included")
	pf.String("ca-cert", "", "PEM file of a private certificate authority to trust")
	pf.Bool("debug", false, "trace HTTP requests and replies on stderr (token redacted)")
	pf.String("color", string(ColorAuto), "colour the output: auto (on a terminal, unless NO_COLOR), always or never (env SESSIONLOG_COLOR)")
	pf.Bool("no-color", false, "never colour the output, as --color never")
	pf.Bool("no-pager", false, "never send the output through a pager (SESSIONLOG_PAGER, PAGER or less -FRX on a terminal)")
	pf.Bool("demo", false, "run against the built-in mock API with its sample sessions")
	markSettingFlags(pf, "base-url", "token", "timeout", "retries", "max-retry-wait", "ca-cert", "color")
	_ = root.RegisterFlagCompletionFunc("profile", completeProfiles)
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(
		[]string{string(ColorAuto), string(ColorAlways), string(ColorNever)}, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(
		withTerminalOutput(newListCmd(f, nil)),
		withTerminalOutput(newCreateCmd(f, nil)),
		withTerminalOutput(newSummaryCmd(f, nil)),
		newActionsCmd(f),
		newConfigCmd(f),
		newVersionCmd(f),
		newMockCmd(f, nil),
		newCompletionCmd(),
		newDocsCmd(),
	)
	setVersionFlag(root)
	root.InitDefaultHelpCmd()
	refuseUnknownHelpTopics(root)
	refuseUnknownSubcommands(root)
	for _, c := range root.Commands() {
		refuseUnknownSubcommands(c)
	}
	return root
}

// refuseUnknownSubcommands makes a command that only groups others (the
// root, config, completion) fail with a usage error that suggests the
// nearest subcommand, instead of printing its help and exiting 0; with no
// argument it still prints help.
func refuseUnknownSubcommands(c *cobra.Command) {
	if c.Runnable() || !c.HasSubCommands() {
		return
	}
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return unknownCommandError(cmd, args[0])
		}
		return cmd.Help()
	}
}

// firstErrorWriter writes to w and keeps the first write error; once one
// happened it writes nothing more.
type firstErrorWriter struct {
	w   io.Writer
	err error
}

func (fw *firstErrorWriter) Write(p []byte) (int, error) {
	if fw.err != nil {
		return 0, fw.err
	}
	n, err := fw.w.Write(p)
	fw.err = err
	return n, err
}

// refuseUnknownHelpTopics makes `help lisst` a usage error that suggests
// the nearest command, where cobra's help prints the usage and exits 0.
func refuseUnknownHelpTopics(root *cobra.Command) {
	help, _, err := root.Find([]string{"help"})
	if err != nil || help == root {
		return
	}
	help.Run = nil
	help.RunE = func(c *cobra.Command, args []string) error {
		cmd, rest, err := root.Find(args)
		if err != nil {
			return &UsageError{Err: err}
		}
		if len(rest) > 0 {
			return unknownCommandError(cmd, rest[0])
		}
		cmd.InitDefaultHelpFlag() // so that the help shows --help
		return cmd.Help()
	}
}

// terminalOutputAnnotation marks the commands whose output is coloured and
// paged on a terminal: those that print what the API holds.
const terminalOutputAnnotation = "sessionlog_terminal_output"

func withTerminalOutput(c *cobra.Command) *cobra.Command {
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[terminalOutputAnnotation] = "true"
	return c
}

// setUpTerminalOutput applies the colour mode and starts the pager, as the
// settings and flags ask. There is no pager with --no-pager, when standard
// output is not a terminal (StartPager checks), and for --follow, whose
// output never ends.
func setUpTerminalOutput(f *Factory) error {
	s, err := f.Settings()
	if err != nil {
		return err
	}
	f.IOStreams.SetColorMode(s.Color)
	if f.boolFlag("no-pager") || f.boolFlag("follow") {
		return nil
	}
	f.IOStreams.SetPager(pagerCommand(s))
	f.IOStreams.StartPager()
	return nil
}
