package mockapi

import (
	"fmt"
	"time"
)

// ActionType is the kind of a session-log entry, spelled as on the wire.
type ActionType string

// The seven action types the API documents.
const (
	ActionEntered         ActionType = "ENTERED"
	ActionLeft            ActionType = "LEFT"
	ActionEnded           ActionType = "ENDED"
	ActionCancelled       ActionType = "CANCELLED"
	ActionTemporarilyLeft ActionType = "TEMPORARILY_LEFT"
	ActionCancelRequest   ActionType = "CANCEL_REQUEST"
	ActionSessionPeriod   ActionType = "SESSION_PERIOD"
)

// actionTexts holds each documented action type's entry text. SESSION_PERIOD
// has none: its text is computed by periodText.
var actionTexts = map[ActionType]string{
	ActionEntered:         "Customer entered the session",
	ActionLeft:            "Customer left the session",
	ActionEnded:           "Session was ended",
	ActionCancelled:       "Session was cancelled",
	ActionTemporarilyLeft: "Customer temporarily left the session",
	ActionCancelRequest:   "Request to cancel the session",
	ActionSessionPeriod:   "",
}

// valid reports whether a is one of the documented action types.
func (a ActionType) valid() bool {
	_, ok := actionTexts[a]
	return ok
}

// ends reports whether an entry of type a ends its session.
func (a ActionType) ends() bool {
	return a == ActionEnded || a == ActionCancelled
}

// periodText is the SESSION_PERIOD text for a session that lasted d,
// counted in whole minutes.
func periodText(d time.Duration) string {
	m := int64(max(d, 0) / time.Minute)
	if m == 1 {
		return "Session period: 1 minute"
	}
	return fmt.Sprintf("Session period: %d minutes", m)
}
