package cmd

import "testing"

func TestSystemIOHonoursNoColor(t *testing.T) {
	tests := []struct {
		noColor, term string
		want          bool
	}{
		{"", "xterm", true},
		{"1", "xterm", false},
		{"", "dumb", false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("TERM", tt.term)
		ios := SystemIO()
		ios.SetStdoutTTY(true)
		if got := ios.ColorEnabled(); got != tt.want {
			t.Errorf("NO_COLOR=%q TERM=%q: colour %v, want %v", tt.noColor, tt.term, got, tt.want)
		}
	}
}
