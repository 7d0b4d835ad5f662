package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/safetext"
	"github.com/sessionlog/sessionlog/output"
)

// sessionError ties a failure to the session it concerns.
type sessionError struct {
	id  string
	err error
}

func (e *sessionError) Error() string { return fmt.Sprintf("session %q: %s", e.id, e.err) }
func (e *sessionError) Unwrap() error { return e.err }

// invalidRowsError is an injection file with invalid rows; nothing was sent.
type invalidRowsError struct {
	headline string       // e.g. "rows.jsonl: 2 invalid row(s), nothing was sent"
	text     string       // the headline and the problems, one a line
	problems []rowProblem // every problem, in line order
}

func (e *invalidRowsError) Error() string { return e.text }

// rowErrors lists every problem with its line (nil when it has none) and
// its message without the "line N: " (or "line N, column C: ") that the
// text puts first.
func (e *invalidRowsError) rowErrors() []output.RowError {
	rows := make([]output.RowError, len(e.problems))
	for i, p := range e.problems {
		rows[i].Error = strings.TrimPrefix(p.msg, p.where())
		if p.line > 0 {
			rows[i].Line = &p.line
		}
		if p.column > 0 {
			rows[i].Column = &p.column
		}
	}
	return rows
}

// describe turns err into its machine-readable form, with a plain-English
// headline as its message.
func describe(err error) output.ErrorInfo {
	var r output.ErrorInfo
	var se *sessionError
	if errors.As(err, &se) {
		r.SessionID = se.id
	}
	var progress *progressError
	if errors.As(err, &progress) {
		r.CreateProgress = progress.progress()
	}
	var apiErr *client.Error
	var invalidRows *invalidRowsError
	var usage *UsageError
	var config *ConfigError
	var unknownAction *client.UnknownActionError
	switch {
	case errors.As(err, &invalidRows):
		r.Kind, r.Message, r.Rows = string(client.KindInvalidInput), invalidRows.headline, invalidRows.rowErrors()
	case errors.Is(err, context.Canceled):
		r.Kind, r.Message = "interrupted", "interrupted"
		if errors.As(err, &apiErr) && apiErr.Kind == client.KindUncertain {
			r.Message += "; " + apiHeadline(r.SessionID, apiErr)
		}
	case errors.As(err, &apiErr):
		r.Kind, r.Status = reportKind(apiErr), apiErr.StatusCode
		r.ServerMessage, r.Fields = apiErr.Message, apiErr.Fields
		r.Message = apiHeadline(r.SessionID, apiErr)
	case errors.As(err, &usage), errors.As(err, &unknownAction):
		r.Kind, r.Message = "usage", err.Error()
	case errors.As(err, &config):
		r.Kind, r.Message = "config", err.Error()
	default:
		r.Kind, r.Message = "error", err.Error()
	}
	return r
}

// apiHeadline says in English what failed, e.g. "session 999 not found (HTTP 404)".
func apiHeadline(sessionID string, e *client.Error) string {
	var b strings.Builder
	switch {
	case e.Kind == client.KindEndpointNotFound:
		return endpointAdvice(e)
	case sessionID != "" && e.Kind == client.KindNotFound:
		fmt.Fprintf(&b, "session %q not found", sessionID)
	case sessionID != "":
		fmt.Fprintf(&b, "session %q: %s", sessionID, apiExplanation(e))
	default:
		b.WriteString(apiExplanation(e))
	}
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	if e.Message == "" && e.Err != nil && !strings.Contains(b.String(), e.Err.Error()) {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// apiExplanation is the client's account of e with what the user can do
// about it, written from the error's facts.
func apiExplanation(e *client.Error) string {
	s := e.Explanation
	if e.RedirectedTo != "" {
		s += "; if the API has moved, set the base URL to its new address"
	}
	if e.Uncertain {
		s += "; check with `sessionlog list`"
	}
	return s
}

// writeError prints err to w in one or two plain lines, plus one line per
// validation message; the server's own words are quoted with their English.
// Every line goes through the sanitiser: messages, field names and session
// ids may come from the server or the command line.
func writeError(w io.Writer, err error) {
	r := describe(err)
	headline := safetext.Lines(r.Message)
	var invalidRows *invalidRowsError
	if errors.As(err, &invalidRows) {
		headline = safetext.Lines(invalidRows.text) // the list of invalid rows, one a line
	}
	var apiErr *client.Error
	if errors.As(err, &apiErr) {
		// The headline quotes the server (field names and messages): one line.
		headline = safetext.Terminal(r.Message)
	}
	fmt.Fprintf(w, "error: %s\n", headline)
	if r.ServerMessage != "" {
		fmt.Fprintf(w, "  server message: %s\n", withTranslation(r.ServerMessage))
	}
	for _, name := range slices.Sorted(maps.Keys(r.Fields)) {
		for _, msg := range r.Fields[name] {
			fmt.Fprintf(w, "  %s: %s\n", safetext.Terminal(name), withTranslation(msg))
		}
	}
	var progress *progressError
	if errors.As(err, &progress) {
		fmt.Fprintln(w, safetext.Terminal(progress.summary()))
	}
}

// withTranslation makes a server message safe for the terminal and appends
// the English meaning of a known API message.
func withTranslation(msg string) string {
	safe := safetext.Terminal(msg)
	if english, ok := client.Translate(msg); ok && english != msg {
		return fmt.Sprintf("%s (%q)", safe, english)
	}
	return safe
}

// writeJSONError prints err to w as one JSON object on one line.
func writeJSONError(w io.Writer, err error) {
	b, _ := json.Marshal(map[string]output.ErrorInfo{"error": describe(err)})
	fmt.Fprintf(w, "%s\n", b)
}

// printError reports the error a command returned, unless the command
// reported it already; usage errors get a pointer to the command's help
// (not under JSON messages, where every stderr line is a JSON object).
func printError(ios *IOStreams, commandPath string, err error) {
	var reported *reportedError
	if errors.As(err, &reported) {
		return
	}
	ios.ReportError(err)
	var usage *UsageError
	if errors.As(err, &usage) && !ios.JSONMessages() {
		fmt.Fprintf(ios.ErrOut, "Run '%s --help' for usage.\n", commandPath)
	}
}
