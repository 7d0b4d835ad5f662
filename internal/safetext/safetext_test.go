package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerminal(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII", "Session was ended", "Session was ended"},
		{"Arabic", "دخل العميل الجلسة", "دخل العميل الجلسة"},
		{"direction marks stay", "\u200fم 2:30", "\u200fم 2:30"},
		{"emoji with joiner stays", "👩\u200d💻", "👩\u200d💻"},
		{"clear screen", "a\x1b[2Jb", `a\x1b[2Jb`},
		{"window title", "\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"clipboard write", "\x1b]52;c;ZWNobyBoaQ==\x07", `\x1b]52;c;ZWNobyBoaQ==\x07`},
		{"carriage return", "ok\rfake", `ok\rfake`},
		{"newline and tab", "a\nb\tc", `a\nb\tc`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`},
		{"C1 CSI", "a\u009b31mred", `a\u009b31mred`},
		{"right-to-left override", "abc\u202edef", `abc\u202edef`},
		{"isolates", "\u2066x\u2069", `\u2066x\u2069`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terminal(tt.in); got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got, want := Safe(tt.in), tt.in == tt.want; got != want {
				t.Errorf("Safe(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one\n  two", "one\n  two"},
		{"a\x1b[2J\nb\r\n\u202ec\n", `a\x1b[2J` + "\n" + `b\r` + "\n" + `\u202ec` + "\n"},
		{"\t\n", `\t` + "\n"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Lines(tt.in); got != tt.want {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminalDoesNotCopySafeText(t *testing.T) {
	s := strings.Repeat("Customer entered the session ", 10)
	if allocs := testing.AllocsPerRun(100, func() { _ = Terminal(s) }); allocs != 0 {
		t.Errorf("Terminal on safe text allocated %v times, want 0", allocs)
	}
}

func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\u202e", "\xff", "م\u200f", "\u009b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Terminal(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Terminal(%q) = %q, not valid UTF-8", s, got)
		}
		if !Safe(got) {
			t.Fatalf("Terminal(%q) = %q, still unsafe", s, got)
		}
		if Terminal(got) != got {
			t.Fatalf("Terminal is not idempotent on %q", s)
		}
	})
}
