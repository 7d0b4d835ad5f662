package client

import (
	"errors"
	"testing"
)

func TestActionTypes(t *testing.T) {
	want := []ActionType{"ENTERED", "LEFT", "ENDED", "CANCELLED", "TEMPORARILY_LEFT", "CANCEL_REQUEST", "SESSION_PERIOD"}
	got := ActionTypes()
	if len(got) != len(want) {
		t.Fatalf("ActionTypes() = %v", got)
	}
	for i, a := range got {
		if a != want[i] || !a.Valid() || a.Description() == "" {
			t.Errorf("ActionTypes()[%d] = %q (valid %v, description %q)", i, a, a.Valid(), a.Description())
		}
	}
	if ActionTemporarilyLeft.Description() != "Customer temporarily left the session" {
		t.Errorf("description %q", ActionTemporarilyLeft.Description())
	}
	if ActionType("entered").Valid() || ActionType("BOGUS").Description() != "" {
		t.Error("an undocumented action type counts as valid")
	}
}

func TestParseActionType(t *testing.T) {
	tests := []struct {
		in         string
		want       ActionType
		suggestion ActionType // for an unknown input
	}{
		{"ENTERED", ActionEntered, ""},
		{"entered", ActionEntered, ""},
		{" Temporarily_Left ", ActionTemporarilyLeft, ""},
		{"temporarily-left", ActionTemporarilyLeft, ""},
		{"cancel-request", ActionCancelRequest, ""},
		{"Session_Period", ActionSessionPeriod, ""},
		{"ended\n", ActionEnded, ""},
		{"enterd", "", ActionEntered},
		{"ENTER", "", ActionEntered},
		{"canceled", "", ActionCancelled},
		{"CANCEL", "", ActionCancelled},
		{"TEMP", "", ActionTemporarilyLeft},
		{"session period", "", ActionSessionPeriod},
		{"sesion_periud", "", ActionSessionPeriod},
		{"LE", "", ActionLeft},
		{"xyz", "", ""},
		{"LEAVE", "", ""},
		{"", "", ""},
		{"دخل", "", ""},
	}
	for _, tt := range tests {
		got, err := ParseActionType(tt.in)
		if tt.want != "" {
			if got != tt.want || err != nil {
				t.Errorf("ParseActionType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		var unknown *UnknownActionError
		if got != "" || !errors.As(err, &unknown) || unknown.Input != tt.in || unknown.Suggestion != tt.suggestion {
			t.Errorf("ParseActionType(%q) = %q, %#v; want an UnknownActionError suggesting %q", tt.in, got, err, tt.suggestion)
		}
	}
}

func TestUnknownActionErrorMessage(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"enterd", `unknown action type "enterd" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD); did you mean ENTERED?`},
		{"xyz", `unknown action type "xyz" (valid: ENTERED, LEFT, ENDED, CANCELLED, TEMPORARILY_LEFT, CANCEL_REQUEST, SESSION_PERIOD)`},
	}
	for _, tt := range tests {
		_, err := ParseActionType(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseActionType(%q) error %q, want %q", tt.in, err, tt.want)
		}
	}
}
