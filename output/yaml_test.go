package output

import (
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

// TestYAMLQuoting checks which strings the yaml format quotes: those that a
// YAML 1.2 or a YAML 1.1 parser would read as another type.
func TestYAMLQuoting(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Customer entered", "Customer entered"},
		{"2:30 PM", "2:30 PM"},
		{"٢:٣٠ م", "٢:٣٠ م"},
		{"14:30", `"14:30"`},
		{"1:02:03", `"1:02:03"`},
		{"2:61", "2:61"},
		{"yes", `"yes"`},
		{"Off", `"Off"`},
		{"true", `"true"`},
		{"12", `"12"`},
		{"null", `"null"`},
		{"", `""`},
	}
	for _, tt := range tests {
		rec := Record{SessionID: "s", Entry: client.LogEntry{Text: tt.text, Date: "d", ActionType: "A"}}
		got := render(t, Options{Format: FormatYAML}, []Record{rec})
		want := "- session_id: s\n  text: " + tt.want + "\n  date: d\n  action_type: A\n"
		if got != want {
			t.Errorf("text %q:\ngot  %q\nwant %q", tt.text, got, want)
		}
	}
}
