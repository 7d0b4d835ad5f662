package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// CreateOptions are the inputs of `sessionlog create`.
type CreateOptions struct {
	IO     *IOStreams
	Client func(context.Context) (*client.Client, error)

	SessionID  string
	Actions    []string
	NoValidate bool
	Output     outputFlags
}

func newCreateCmd(f *Factory, runF func(context.Context, *CreateOptions) error) *cobra.Command {
	opts := &CreateOptions{IO: f.IOStreams, Client: f.Client}
	cmd := &cobra.Command{
		Use:   "create SESSION_ID ACTION_TYPE...",
		Short: "Append entries to a session's activity log",
		Long: `Append one entry per action type to the session's log, in the order given,
each only after the previous one was recorded. The first failure stops the
run, and sessionlog says which entries were created before it.

Action types are case-insensitive and checked before anything is sent; see
'sessionlog actions'. --no-validate sends them exactly as typed, to test the
server's own validation.`,
		Example: `  sessionlog create 48213 ENTERED
  sessionlog create 48213 entered temporarily_left entered ended -o json`,
		Args:              requireArgs(2, "a session id and at least one action type"),
		ValidArgsFunction: completeCreateArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SessionID, opts.Actions = args[0], args[1:]
			if err := opts.Output.resolve(cmd, f); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCreate(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoValidate, "no-validate", false, "send action types exactly as typed, without checking them")
	opts.Output.register(cmd)
	return cmd
}

func runCreate(ctx context.Context, opts *CreateOptions) error {
	if err := client.ValidateSessionID(opts.SessionID); err != nil {
		return err
	}
	actions, err := parseActions(opts.Actions, opts.NoValidate)
	if err != nil {
		return err
	}
	c, err := opts.Client(ctx)
	if err != nil {
		return err
	}
	w, err := opts.Output.writer(opts.IO, false)
	if err != nil {
		return err
	}
	var created []string
	for i, action := range actions {
		entry, err := c.CreateLog(ctx, opts.SessionID, action)
		if err != nil {
			if closeErr := w.Close(); closeErr != nil {
				return closeErr
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if len(actions) > 1 {
				err = &progressError{summary: progressSummary(created, actions[i], actions[i+1:]), err: err}
			}
			return &sessionError{id: opts.SessionID, err: err}
		}
		created = append(created, string(action))
		if err := w.Write(output.Record{SessionID: opts.SessionID, Position: i + 1, Entry: *entry}); err != nil {
			return err
		}
	}
	return w.Close()
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

// progressError adds to a failure what the run had done before it.
type progressError struct {
	summary string
	err     error
}

func (e *progressError) Error() string { return e.err.Error() + "; " + e.summary }
func (e *progressError) Unwrap() error { return e.err }

// progressSummary says what a stopped create run did, e.g. "created 1 of 3
// entries (ENTERED) before ENDED failed; not sent: LEFT".
func progressSummary(created []string, failed client.ActionType, rest []client.ActionType) string {
	total := len(created) + 1 + len(rest)
	msg := fmt.Sprintf("created %d of %d entries", len(created), total)
	if len(created) > 0 {
		msg += " (" + strings.Join(created, ", ") + ")"
	}
	msg += fmt.Sprintf(" before %s failed", failed)
	if len(rest) > 0 {
		names := make([]string, len(rest))
		for i, a := range rest {
			names[i] = string(a)
		}
		msg += "; not sent: " + strings.Join(names, ", ")
	}
	return msg
}

// completeCreateArgs offers no completion for the session id, then action types.
func completeCreateArgs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeActionTypes(cmd, args, toComplete)
}
