package output

import (
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

// TestTableColorKeepsAlignment checks that colour adds escape sequences and
// nothing else: stripped of them, the coloured table is the plain one.
func TestTableColorKeepsAlignment(t *testing.T) {
	recs := fixture(t)
	plain := render(t, Options{Format: FormatTable, ShowSession: true}, recs)
	colored := render(t, Options{Format: FormatTable, ShowSession: true, Color: true}, recs)
	if colored == plain {
		t.Fatal("Color: true produced no escape sequences")
	}
	if got := stripANSI(colored); got != plain {
		t.Errorf("coloured table without escapes:\n%s\nwant:\n%s", got, plain)
	}
}

func TestColorAction(t *testing.T) {
	tests := []struct {
		action client.ActionType
		want   string
	}{
		{client.ActionEntered, "\x1b[32mENTERED\x1b[0m"},
		{client.ActionLeft, "\x1b[35mLEFT\x1b[0m"},
		{client.ActionTemporarilyLeft, "\x1b[33mTEMPORARILY_LEFT\x1b[0m"},
		{client.ActionEnded, "\x1b[94mENDED\x1b[0m"},
		{client.ActionCancelled, "\x1b[31mCANCELLED\x1b[0m"},
		{client.ActionCancelRequest, "\x1b[91mCANCEL_REQUEST\x1b[0m"},
		{client.ActionSessionPeriod, "\x1b[36mSESSION_PERIOD\x1b[0m"},
		{"TRANSFERRED", "TRANSFERRED"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := colorAction(tt.action, string(tt.action)); got != tt.want {
			t.Errorf("colorAction(%s) = %q, want %q", tt.action, got, tt.want)
		}
	}
}

// TestTableCells checks what reaches each cell: the description fallback,
// and control characters and bidirectional overrides, which would break rows
// or drive the terminal, made visible as escapes.
func TestTableCells(t *testing.T) {
	tests := []struct {
		name  string
		entry client.LogEntry
		want  string
	}{
		{"text", client.LogEntry{Text: "Customer entered", Date: "2:30 PM", ActionType: client.ActionEntered},
			"#  TIME     ACTION   DESCRIPTION\n1  2:30 PM  ENTERED  Customer entered\n"},
		{"description fallback", client.LogEntry{Date: "2:30 PM", ActionType: client.ActionEnded},
			"#  TIME     ACTION  DESCRIPTION\n1  2:30 PM  ENDED   Session was ended\n"},
		{"unknown type without text", client.LogEntry{Date: "2:30 PM", ActionType: "TRANSFERRED"},
			"#  TIME     ACTION       DESCRIPTION\n1  2:30 PM  TRANSFERRED\n"},
		{"control characters", client.LogEntry{Text: "a\x1b[2Jb\r\nc\td", Date: "2:30\nPM", ActionType: "X\x07"},
			"#  TIME      ACTION  DESCRIPTION\n1  2:30\\nPM  X\\x07   a\\x1b[2Jb\\r\\nc\\td\n"},
		{"bidirectional overrides", client.LogEntry{Text: "\u202egnirts\u202c ok \u2067x\u2069", Date: "2:30 م", ActionType: client.ActionLeft},
			"#  TIME    ACTION  DESCRIPTION\n1  2:30 م  LEFT    \\u202egnirts\\u202c ok \\u2067x\\u2069\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Format: FormatTable}, []Record{{SessionID: "1", Position: 1, Entry: tt.entry}})
			if got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}
