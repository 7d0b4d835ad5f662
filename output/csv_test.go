package output

import (
	"testing"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

func TestInertCell(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-", "'-"},
		{"-120", "-120"}, // a whole number stays a number
		{"+5", "+5"},
		{"", ""},
		{"Customer entered", "Customer entered"},
		{"a=b", "a=b"},
		{"'quoted", "'quoted"},
	}
	for _, tt := range tests {
		if got := inertCell(tt.cell); got != tt.want {
			t.Errorf("inertCell(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

// TestCSVFormulasAreInert checks every csv output: entries (with gaps),
// summaries and injection results.
func TestCSVFormulasAreInert(t *testing.T) {
	entry := client.LogEntry{Text: "=1+2", Date: "@now", ActionType: "-X"}
	tests := []struct {
		name, got, want string
	}{
		{"list", render(t, Options{Format: FormatCSV, Gaps: true}, []Record{{SessionID: "+1x", Position: 1, Entry: entry}}),
			"session_id,position,date,action_type,text,gap_seconds\r\n'+1x,1,'@now,'-X,'=1+2,\r\n"},
		{"summary", renderSummaries(t, Options{Format: FormatCSV, NoHeaders: true}, []SummaryRow{
			{Summary: timeline.Summary{SessionID: "=s", Status: timeline.StatusEnded, Entries: 1, First: "\t9", Last: "-1"}}}),
			"'=s,ended,1,'\t9,-1,0,,false,,\r\n"},
		{"injection report", renderWith(t, NewResultWriter, Options{Format: FormatCSV, NoHeaders: true}, []Result{
			{Line: 3, SessionID: "1", Action: client.ActionEntered, Status: ResultCreated, Entry: &entry},
			{Line: 4, SessionID: "1", Action: client.ActionLeft, Status: ResultFailed, Error: &ErrorInfo{Message: "=cmd"}}}),
			"3,1,ENTERED,created,'@now,'=1+2,\r\n4,1,LEFT,failed,,,'=cmd\r\n"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.name, tt.got, tt.want)
		}
	}
}
