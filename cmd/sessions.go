// Helpers shared by the commands that take session ids: argument checks,
// completion, the set-up of a run and the reporting of failed sessions.

package cmd

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/output"
)

// parseSessionIDs reads session ids as people paste them from tickets and
// chats: each argument may hold several ids separated by commas ("1001,1002"
// or "1001, 1002"), each id may have spaces around it and a leading "#"
// ("#1001"). Empty items between commas are skipped; every id left is then
// checked with client.ValidateSessionID, so that none that cannot be sent
// reaches a request.
func parseSessionIDs(args []string) ([]string, error) {
	ids := make([]string, 0, len(args))
	for _, arg := range args {
		n := len(ids)
		for item := range strings.SplitSeq(arg, ",") {
			if id := cleanSessionID(item); id != "" {
				ids = append(ids, id)
			}
		}
		if len(ids) > n {
			continue
		}
		if err := client.ValidateSessionID(arg); err != nil {
			return nil, err // empty or blank
		}
		return nil, usageErrorf("%q names no session id", arg)
	}
	for _, id := range ids {
		if err := client.ValidateSessionID(id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// parseSessionID is parseSessionIDs for a command that takes exactly one id.
func parseSessionID(arg string) (string, error) {
	ids, err := parseSessionIDs([]string{arg})
	if err != nil {
		return "", err
	}
	if len(ids) != 1 {
		return "", usageErrorf("%q names %d sessions; this command takes one session id", arg, len(ids))
	}
	return ids[0], nil
}

// commandLineReading says how parseSessionIDs reads id when not as exactly
// itself: `"1001"` for "#1001" or " 1001", `2 ids, "1001" and "1002"` for
// "1001,1002", `no id` for "#"; "" when it reads id as itself.
//
// An injection file (create --from-file) is written by scripts for runs
// that must repeat exactly, so its ids are taken as written, never
// cleaned: "#1001" silently sent as 1001 would write entries into a
// session the file does not name. An id that the command line would read
// differently is refused instead, with its line and column, so that an id
// means one session wherever it is given.
func commandLineReading(id string) string {
	ids, err := parseSessionIDs([]string{id})
	switch {
	case err != nil || len(ids) == 0:
		return "no id"
	case len(ids) > 1:
		quoted := make([]string, len(ids))
		for i, id := range ids {
			quoted[i] = strconv.Quote(id)
		}
		return fmt.Sprintf("%d ids, %s", len(ids), andList(quoted))
	case ids[0] != id:
		return strconv.Quote(ids[0])
	}
	return ""
}

// cleanSessionID trims the spaces around one pasted id and a leading "#".
func cleanSessionID(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSpace(strings.TrimPrefix(s, "#"))
}

// sessionsClient returns the run's settings and API client; the session
// ids were checked by parseSessionIDs before.
func sessionsClient(ctx context.Context, settings func() (*Settings, error),
	newClient func(context.Context) (*client.Client, error)) (*Settings, *client.Client, error) {
	s, err := settings()
	if err != nil {
		return nil, nil, err
	}
	c, err := newClient(ctx)
	if err != nil {
		return nil, nil, err
	}
	return s, c, nil
}

// sessionFailures reports each session's failure as it happens, so that
// the others go on, and keeps the first, whose exit code the run ends with.
// With several sessions, its last line sums them up, where people look:
// "2 of 4 sessions failed: 999 (not found), 1006 (rate limited)".
type sessionFailures struct {
	ios   *IOStreams
	total int // sessions requested
	first error
	// failed names each failed session with its error kind in words.
	failed []string
	// empty lists the sessions that had no entries to show.
	empty []string
}

// add reports session id's failure and returns its machine-readable form.
func (f *sessionFailures) add(id string, err error) output.ErrorInfo {
	err = &sessionError{id: id, err: err}
	f.ios.ReportError(err)
	info := describe(err)
	f.failed = append(f.failed, fmt.Sprintf("%s (%s)", idInList(id), strings.ReplaceAll(info.Kind, "_", " ")))
	if f.first == nil {
		f.first = err
	}
	return info
}

// addEmpty notes that session id had no entries to show.
func (f *sessionFailures) addEmpty(id string) {
	f.empty = append(f.empty, idInList(id))
}

// end is the run's outcome once closing its output returned closeErr;
// with several sessions it first writes the lines that name the sessions
// with no entries (why: emptyWhy) and those that failed.
func (f *sessionFailures) end(closeErr error, emptyWhy string) error {
	err := firstFailure(f.ios, f.first, closeErr)
	if f.total > 1 && len(f.empty) > 0 {
		f.ios.FinalNotice(fmt.Sprintf("%d of %d sessions with %s: %s", len(f.empty), f.total, emptyWhy, strings.Join(f.empty, ", ")))
	}
	if f.total > 1 && len(f.failed) > 0 {
		f.ios.FinalNotice(fmt.Sprintf("%d of %d sessions failed: %s", len(f.failed), f.total, strings.Join(f.failed, ", ")))
	}
	return err
}

// idInList is a session id as a list of ids shows it: as it is when it is
// made of letters, digits, '-', '_' and '.', else quoted, so that a space
// or a comma in it shows.
func idInList(id string) string {
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.", r) {
			return strconv.Quote(id)
		}
	}
	return id
}

// firstFailure is the outcome of a run whose first failed session or row
// (already reported) was first, and whose output ended with outputErr, such
// as a --jq runtime error. A failed session wins, so that its exit code
// tells a script that something was not done; outputErr is then reported
// beside it.
func firstFailure(ios *IOStreams, first, outputErr error) error {
	switch {
	case first == nil:
		return outputErr
	case outputErr != nil && !pagerQuit(outputErr):
		ios.ReportError(outputErr)
	}
	return &reportedError{first: first}
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
