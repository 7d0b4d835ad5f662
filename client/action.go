package client

import (
	"fmt"
	"strings"

	"github.com/sessionlog/sessionlog/internal/editdist"
)

// ActionType is the kind of event an activity-log entry records.
type ActionType string

// The action types the API documents.
const (
	ActionEntered         ActionType = "ENTERED"
	ActionLeft            ActionType = "LEFT"
	ActionEnded           ActionType = "ENDED"
	ActionCancelled       ActionType = "CANCELLED"
	ActionTemporarilyLeft ActionType = "TEMPORARILY_LEFT"
	ActionCancelRequest   ActionType = "CANCEL_REQUEST"
	ActionSessionPeriod   ActionType = "SESSION_PERIOD"
)

var actionDescriptions = map[ActionType]string{
	ActionEntered:         "Customer entered the session",
	ActionLeft:            "Customer left the session",
	ActionEnded:           "Session was ended",
	ActionCancelled:       "Session was cancelled",
	ActionTemporarilyLeft: "Customer temporarily left the session",
	ActionCancelRequest:   "Request to cancel the session",
	ActionSessionPeriod:   "Session period record",
}

// ActionTypes returns the documented action types in the API document's order.
func ActionTypes() []ActionType {
	return []ActionType{
		ActionEntered, ActionLeft, ActionEnded, ActionCancelled,
		ActionTemporarilyLeft, ActionCancelRequest, ActionSessionPeriod,
	}
}

// Valid reports whether a is one of the documented action types.
func (a ActionType) Valid() bool {
	_, ok := actionDescriptions[a]
	return ok
}

// Description returns the documented English meaning of a, or "" for an
// action type the API does not document.
func (a ActionType) Description() string {
	return actionDescriptions[a]
}

// UnknownActionError reports an action type that is not one of ActionTypes.
type UnknownActionError struct {
	Input string
	// Suggestion is the closest valid action type, or "" when none is close.
	Suggestion ActionType
}

// Error names the input, the valid action types and the suggestion, if any.
func (e *UnknownActionError) Error() string {
	names := make([]string, 0, len(actionDescriptions))
	for _, a := range ActionTypes() {
		names = append(names, string(a))
	}
	msg := fmt.Sprintf("unknown action type %q (valid: %s)", e.Input, strings.Join(names, ", "))
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; did you mean %s?", e.Suggestion)
	}
	return msg
}

// ParseActionType turns user input such as "entered" or " Temporarily_Left "
// into an ActionType. Case and surrounding space do not matter, and "-" may
// stand for "_". An unknown value returns an *UnknownActionError.
func ParseActionType(s string) (ActionType, error) {
	norm := ActionType(strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), "-", "_")))
	if norm.Valid() {
		return norm, nil
	}
	return "", &UnknownActionError{Input: s, Suggestion: closestAction(string(norm))}
}

// closestAction returns the valid action type nearest to s by edit distance,
// or by prefix, when it is near enough to be a likely typo.
func closestAction(s string) ActionType {
	if s == "" {
		return ""
	}
	best, bestDist := ActionType(""), -1
	for _, a := range ActionTypes() {
		if strings.HasPrefix(string(a), s) && len(s) >= 3 {
			return a
		}
		d := editdist.Distance(s, string(a))
		if bestDist < 0 || d < bestDist {
			best, bestDist = a, d
		}
	}
	if bestDist <= max(2, len(s)/4) {
		return best
	}
	return ""
}
