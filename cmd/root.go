// Package cmd is the sessionlog command line: one file per command, each
// with an options struct, a newXCmd that parses flags and a runX that works.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
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
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil && strings.HasPrefix(err.Error(), "unknown command ") {
		// cobra reports an unknown subcommand as a plain error.
		err = &UsageError{Err: err}
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		err = fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	if err != nil {
		printError(f, cmd.CommandPath(), err)
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
			return nil
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
	pf.Int("retries", defaultInt(keyRetries), "retries after a failed request that is safe to repeat")
	pf.Duration("max-retry-wait", defaultDuration(keyMaxRetryWait), "longest wait before one retry, Retry-After included")
	pf.String("ca-cert", "", "PEM file of a private certificate authority to trust")
	pf.Bool("debug", false, "trace HTTP requests and replies on stderr (token redacted)")
	pf.Bool("no-color", false, "never colour the output (also NO_COLOR)")
	pf.Bool("demo", false, "run against the built-in mock API with its sample sessions")
	markSettingFlags(pf, "base-url", "token", "timeout", "retries", "max-retry-wait", "ca-cert")
	_ = root.RegisterFlagCompletionFunc("profile", completeProfiles)

	root.AddCommand(
		newListCmd(f, nil),
		newCreateCmd(f, nil),
		newSummaryCmd(f, nil),
		newActionsCmd(f),
		newConfigCmd(f),
		newVersionCmd(f),
		newMockCmd(f, nil),
		newDocsCmd(),
	)
	setVersionFlag(root)
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		refuseUnknownSubcommands(c)
	}
	return root
}

// refuseUnknownSubcommands makes a command that only groups others (config,
// completion) fail with a usage error for an unknown subcommand, instead of
// printing its help and exiting 0; with no argument it still prints help.
func refuseUnknownSubcommands(c *cobra.Command) {
	if c.Runnable() || !c.HasSubCommands() {
		return
	}
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
		}
		return cmd.Help()
	}
}
