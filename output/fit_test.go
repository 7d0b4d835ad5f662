package output

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/internal/safetext"
)

func TestFitWidths(t *testing.T) {
	list := []string{"#", "TIME", "ACTION", "DESCRIPTION"}
	summary := []string{"SESSION", "STATUS", "ENTRIES", "FIRST", "LAST", "AWAY", "TIME AWAY"}
	vital := []string{"SESSION", "STATUS", "DURATION", "AWAY", "TIME AWAY"}
	tests := []struct {
		name    string
		header  []string
		natural []int
		limit   int
		want    []int
	}{
		{"no limit", list, []int{2, 8, 16, 37}, 0, []int{2, 8, 16, 37}},
		{"fits exactly", list, []int{2, 8, 16, 37}, 69, []int{2, 8, 16, 37}},
		{"the description gives way first", list, []int{2, 8, 16, 37}, 60, []int{2, 8, 16, 28}},
		{"down to its comfort, then ACTION", list, []int{2, 8, 16, 37}, 40, []int{2, 8, 12, 12}},
		{"30 columns: both down to their least", list, []int{2, 8, 16, 37}, 30, []int{2, 8, 9, 5}},
		{"too narrow for anything: as narrow as allowed", list, []int{2, 8, 16, 37}, 20, []int{2, 8, 7, 4}},
		{"a short description is not widened", list, []int{2, 8, 16, 5}, 30, []int{2, 8, 9, 5}},
		{"summary keeps hours and minutes away", summary, []int{7, 11, 7, 8, 8, 4, 18}, 60, []int{7, 7, 7, 8, 8, 4, 7}},
		{"STATUS gives way to \"in progress\" before TIME AWAY", vital, []int{7, 16, 8, 4, 18}, 60, []int{7, 15, 8, 4, 18}},
		{"then TIME AWAY to its header", vital, []int{7, 16, 8, 4, 18}, 50, []int{7, 11, 8, 4, 12}},
		{"unknown columns never shrink", []string{"A", "B"}, []int{10, 10}, 5, []int{10, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitWidths(tt.header, tt.natural, tt.limit); !slices.Equal(got, tt.want) {
				t.Errorf("fitWidths(%d) = %v, want %v", tt.limit, got, tt.want)
			}
		})
	}
}

// TestTruncate cuts text of every kind the API sends, by display width:
// Arabic letters take a column each and their vowel marks none, East Asian
// ideographs two, combining accents none, and no cut falls inside a
// grapheme cluster or drops a colour reset.
func TestTruncate(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"fits", "Customer left", 13, "Customer left"},
		{"ASCII", "Customer left the session", 10, "Customer …"},
		{"Arabic", "انتهت الجلسة", 6, "انتهت…"},
		{"Arabic with vowel marks takes no more", "مَرْحَبًا بِكُم", 6, "مَرْحَبًا…"},
		{"East Asian wide", "客户进入了会话", 7, "客户进…"},
		{"a wide character that would straddle the edge is dropped", "客户进入了会话", 6, "客户…"},
		{"combining accent stays on its letter", "Cafe\u0301 re\u0301sume\u0301", 5, "Cafe\u0301…"},
		{"emoji sequence stays whole", "a👩\u200d💻b c d e", 6, "a👩\u200d💻…"},
		{"emoji sequence is never split", "a👩\u200d💻b c d e", 5, "a…"},
		{"colour reset kept after the cut", "\x1b[33mTEMPORARILY_LEFT\x1b[0m", 9, "\x1b[33mTEMPORAR…\x1b[0m"},
		{"width one is the ellipsis", "abc", 1, "…"},
		{"width zero is nothing", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			if w := cellWidth(got); w > tt.width {
				t.Errorf("truncate(%q, %d) is %d wide", tt.in, tt.width, w)
			}
		})
	}
}

// fitFixture is the golden records with texts of every width class: Arabic,
// East Asian wide characters, combining accents.
func fitFixture(t *testing.T) []Record {
	recs := fixture(t)
	return append(recs,
		Record{SessionID: "1044", Position: 1, Entry: client.LogEntry{Date: "3:10 PM", ActionType: client.ActionEntered,
			Text: "客户进入了会话，并说明了问题的来龙去脉"}},
		Record{SessionID: "1044", Position: 2, Entry: client.LogEntry{Date: "3:11 PM", ActionType: client.ActionLeft,
			Text: "Cafe\u0301 re\u0301sume\u0301 noted, then the customer left the session"}},
	)
}

// TestTablesFitTheTerminal renders every table at a wide, a narrow and a
// very narrow terminal: no line is wider, and each is its golden file.
func TestTablesFitTheTerminal(t *testing.T) {
	tables := []struct {
		name   string
		render func(*testing.T, Options) string
	}{
		{"list", func(t *testing.T, o Options) string { return render(t, o, fitFixture(t)) }},
		{"list_session", func(t *testing.T, o Options) string { o.ShowSession = true; return render(t, o, fitFixture(t)) }},
		{"gaps", func(t *testing.T, o Options) string {
			o.ShowSession, o.Gaps = true, true
			return render(t, o, gapFixture(t))
		}},
		{"stream", func(t *testing.T, o Options) string { o.StreamTable = true; return render(t, o, fitFixture(t)) }},
		{"summary", func(t *testing.T, o Options) string { return renderSummaries(t, o, summaryFixture()) }},
		{"result", func(t *testing.T, o Options) string { return renderWith(t, NewResultWriter, o, resultFixture(t)) }},
	}
	for _, table := range tables {
		for _, width := range []int{160, 60, 30} {
			name := fmt.Sprintf("fit_%s_%d", table.name, width)
			t.Run(name, func(t *testing.T) {
				got := table.render(t, Options{Format: FormatTable, MaxWidth: width})
				for line := range strings.Lines(got) {
					if w := cellWidth(strings.TrimSuffix(line, "\n")); w > width {
						t.Errorf("line %d wide at %d columns: %q", w, width, line)
					}
				}
				golden(t, name, got)
			})
		}
	}
}

// TestWideIgnoresMaxWidth checks that -o wide is the table, whole.
func TestWideIgnoresMaxWidth(t *testing.T) {
	for _, stream := range []bool{false, true} {
		wide := render(t, Options{Format: FormatWide, MaxWidth: 30, StreamTable: stream}, fitFixture(t))
		table := render(t, Options{Format: FormatTable, StreamTable: stream}, fitFixture(t))
		if wide != table {
			t.Errorf("stream %v: -o wide at 30 columns:\n%s\nwant the whole table:\n%s", stream, wide, table)
		}
	}
}

// TestFitKeepsColour checks that a cut coloured cell still resets its colour
// and that, without the escapes, the coloured table is the plain one.
func TestFitKeepsColour(t *testing.T) {
	for _, stream := range []bool{false, true} {
		plain := render(t, Options{Format: FormatTable, MaxWidth: 30, StreamTable: stream}, fitFixture(t))
		colored := render(t, Options{Format: FormatTable, MaxWidth: 30, StreamTable: stream, Color: true}, fitFixture(t))
		if !strings.Contains(colored, "\x1b[33mTEMPORA") || !strings.Contains(colored, "…\x1b[0m  ") {
			t.Errorf("stream %v: no cut coloured TEMPORARILY_LEFT in:\n%q", stream, colored)
		}
		if stripANSI(colored) != plain {
			t.Errorf("stream %v: coloured table without escapes:\n%s\nwant:\n%s", stream, stripANSI(colored), plain)
		}
	}
}

// TestIsolateRTL checks the bidirectional isolates of a terminal's table:
// around each cell with Arabic text only, taking no width, and absent from
// piped output.
func TestIsolateRTL(t *testing.T) {
	for _, stream := range []bool{false, true} {
		suffix := map[bool]string{false: "", true: "_stream"}[stream]
		tty := render(t, Options{Format: FormatTable, IsolateRTL: true, MaxWidth: 60, StreamTable: stream}, fitFixture(t))
		piped := render(t, Options{Format: FormatTable, StreamTable: stream}, fitFixture(t))
		golden(t, "isolate_tty"+suffix, tty)
		golden(t, "isolate_piped"+suffix, piped)
		if strings.ContainsAny(piped, "\u2068\u2069") {
			t.Errorf("piped output has isolates:\n%q", piped)
		}
		for _, want := range []string{"  \u20682:30 م\u2069  ", "\u2068انتهت الجلسة\u2069\n"} {
			if !strings.Contains(tty, want) {
				t.Errorf("stream %v: the terminal's table lacks %q:\n%q", stream, want, tty)
			}
		}
		if n := strings.Count(tty, "\u2068"); n != 2 || strings.Count(tty, "\u2069") != 2 {
			t.Errorf("stream %v: %d isolated cells, want 2 (the Arabic time and text):\n%q", stream, n, tty)
		}
		// Without the isolates, the columns are where they were.
		plainAt60 := render(t, Options{Format: FormatTable, MaxWidth: 60, StreamTable: stream}, fitFixture(t))
		if got := strings.NewReplacer("\u2068", "", "\u2069", "").Replace(tty); got != plainAt60 {
			t.Errorf("stream %v: without isolates:\n%s\nwant:\n%s", stream, got, plainAt60)
		}
	}
}

func TestHasStrongRTL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Customer entered", false},
		{"2:30 م", true},
		{"٢:٣٠", false}, // Arabic-Indic digits are weak: no isolate needed
		{"שלום", true},
		{"客户", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasStrongRTL(tt.in); got != tt.want {
			t.Errorf("hasStrongRTL(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCSVByteOrderMark(t *testing.T) {
	for _, noHeaders := range []bool{false, true} {
		opts := Options{Format: FormatCSV, BOM: true, NoHeaders: noHeaders}
		got := render(t, opts, fixture(t)[2:3])
		plain := render(t, Options{Format: FormatCSV, NoHeaders: noHeaders}, fixture(t)[2:3])
		if got != "\uFEFF"+plain {
			t.Errorf("%+v: got %q, want the mark then %q", opts, got, plain)
		}
		if empty := render(t, opts, nil); !strings.HasPrefix(empty, "\uFEFF") || strings.Count(empty, "\uFEFF") != 1 {
			t.Errorf("%+v, no rows: got %q, want one mark first", opts, empty)
		}
	}
	var buf bytes.Buffer
	w, _ := New(&buf, Options{Format: FormatCSV, BOM: true})
	for _, r := range fixture(t)[:2] {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Count(buf.String(), "\uFEFF") != 1 {
		t.Errorf("mark not written exactly once: %q", buf.String())
	}
}

// FuzzTruncate checks truncate on any text a cell can hold (server text
// after safetext.Terminal): never wider than asked, unchanged when it fits,
// otherwise a prefix of the text, cut between grapheme clusters, then "…".
func FuzzTruncate(f *testing.F) {
	for _, seed := range []string{"Customer left the session", "انتهت الجلسة", "مَرْحَبًا", "客户进入了会话", "Cafe\u0301", "a👩\u200d💻b", "\x1b[2J\u202e", ""} {
		f.Add(seed, 5)
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = max(width%100, 0)
		cell := safetext.Terminal(text)
		got := truncate(cell, width)
		if w := cellWidth(got); w > width {
			t.Fatalf("truncate(%q, %d) = %q, %d wide", cell, width, got, w)
		}
		if cellWidth(cell) <= width {
			if got != cell {
				t.Fatalf("truncate(%q, %d) = %q, want it unchanged", cell, width, got)
			}
			return
		}
		kept, cut := strings.CutSuffix(got, ellipsis)
		if width > 0 && !cut || !strings.HasPrefix(cell, kept) {
			t.Fatalf("truncate(%q, %d) = %q, want a prefix then %q", cell, width, got, ellipsis)
		}
	})
}

func TestClipLine(t *testing.T) {
	tests := []struct {
		line  string
		width int
		want  string
	}{
		{"1  2:30 PM  ENTERED", 30, "1  2:30 PM  ENTERED"},
		{"1042  1  2:30 PM  ENTERED  Cust…", 30, "1042  1  2:30 PM  ENTERED  Cu…"},
		{"1  \u2068انتهت الجلسة\u2069", 8, "1  \u2068انته…\u2069"},
		{"1  \u2068٢:٣٠ م\u2069  \u2068انتهت الجلسة\u2069", 12, "1  \u2068٢:٣٠ م\u2069  \u2068…\u2069"},
	}
	for _, tt := range tests {
		if got := clipLine(tt.line, tt.width); got != tt.want {
			t.Errorf("clipLine(%q, %d) = %q, want %q", tt.line, tt.width, got, tt.want)
		}
	}
}
