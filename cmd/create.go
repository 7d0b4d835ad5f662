package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// CreateOptions are the inputs of `sessionlog create`.
type CreateOptions struct {
	IO       *IOStreams
	Client   func(context.Context) (*client.Client, error)
	Settings func() (*Settings, error)
	Now      func() time.Time

	SessionID  string
	Actions    []string
	NoValidate bool
	FromFile   string
	Format     string // of FromFile: "jsonl", "csv", or "" to detect it
	DryRun     dryRunMode
	Delay      time.Duration
	Output     outputFlags
}

func newCreateCmd(f *Factory, runF func(context.Context, *CreateOptions) error) *cobra.Command {
	opts := &CreateOptions{IO: f.IOStreams, Client: f.Client, Settings: f.Settings, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "create {SESSION_ID ACTION_TYPE... | --from-file FILE}",
		Short: "Append entries to a session's activity log",
		Long: `Append one entry per action type to the session's log, in the order given,
each only after the previous one was recorded. The first failure stops the
run, and sessionlog says which entries were created before it.

Action types are case-insensitive and checked before anything is sent; see
'sessionlog actions'. --no-validate sends them exactly as typed, to test the
server's own validation.

--from-file injects many sessions at once from JSONL rows
({"session_id":"42","action_type":"ENTERED"}) or CSV with a
session_id,action_type header ("-" reads stdin). Every row is checked first,
and invalid rows are reported with their line before anything is sent. The
rows of one session are sent in file order, each after the previous one
succeeded; sessions proceed in parallel (--concurrency). A failure skips the
later rows of its session only. Each row's result (created, failed, skipped)
is printed; the exit code is that of the first failure in file order. The
format comes from the file's extension, else from the first line that is not
blank or a # comment ({ for JSONL); --format jsonl|csv says it outright.

--dry-run sends nothing. It checks every row, then reads each session's last
entries from the server (GET only: one request per session whose log fits on
one page; sessions in parallel, --concurrency) and reports each row as
would_create, or would_fail with the reason when its session is unknown or
has ended (also when an earlier row ends it). The exit code is the one the
real run would give for the first row that would fail: 4 for an unknown
session, 5 for an ended one. --dry-run=client checks the rows only, offline.`,
		Example: `  sessionlog create 48213 ENTERED
  sessionlog create 48213 entered temporarily_left entered ended -o json
  sessionlog create 48213 ENDED --dry-run
  sessionlog create --from-file scenario.jsonl --dry-run=client
  sessionlog create --from-file scenario.jsonl --delay 2s -o csv > report.csv`,
		Args:              createArgs(opts),
		ValidArgsFunction: completeCreateArgs,
		RunE: outputRunE(f, &opts.Output, opts, func(args []string) {
			if len(args) > 0 {
				opts.SessionID, opts.Actions = args[0], args[1:]
			}
		}, runF, func(ctx context.Context, opts *CreateOptions) error {
			if opts.FromFile != "" || opts.DryRun != dryRunOff {
				return runCreateRows(ctx, opts)
			}
			return runCreate(ctx, opts)
		}),
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.NoValidate, "no-validate", false, "send action types exactly as typed, without checking them")
	fl.StringVarP(&opts.FromFile, "from-file", "f", "", "read session_id,action_type rows from a JSONL or CSV file (- for stdin)")
	fl.StringVar(&opts.Format, "format", "", "format of --from-file: jsonl or csv (default: from the extension, else the content)")
	fl.Var(&opts.DryRun, "dry-run", "send nothing: check the rows and each session on the server (`mode` server), or the rows only (client)")
	fl.Lookup("dry-run").NoOptDefVal = string(dryRunServer)
	fl.DurationVar(&opts.Delay, "delay", 0, "wait this long between the entries of one session")
	decimalIntVar(fl, new(int), "concurrency", defaultInt(keyConcurrency), "sessions injected at once with --from-file")
	markSettingFlags(fl, "concurrency")
	_ = cmd.RegisterFlagCompletionFunc("from-file", completeBulkFiles)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(bulkFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("dry-run", cobra.FixedCompletions(
		[]string{string(dryRunServer), string(dryRunClient)}, cobra.ShellCompDirectiveNoFileComp))
	opts.Output.register(cmd)
	return cmd
}

// createArgs wants a session id and action types, or none with --from-file.
// A mode after a bare --dry-run is taken for an argument, as pflag reads
// it: it is pointed out.
func createArgs(opts *CreateOptions) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if opts.DryRun != dryRunOff {
			actions := args
			if opts.FromFile == "" && len(args) > 0 {
				actions = args[1:] // after the session id
			}
			for _, arg := range actions {
				if mode := dryRunMode(arg); mode == dryRunServer || mode == dryRunClient {
					return usageErrorf("%q after --dry-run is read as an argument; write --dry-run=%s", arg, arg)
				}
			}
		}
		if opts.FromFile != "" {
			if len(args) > 0 {
				return usageErrorf("%s takes either --from-file or a session id and action types, not both", cmd.CommandPath())
			}
			return nil
		}
		return requireArgs(2, "a session id and at least one action type (or --from-file FILE)")(cmd, args)
	}
}

// runCreate appends the command line's entries to one session, in order,
// each after the previous one was recorded, and prints the created entries.
func runCreate(ctx context.Context, opts *CreateOptions) error {
	rows, err := createRows(ctx, opts)
	if err != nil {
		return err
	}
	c, err := opts.Client(ctx)
	if err != nil {
		return err
	}
	w, err := opts.Output.writer(opts.IO, false, false)
	if err != nil {
		return err
	}
	var created, notSent []client.ActionType
	var failed bulkResult
	var writeErr error
	bulkPlan{Rows: rows, Concurrency: 1, Delay: opts.Delay}.run(ctx, c, func(r bulkResult) {
		switch r.Status {
		case output.ResultCreated:
			created = append(created, r.Row.Action)
			if writeErr == nil {
				// The API does not say where the entry landed: its position is unknown.
				writeErr = w.Write(output.Record{SessionID: opts.SessionID, Entry: *r.Entry})
			}
		case output.ResultFailed:
			failed = r
		default:
			notSent = append(notSent, r.Row.Action)
		}
	})
	if err := w.Close(); err != nil {
		return err
	}
	if writeErr != nil {
		return writeErr
	}
	if failed.Err == nil {
		return ctx.Err()
	}
	err = failed.Err
	if len(rows) > 1 {
		err = &progressError{created: created, failed: failed.Row.Action, notSent: notSent, err: err}
	}
	err = &sessionError{id: opts.SessionID, err: err}
	if ctx.Err() != nil {
		// Interrupted: still say whether the entry may have been recorded.
		return fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	return err
}

// parseActions checks every action type before anything is sent.
func parseActions(args []string, noValidate bool) ([]client.ActionType, error) {
	actions := make([]client.ActionType, 0, len(args))
	for _, arg := range args {
		if noValidate {
			actions = append(actions, client.ActionType(arg))
			continue
		}
		a, err := client.ParseActionType(arg)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		actions = append(actions, a)
	}
	return actions, nil
}

// progressError adds to a failure what the run had done before it: the
// entries created, the action that failed and those not sent.
type progressError struct {
	created, notSent []client.ActionType
	failed           client.ActionType
	err              error
}

func (e *progressError) Error() string { return e.err.Error() + "; " + e.summary() }
func (e *progressError) Unwrap() error { return e.err }

// summary says what the stopped create run did, e.g. "created 1 of 3
// entries (ENTERED) before ENDED failed; not sent: LEFT".
func (e *progressError) summary() string {
	total := len(e.created) + 1 + len(e.notSent)
	msg := fmt.Sprintf("created %d of %d entries", len(e.created), total)
	if len(e.created) > 0 {
		msg += " (" + joinActions(e.created) + ")"
	}
	msg += fmt.Sprintf(" before %s failed", e.failed)
	if len(e.notSent) > 0 {
		msg += "; not sent: " + joinActions(e.notSent)
	}
	return msg
}

// progress is what the run did, for the JSON error object.
func (e *progressError) progress() *output.CreateProgress {
	return &output.CreateProgress{Created: len(e.created), NotSent: append([]client.ActionType{}, e.notSent...)}
}

// joinActions lists action types: "ENTERED, LEFT".
func joinActions(actions []client.ActionType) string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}

// completeCreateArgs offers no completion for the session id, then action types.
func completeCreateArgs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeActionTypes(cmd, args, toComplete)
}
