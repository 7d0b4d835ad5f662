package output

import (
	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// ANSI SGR sequences used by the table.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiBlue    = "\x1b[34m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
)

// actionColors maps each documented action type to its colour.
var actionColors = map[client.ActionType]string{
	client.ActionEntered:         ansiGreen,
	client.ActionLeft:            ansiYellow,
	client.ActionTemporarilyLeft: ansiYellow,
	client.ActionEnded:           ansiBlue,
	client.ActionCancelled:       ansiRed,
	client.ActionCancelRequest:   ansiMagenta,
	client.ActionSessionPeriod:   ansiCyan,
}

// colorAction returns s wrapped in the colour of action a, or s unchanged
// when a is not a documented action type.
func colorAction(a client.ActionType, s string) string {
	c, ok := actionColors[a]
	if !ok || s == "" {
		return s
	}
	return c + s + ansiReset
}

// statusActions gives each session status the colour of the action that
// brings it about; a session in progress is green like ENTERED.
var statusActions = map[timeline.Status]client.ActionType{
	timeline.StatusInProgress:      client.ActionEntered,
	timeline.StatusEnded:           client.ActionEnded,
	timeline.StatusCancelled:       client.ActionCancelled,
	timeline.StatusCancelRequested: client.ActionCancelRequest,
}

// colorStatus returns s wrapped in the colour of status st, or s unchanged
// for a status without one (no entries).
func colorStatus(st timeline.Status, s string) string {
	return colorAction(statusActions[st], s)
}

// bold returns s wrapped in the bold SGR sequence.
func bold(s string) string {
	return ansiBold + s + ansiReset
}
