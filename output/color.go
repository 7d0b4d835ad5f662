package output

import (
	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// ANSI SGR sequences used by the table: the eight basic colours and the
// bright ones, which every terminal palette keeps readable on a dark
// background (plain blue is not: it is near black on many).
const (
	ansiReset      = "\x1b[0m"
	ansiBold       = "\x1b[1m"
	ansiRed        = "\x1b[31m"
	ansiGreen      = "\x1b[32m"
	ansiYellow     = "\x1b[33m"
	ansiMagenta    = "\x1b[35m"
	ansiCyan       = "\x1b[36m"
	ansiBrightRed  = "\x1b[91m"
	ansiBrightBlue = "\x1b[94m"
)

// actionColors maps each documented action type to its colour, one colour
// each: LEFT (gone) apart from TEMPORARILY_LEFT (coming back), and the two
// cancel actions in two shades of red.
var actionColors = map[client.ActionType]string{
	client.ActionEntered:         ansiGreen,
	client.ActionLeft:            ansiMagenta,
	client.ActionTemporarilyLeft: ansiYellow,
	client.ActionEnded:           ansiBrightBlue,
	client.ActionCancelled:       ansiRed,
	client.ActionCancelRequest:   ansiBrightRed,
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
