package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
)

// ListOptions are the inputs of `sessionlog list`.
type ListOptions struct {
	IO       *IOStreams
	Client   func(context.Context) (*client.Client, error)
	Settings func() (*Settings, error)

	SessionIDs []string
	Page       int
	Limit      int
	Actions    []string
	Output     outputFlags
}

func newListCmd(f *Factory, runF func(context.Context, *ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, Client: f.Client, Settings: f.Settings}
	cmd := &cobra.Command{
		Use:   "list SESSION_ID...",
		Short: "Show the activity log of one or more sessions",
		Long: `Show the timeline of each session, oldest entry first, following every page.

With several session ids the sessions are fetched concurrently and printed in
the order given; a session that fails does not stop the others, and the exit
code is that of the first failure.`,
		Example: `  sessionlog list 48213
  sessionlog list 48213 48214 --action TEMPORARILY_LEFT,ENTERED
  sessionlog list 48213 -o csv > timeline.csv
  sessionlog list 48213 --jq '.[] | select(.action_type == "ENDED") | .date'`,
		Args:              requireArgs(1, "a session id"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SessionIDs = args
			if err := opts.Output.resolve(cmd, f); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runList(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.Int("per-page", defaultInt(keyPerPage), "entries asked of the server per page")
	fl.IntVar(&opts.Page, "page", 0, "show only this page (no page-following)")
	fl.IntVar(&opts.Limit, "limit", 0, "show at most this many entries, fetching no more pages than needed")
	fl.Int("concurrency", defaultInt(keyConcurrency), "requests in flight at once")
	fl.StringSliceVar(&opts.Actions, "action", nil, "show only these action types (repeatable or comma-separated)")
	markSettingFlags(fl, "per-page", "concurrency")
	_ = cmd.RegisterFlagCompletionFunc("action", completeActionTypes)
	opts.Output.register(cmd)
	return cmd
}

func runList(ctx context.Context, opts *ListOptions) error {
	filter, err := parseActionFilter(opts.Actions)
	if err != nil {
		return err
	}
	if opts.Page < 0 || opts.Limit < 0 {
		return usageErrorf("--page and --limit take a positive number")
	}
	for _, id := range opts.SessionIDs {
		if err := client.ValidateSessionID(id); err != nil {
			return err
		}
	}
	settings, err := opts.Settings()
	if err != nil {
		return err
	}
	c, err := opts.Client(ctx)
	if err != nil {
		return err
	}
	w, err := opts.Output.writer(opts.IO, len(opts.SessionIDs) > 1)
	if err != nil {
		return err
	}
	req := timelineRequest{PerPage: settings.PerPage, Page: opts.Page, Limit: opts.Limit, Filter: filter}
	var first error
	for res := range fetchTimelines(ctx, c, opts.SessionIDs, req, settings.Concurrency) {
		for _, rec := range res.records {
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		if res.err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			opts.Output.reportError(opts.IO, &sessionError{id: res.id, err: res.err})
			if first == nil {
				first = res.err
			}
			continue
		}
		if len(res.records) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "session %s: %s\n", res.id, emptyNotice(req))
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	if first != nil {
		return &reportedError{first: first}
	}
	return nil
}

func emptyNotice(req timelineRequest) string {
	switch {
	case len(req.Filter) > 0:
		return "no log entries of the chosen action types"
	case req.Page > 0:
		return fmt.Sprintf("no log entries on page %d", req.Page)
	default:
		return "no log entries yet"
	}
}

// parseActionFilter turns --action values into a set of action types.
func parseActionFilter(values []string) (map[client.ActionType]bool, error) {
	if len(values) == 0 {
		return nil, nil
	}
	filter := map[client.ActionType]bool{}
	for _, v := range values {
		a, err := client.ParseActionType(v)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("--action: %w", err)}
		}
		filter[a] = true
	}
	return filter, nil
}

// requireArgs is cobra.MinimumNArgs with a message that names what is missing.
func requireArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf("%s needs %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

// completeActionTypes suggests the documented action types with their meaning.
func completeActionTypes(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, a := range client.ActionTypes() {
		if strings.HasPrefix(string(a), strings.ToUpper(toComplete)) {
			out = append(out, string(a)+"\t"+a.Description())
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
