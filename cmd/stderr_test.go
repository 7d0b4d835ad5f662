package cmd

import (
	"testing"
)

// TestStderrMessages checks the one writer of stderr messages: plain text
// made safe for a terminal, or one exact JSON object a line.
func TestStderrMessages(t *testing.T) {
	const hostile = "bad \x1b[2J \"quoted\""
	tests := []struct {
		name string
		json bool
		say  func(*IOStreams)
		want string
	}{
		{"warning", false, func(s *IOStreams) { s.Warn(hostile) }, "warning: bad \\x1b[2J \"quoted\"\n"},
		{"notice", false, func(s *IOStreams) { s.Notice(hostile) }, "bad \\x1b[2J \"quoted\"\n"},
		{"json warning", true, func(s *IOStreams) { s.Warn(hostile) }, `{"warning":{"message":"bad \u001b[2J \"quoted\""}}` + "\n"},
		{"json notice", true, func(s *IOStreams) { s.Notice(hostile) }, `{"warning":{"message":"bad \u001b[2J \"quoted\""}}` + "\n"},
		{"json error", true, func(s *IOStreams) { s.ReportError(usageErrorf("no")) }, `{"error":{"kind":"usage","message":"no"}}` + "\n"},
		{"error", false, func(s *IOStreams) { s.ReportError(usageErrorf("no")) }, "error: no\n"},
		{"final notice without a pager", false, func(s *IOStreams) { s.FinalNotice("last") }, "last\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, errOut := TestIO()
			ios.SetJSONMessages(tt.json)
			tt.say(ios)
			if errOut.String() != tt.want {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.want)
			}
		})
	}
}

// TestFinalNoticeWaitsForThePager checks that a final notice written while
// a pager shows the output comes after the pager has quit.
func TestFinalNoticeWaitsForThePager(t *testing.T) {
	isolateEnv(t)
	command, file := fakePager(t)
	ios, _, _, _ := TestIO()
	errOut := &syncBuffer{} // the pager's own stderr is copied there too
	ios.ErrOut = errOut
	ios.SetStdoutTTY(true)
	ios.SetPager(command)
	ios.StartPager()
	if _, err := ios.Out.Write([]byte("paged\n")); err != nil {
		t.Fatal(err)
	}
	ios.FinalNotice("1 of 2 sessions failed: 999 (not found)")
	if errOut.String() != "" {
		t.Errorf("written while the pager runs: %q", errOut.String())
	}
	ios.StopPager()
	if got, want := errOut.String(), "1 of 2 sessions failed: 999 (not found)\n"; got != want {
		t.Errorf("after the pager: %q, want %q", got, want)
	}
	if got := readPaged(t, file); got != "paged\n" {
		t.Errorf("the pager received %q", got)
	}
}
