package output

import (
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

// TestActionColorsDistinctAndReadable checks that no two action types
// share a colour, so LEFT and TEMPORARILY_LEFT can be told apart, and that
// none is black or plain blue, which vanish on a dark background.
func TestActionColorsDistinctAndReadable(t *testing.T) {
	unreadable := map[string]bool{"\x1b[30m": true, "\x1b[34m": true}
	seen := map[string]client.ActionType{}
	for _, a := range client.ActionTypes() {
		c, ok := actionColors[a]
		switch {
		case !ok:
			t.Errorf("%s has no colour", a)
		case unreadable[c]:
			t.Errorf("%s is %q, unreadable on a dark background", a, c)
		case seen[c] != "":
			t.Errorf("%s and %s share the colour %q", a, seen[c], c)
		}
		seen[c] = a
	}
}
