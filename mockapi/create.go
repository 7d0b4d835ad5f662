package mockapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

// create answers POST: it records the body's action_type in session id.
// readOK is false when the body could not be read whole.
func (h *Handler) create(id, contentType string, body []byte, readOK bool) reply {
	var a ActionType
	if readOK {
		a = parseAction(contentType, body)
	}
	e, err := h.appendAction(id, a)
	switch {
	case errors.Is(err, errNoSession):
		return sessionNotFound()
	case errors.Is(err, errEnded):
		return failure(http.StatusUnprocessableEntity, msgEnded, nil)
	case err != nil:
		return failure(http.StatusUnprocessableEntity, msgInvalid, map[string][]string{"action_type": {msgInvalidAction}})
	}
	return success(msgSaved, e.wire(h.loc))
}

// laravelTrimSet is what Laravel's TrimStrings middleware trims.
const laravelTrimSet = " \t\n\v\f\r\uFEFF\u200B\u200E"

// parseAction returns the body's action_type as Laravel would see it, or
// "" when there is none: the body is read only when contentType is JSON
// (Request::isJson), keys match case-sensitively, and the string is trimmed.
func parseAction(contentType string, body []byte) ActionType {
	if !strings.Contains(contentType, "/json") && !strings.Contains(contentType, "+json") {
		return ""
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return ""
	}
	var s string
	if err := json.Unmarshal(fields["action_type"], &s); err != nil {
		return ""
	}
	return ActionType(strings.Trim(s, laravelTrimSet))
}
