package output

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

// timelineOf is a session built from (date, action) pairs.
func timelineOf(id string, pairs ...string) Session {
	b := NewSessionBuilder(id, true)
	for i := 0; i+1 < len(pairs); i += 2 {
		a := client.ActionType(pairs[i+1])
		b.Add(Record{SessionID: id, Position: i/2 + 1, Entry: client.LogEntry{Date: pairs[i], ActionType: a, Text: a.Description()}})
	}
	return b.Session()
}

// demoSessions are the demo's sessions 1001 to 1003 and 1005 as the test
// mock serves them.
func demoSessions() []Session {
	return []Session{
		timelineOf("1001", "2:30 PM", "ENTERED", "2:41 PM", "TEMPORARILY_LEFT", "2:44 PM", "ENTERED",
			"3:05 PM", "ENDED", "3:05 PM", "SESSION_PERIOD"),
		timelineOf("1002", "4:00 PM", "ENTERED", "4:12 PM", "TEMPORARILY_LEFT", "4:15 PM", "ENTERED"),
		timelineOf("1003", "10:00 AM", "ENTERED", "10:07 AM", "CANCEL_REQUEST", "10:09 AM", "CANCELLED",
			"10:09 AM", "SESSION_PERIOD"),
		timelineOf("1005"),
	}
}

// overlapping are sessions of one evening that overlap, one crossing
// midnight, one with a time that cannot be read, one still away.
func overlapping() []Session {
	return []Session{
		timelineOf("2001", "11:10 PM", "ENTERED", "11:40 PM", "TEMPORARILY_LEFT", "11:52 PM", "ENTERED",
			"12:20 AM", "LEFT", "12:35 AM", "ENTERED", "1:05 AM", "ENDED"),
		timelineOf("2002", "11:30 PM", "ENTERED", "11:45 PM", "TEMPORARILY_LEFT", "later", "ENTERED",
			"12:10 AM", "SESSION_PERIOD", "12:40 AM", "TEMPORARILY_LEFT", "12:50 AM", "SESSION_PERIOD"),
		timelineOf("2003", "١٢:٠٠ ص", "ENTERED", "١٢:٣٠ ص", "CANCEL_REQUEST", "١٢:٣١ ص", "CANCELLED"),
		timelineOf("2004", "soon", "ENTERED"),
	}
}

func TestChartGolden(t *testing.T) {
	tests := []struct {
		name     string
		sessions []Session
		opts     ChartOptions
	}{
		{"chart_demo_plain", demoSessions(), ChartOptions{}},
		{"chart_demo_tty", demoSessions(), ChartOptions{Width: 100, Color: true}},
		{"chart_demo_60", demoSessions(), ChartOptions{Width: 60}},
		{"chart_demo_30", demoSessions(), ChartOptions{Width: 30}},
		{"chart_shared_plain", overlapping(), ChartOptions{}},
		{"chart_shared_tty", overlapping(), ChartOptions{Width: 80, Color: true}},
		{"chart_shared_30", overlapping(), ChartOptions{Width: 30}},
		{"chart_one", demoSessions()[:1], ChartOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteChart(&buf, tt.sessions, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, buf.String())
		})
	}
}

// TestChartFitsWidth checks that no line is wider than the terminal, from
// the narrowest width the chart supports up, and that each session with
// entries has one line with its first time, a bar and its last time.
func TestChartFitsWidth(t *testing.T) {
	for _, sessions := range [][]Session{demoSessions(), overlapping()} {
		for width := 30; width <= 200; width++ {
			var buf bytes.Buffer
			if err := WriteChart(&buf, sessions, ChartOptions{Width: width}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for line := range strings.Lines(out) {
				line = strings.TrimSuffix(line, "\n")
				if w := cellWidth(line); w > width {
					t.Fatalf("width %d: line of %d columns: %q", width, w, line)
				}
			}
			for _, s := range sessions {
				if s.Summary.Entries == 0 {
					continue
				}
				bar := regexp.MustCompile(regexp.QuoteMeta(s.Summary.First) + ` [█░·─? ]*[█░·─?][█░·─? ]* ` + regexp.QuoteMeta(s.Summary.Last))
				if n := len(bar.FindAllString(out, -1)); n != 1 {
					t.Fatalf("width %d: %d bars of session %s, want 1:\n%s", width, n, s.Summary.SessionID, out)
				}
			}
		}
	}
}

func TestChartServerTextIsSafe(t *testing.T) {
	s := timelineOf("77\x1b[2J", "2:30 PM\x1b]0;title\x07", "ENTERED", "2:40 PM\u202e", "ENDED")
	var buf bytes.Buffer
	if err := WriteChart(&buf, []Session{s}, ChartOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"\x1b[2J", "\x1b]", "\x07", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("chart contains %q:\n%q", bad, out)
		}
	}
	if !strings.Contains(out, `77\x1b[2J`) {
		t.Errorf("the id's escape is not shown as text:\n%q", out)
	}
}

func TestChartWriteError(t *testing.T) {
	err := WriteChart(brokenWriter{}, demoSessions(), ChartOptions{})
	if err == nil || !strings.Contains(err.Error(), errBroken.Error()) {
		t.Errorf("err = %v, want the writer's error", err)
	}
}

func ExampleWriteChart() {
	s := timelineOf("1001", "2:30 PM", "ENTERED", "2:41 PM", "TEMPORARILY_LEFT", "2:44 PM", "ENTERED", "3:05 PM", "ENDED")
	_ = WriteChart(stdout{}, []Session{s}, ChartOptions{Width: 60})
	// Output:
	// 1001  ended  away 3m of 35m
	//   2:30 PM █████████████░░░░█████████████████████████ 3:05 PM
	// █ present  ░ away  · gone (left)  ─ ended/cancelled
	// ? unknown time
}

// stdout writes to the example's standard output.
type stdout struct{}

func (stdout) Write(p []byte) (int, error) { fmt.Print(string(p)); return len(p), nil }
