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
		{"no", `"no"`},
		{"on", `"on"`},
		{"OFF", `"OFF"`},
		{"y", `"y"`},
		{"N", `"N"`},
		{"~", `"~"`},
		{"NULL", `"NULL"`},
		{"False", `"False"`},
		{"0x1f", `"0x1f"`},
		{"017", `"017"`},
		{"0b101", `"0b101"`},
		{"1e3", `"1e3"`},
		{"1_000", `"1_000"`},
		{"+12", `"+12"`},
		{".5", `".5"`},
		{".inf", `".inf"`},
		{"-.Inf", `"-.Inf"`},
		{".NaN", `".NaN"`},
		{"190:20:30.15", `"190:20:30.15"`},
		{"2001-12-14", `"2001-12-14"`},
		{"2001-12-14t21:59:43.10-05:00", `"2001-12-14t21:59:43.10-05:00"`},
		{"2001-12-14 21:59:43.10 -5", `"2001-12-14 21:59:43.10 -5"`},
		{"=", `"="`},
		{"<<", `"<<"`},
		{"nO", "nO"},
		{"1,000", "1,000"},
	}
	for _, tt := range tests {
		rec := Record{SessionID: "s", Entry: client.LogEntry{Text: tt.text, Date: "d", ActionType: "A"}}
		got := render(t, Options{Format: FormatYAML}, []Record{rec})
		want := "- session_id: s\n  position: null\n  text: " + tt.want + "\n  date: d\n  action_type: A\n"
		if got != want {
			t.Errorf("text %q:\ngot  %q\nwant %q", tt.text, got, want)
		}
	}
}

// TestYAMLQuotesKeys checks that server keys are quoted by the same rule as
// values.
func TestYAMLQuotesKeys(t *testing.T) {
	raw := `{"yes":1,"14:30":"x","~":null,"0x1f":true,"plain":"on"}`
	rec := Record{SessionID: "s", Entry: client.LogEntry{Raw: []byte(raw)}}
	got := render(t, Options{Format: FormatYAML}, []Record{rec})
	want := "- session_id: s\n  position: null\n  \"yes\": 1\n  \"14:30\": x\n  \"~\": null\n  \"0x1f\": true\n  plain: \"on\"\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
