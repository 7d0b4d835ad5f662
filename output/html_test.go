package output

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// reportMade is the fixed time the golden reports were made at.
var reportMade = time.Date(2026, 11, 26, 15, 10, 0, 0, time.UTC)

// arabicSessions is a session with Arabic texts and times, a documented
// server message as a text, and an action type the API does not document.
func arabicSessions(t *testing.T) []Session {
	b := NewSessionBuilder("1042", true)
	for i, e := range []string{
		`{"text":"دخل العميل الجلسة","date":"٢:٣٠ م","action_type":"ENTERED"}`,
		`{"text":"غادر العميل الجلسة مؤقتًا","date":"٢:٤١ م","action_type":"TEMPORARILY_LEFT"}`,
		`{"text":"Customer entered the session","date":"2:44 PM","action_type":"ENTERED"}`,
		`{"text":"لم يتم العثور على الجلسة","date":"٢:٤٥ م","action_type":"TRANSFERRED"}`,
		`{"text":"انتهت الجلسة","date":"١٥:٠٥","action_type":"ENDED"}`,
	} {
		b.Add(Record{SessionID: "1042", Position: i + 1, Entry: serverEntry(t, e)})
	}
	return []Session{b.Session()}
}

// renderHTML returns the report of sessions.
func renderHTML(t *testing.T, sessions []Session, opts HTMLOptions) string {
	t.Helper()
	if opts.Made.IsZero() {
		opts.Made = reportMade
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sessions, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestHTMLGolden(t *testing.T) {
	golden(t, "report_demo.html", renderHTML(t, demoSessions(), HTMLOptions{}))
	golden(t, "report_overlapping_gaps.html", renderHTML(t, overlapping(), HTMLOptions{Gaps: true}))
	golden(t, "report_arabic.html", renderHTML(t, arabicSessions(t), HTMLOptions{}))
}

// TestHTMLStructure parses each report and finds, per session, its
// section, its chart as SVG and one table row per entry; and checks the
// page fetches and runs nothing.
func TestHTMLStructure(t *testing.T) {
	for _, sessions := range [][]Session{demoSessions(), overlapping(), arabicSessions(t)} {
		page := renderHTML(t, sessions, HTMLOptions{Gaps: true})
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		title := textOf(find(doc, isElement(atom.Title))[0])
		for _, s := range sessions {
			id := s.Summary.SessionID
			if !strings.Contains(title, id) {
				t.Errorf("title %q lacks session %s", title, id)
			}
			sections := find(doc, func(n *html.Node) bool { return isElement(atom.Section)(n) && attr(n, "id") == "session-"+id })
			if len(sections) != 1 {
				t.Fatalf("session %s: %d sections, want 1", id, len(sections))
			}
			sec := sections[0]
			charts := find(sec, func(n *html.Node) bool { return isElement(atom.Svg)(n) && attr(n, "class") == "chart" })
			if want := min(1, s.Summary.Entries); len(charts) != want {
				t.Errorf("session %s: %d charts, want %d", id, len(charts), want)
			}
			if len(charts) == 1 && len(find(charts[0], func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "rect" })) < 2 {
				t.Errorf("session %s: the chart has no bars", id)
			}
			rows := find(sec, func(n *html.Node) bool { return isElement(atom.Tr)(n) && n.Parent.DataAtom == atom.Tbody })
			if len(rows) != s.Summary.Entries {
				t.Errorf("session %s: %d table rows, want %d", id, len(rows), s.Summary.Entries)
			}
			for i, row := range rows {
				cells := find(row, isElement(atom.Td))
				if got, want := textOf(cells[1]), s.Records[i].Entry.Date; got != want {
					t.Errorf("session %s row %d: time %q, want %q", id, i+1, got, want)
				}
				text := find(row, func(n *html.Node) bool { return attr(n, "dir") == "auto" })
				if len(text) != 1 || textOf(text[0]) != s.Records[i].Entry.Text {
					t.Errorf("session %s row %d: no dir=auto cell with the server's text", id, i+1)
				}
				if isArabic(s.Records[i].Entry.Text) != (attr(text[0], "lang") == "ar") {
					t.Errorf("session %s row %d: lang=%q for %q", id, i+1, attr(text[0], "lang"), s.Records[i].Entry.Text)
				}
			}
		}
		for _, n := range find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			switch n.DataAtom {
			case atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed:
				t.Errorf("the page has a <%s>", n.Data)
			}
			for _, a := range n.Attr {
				if a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s> has %s=%q", n.Data, a.Key, a.Val)
				}
			}
		}
	}
}

// TestHTMLEscapesServerText checks that markup in every server string
// (session id, dates, action type, text) comes out as text.
func TestHTMLEscapesServerText(t *testing.T) {
	const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	b := NewSessionBuilder("7"+evil, true)
	b.Add(Record{SessionID: "7" + evil, Position: 1, Entry: client.LogEntry{Date: "2:30 PM" + evil, ActionType: client.ActionType(evil), Text: evil}})
	b.Add(Record{SessionID: "7" + evil, Position: 2, Entry: client.LogEntry{Date: "2:40 PM", ActionType: client.ActionEntered, Text: evil}})
	page := renderHTML(t, []Session{b.Session()}, HTMLOptions{})
	if strings.Contains(page, "<script") || strings.Contains(page, "<img") {
		t.Fatalf("markup got through:\n%s", page)
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the text is not shown escaped:\n%s", page)
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(find(doc, isElement(atom.Script))); n != 0 {
		t.Errorf("%d script elements", n)
	}
	texts := find(doc, func(n *html.Node) bool { return attr(n, "dir") == "auto" && n.DataAtom == atom.Div })
	if len(texts) != 2 || textOf(texts[0]) != evil {
		t.Errorf("the server text does not read back as sent")
	}
}

func TestHTMLWriteError(t *testing.T) {
	err := WriteHTML(brokenWriter{}, demoSessions(), HTMLOptions{Made: reportMade})
	if err == nil || !strings.Contains(err.Error(), errBroken.Error()) {
		t.Errorf("err = %v, want the writer's error", err)
	}
}

func TestHourTicks(t *testing.T) {
	h, m := time.Hour, time.Minute
	tests := []struct {
		name  string
		start time.Duration
		span  time.Duration
		want  string
	}{
		{"within the hour", 14*h + 10*m, 35 * m, ""},
		{"one tick", 14*h + 30*m, 35 * m, "3 PM@85.71%"},
		{"one hour", 14*h + 30*m, 60 * m, "3 PM@50.00%"},
		{"on the hour", 9 * h, 2 * h, "9 AM@0.00% 10 AM@50.00% 11 AM@100.00%"},
		{"across midnight", 23*h + 10*m, 2 * h, "12 AM@41.67% 1 AM@91.67%"},
		{"long sessions tick every few hours", 23*h + 10*m, 10*h + 37*m,
			"12 AM@7.85% 2 AM@26.69% 4 AM@45.53% 6 AM@64.36% 8 AM@83.20%"},
		{"from midnight", 23*h + 36*m, 34*h + 37*m,
			"12 AM@1.16% 6 AM@18.49% 12 PM@35.82% 6 PM@53.15% 12 AM@70.49% 6 AM@87.82%"},
		{"zero span", 9 * h, 0, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tick := range hourTicks(timelineAxis(tt.start, tt.span)) {
			got = append(got, tick.Label+"@"+tick.X)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s: ticks %q, want %q", tt.name, s, tt.want)
		}
	}
}

func TestIsArabic(t *testing.T) {
	for s, want := range map[string]bool{
		"انتهت الجلسة": true, "Customer entered the session": false, "": false,
		"١٢:٠٠ ص": true, "تم بنجاح (OK)": true, "Session 1001 انتهت": false,
	} {
		if got := isArabic(s); got != want {
			t.Errorf("isArabic(%q) = %v, want %v", s, got, want)
		}
	}
}

// find returns the nodes under n, n included, for which match is true.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	if match(n) {
		found = append(found, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		found = append(found, find(c, match)...)
	}
	return found
}

// isElement matches elements of type a.
func isElement(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

// attr is n's attribute key, "" when it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for _, t := range find(n, func(c *html.Node) bool { return c.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

// timelineAxis is an axis from start over span.
func timelineAxis(start, span time.Duration) timeline.Axis {
	return timeline.Axis{Start: start, Length: span}
}
