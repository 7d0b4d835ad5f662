package output

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/timeline"
)

// HTMLOptions tunes WriteHTML.
type HTMLOptions struct {
	// Made is when the report was made, shown under its title.
	Made time.Time
	// Gaps adds each entry's time since the previous one to the tables.
	Gaps bool
}

//go:embed templates/report.html.tmpl
var templates embed.FS

// reportTemplate is the page; html/template escapes every value it is given.
// It is parsed on first use, so that commands that write no report do not
// pay for it at start-up.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templates, "templates/report.html.tmpl"))
})

// WriteHTML writes sessions as one self-contained HTML5 page, for a ticket:
// per session its status and figures, its presence chart as inline SVG
// with hour ticks, and its timeline table, the server's text shown in its
// own direction beside its English meaning. It has inline CSS only: no
// scripts, fonts or links to fetch; it prints on A4 and reads on a phone.
// Every server string is escaped, so none can add markup.
func WriteHTML(w io.Writer, sessions []Session, opts HTMLOptions) error {
	var buf bytes.Buffer
	if err := reportTemplate().Execute(&buf, newReportPage(sessions, opts)); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

// reportPage is what the template shows.
type reportPage struct {
	Title    string
	Made     string
	MadeISO  string
	AxisNote string
	Gaps     bool
	Legend   []legendItem
	Sessions []reportSession
}

type legendItem struct{ Class, Label string }

type reportSession struct {
	ID          string
	Status      string
	StatusClass string
	Figures     []figure
	Chart       svgChart
	Rows        []reportRow
}

type figure struct{ Label, Value string }

// svgChart is a session's bar; positions are percentages of its width.
type svgChart struct {
	Empty           bool
	Segments        []svgSegment
	Ticks           []svgTick
	First, Last     string
	FirstX, LastX   string
	FirstAnchorEnd  bool
	LastAnchorStart bool
	Description     string
}

type svgSegment struct {
	X, W, Class, Title string
}

type svgTick struct{ X, Label, Anchor string }

type reportRow struct {
	Position, Date, Gap, Action, ActionClass, Text, TextLang, Meaning string
}

// newReportPage lays the sessions out for the template.
func newReportPage(sessions []Session, opts HTMLOptions) reportPage {
	ids := make([]string, len(sessions))
	presences := make([]timeline.Presence, len(sessions))
	for i, s := range sessions {
		ids[i] = s.Summary.SessionID
		presences[i] = s.Presence
	}
	page := reportPage{
		Title:   "Session " + strings.Join(ids, ", "),
		Made:    opts.Made.Format("2 January 2006, 15:04 MST"),
		MadeISO: opts.Made.Format(time.RFC3339),
		Gaps:    opts.Gaps,
	}
	if len(sessions) > 1 {
		page.Title = "Sessions " + strings.Join(ids, ", ")
	}
	for _, l := range cellLooks {
		page.Legend = append(page.Legend, legendItem{Class: stateClass(l.state), Label: l.look.legend})
	}
	shared, isShared := timeline.SharedAxis(presences)
	switch {
	case isShared:
		page.AxisNote = "The sessions overlap in time: their charts share one time axis, " +
			clockLabel(shared.Start) + " to " + clockLabel(shared.Start+shared.Length) + "."
	case len(sessions) > 1:
		page.AxisNote = "The sessions do not overlap in time: each chart has its own time scale."
	}
	for _, s := range sessions {
		axis := timeline.OwnAxis(s.Presence)
		if isShared {
			axis = shared
		}
		page.Sessions = append(page.Sessions, reportSession{
			ID:          s.Summary.SessionID,
			Status:      statusWords(string(s.Summary.Status)),
			StatusClass: "status-" + strings.ReplaceAll(string(s.Summary.Status), "_", "-"),
			Figures:     figures(s.Summary),
			Chart:       newSVGChart(s, axis),
			Rows:        reportRows(s.Records),
		})
	}
	return page
}

// figures are the summary's figures, as the summary table gives them.
func figures(s timeline.Summary) []figure {
	away := elapsedCell(s.TimeAway)
	if s.StillAway {
		away += " (still away)"
	}
	return []figure{
		{"Entries", strconv.Itoa(s.Entries)},
		{"First", s.First},
		{"Last", s.Last},
		{"Times away", strconv.Itoa(s.TimesAway)},
		{"Time away", away},
		{"First to last", elapsedCell(s.Span)},
	}
}

// newSVGChart lays a session's periods out on axis a.
func newSVGChart(s Session, a timeline.Axis) svgChart {
	c := svgChart{First: s.Summary.First, Last: s.Summary.Last}
	p := s.Presence
	if s.Summary.Entries == 0 {
		c.Empty = true
		c.Description = "no entries"
		return c
	}
	pct := func(d time.Duration) float64 {
		if a.Length <= 0 {
			return 0
		}
		return 100 * float64(d) / float64(a.Length)
	}
	segment := func(from, to float64, st timeline.State, title string) {
		c.Segments = append(c.Segments, svgSegment{X: percent(from), W: percent(max(to-from, 0.6)), Class: stateClass(st), Title: title})
	}
	off := a.Offset(p)
	start, end := pct(off), pct(off+p.Span)
	switch {
	case !p.Start.Known:
		start, end = 0, 100
		segment(0, 100, timeline.StateUnknown, "no time could be read")
	case a.Length <= 0:
		start, end = 0, 100
		segment(0, 100, p.Final, p.Final.String()+" at "+s.Summary.First)
	case len(p.Periods) == 0:
		segment(start, start, p.Final, p.Final.String()+" at "+clockLabel(p.Start.Duration))
	}
	if p.Start.Known {
		for _, per := range p.Periods {
			title := per.State.String() + ", " + clockLabel(p.Start.Duration+per.From) + " to " +
				clockLabel(p.Start.Duration+per.To) + " (" + minutes(per.To-per.From) + ")"
			segment(pct(off+per.From), pct(off+per.To), per.State, title)
		}
		if p.UnknownBefore {
			segment(start, start, timeline.StateUnknown, "entries before this whose time could not be read")
		}
		if p.UnknownAfter {
			segment(end-0.6, end, timeline.StateUnknown, "entries after this whose time could not be read")
		}
	}
	c.FirstX, c.LastX = percent(start), percent(end)
	c.FirstAnchorEnd, c.LastAnchorStart = start > 50, end < 50
	c.Ticks = hourTicks(a)
	c.Description = "presence of session " + s.Summary.SessionID + " from " + s.Summary.First + " to " + s.Summary.Last
	return c
}

// maxTicks is the most hour ticks a chart gets; longer axes tick every
// few hours.
const maxTicks = 8

// tickSteps are the hours between ticks, each dividing a day.
var tickSteps = []time.Duration{1, 2, 3, 4, 6, 12, 24}

// hourTicks are the full hours on axis a, every hour or, on a longer axis,
// every few hours from midnight.
func hourTicks(a timeline.Axis) []svgTick {
	if a.Length <= 0 {
		return nil
	}
	step := tickSteps[len(tickSteps)-1] * time.Hour
	for _, h := range tickSteps {
		if h*time.Hour*maxTicks >= a.Length {
			step = h * time.Hour
			break
		}
	}
	var ticks []svgTick
	for t := (a.Start + step - 1) / step * step; t-a.Start <= a.Length; t += step {
		at := 100 * float64(t-a.Start) / float64(a.Length)
		anchor := "middle" // labels at the ends stay inside the chart
		switch {
		case at < 3:
			anchor = "start"
		case at > 97:
			anchor = "end"
		}
		ticks = append(ticks, svgTick{
			X:      percent(at),
			Label:  time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(t).Format("3 PM"),
			Anchor: anchor,
		})
	}
	return ticks
}

// percent formats a percentage for an SVG attribute.
func percent(v float64) string {
	return strconv.FormatFloat(min(max(v, 0), 100), 'f', 2, 64) + "%"
}

// stateClass is the CSS class of a state.
func stateClass(s timeline.State) string {
	return "st-" + s.String()
}

// reportRows are the timeline table's rows, one per record.
func reportRows(records []Record) []reportRow {
	rows := make([]reportRow, len(records))
	for i, r := range records {
		meaning, ok := client.Translate(r.Entry.Text)
		if !ok {
			meaning = r.Entry.ActionType.Description()
		}
		if strings.EqualFold(strings.TrimSpace(meaning), strings.TrimSpace(r.Entry.Text)) {
			meaning = "" // the text says it already
		}
		row := reportRow{
			Position:    positionCell(r.Position, "–"),
			Date:        r.Entry.Date,
			Gap:         gapCell(r.Gap),
			Action:      string(r.Entry.ActionType),
			ActionClass: actionClass(r.Entry.ActionType),
			Text:        r.Entry.Text,
			Meaning:     meaning,
		}
		if isArabic(r.Entry.Text) {
			row.TextLang = "ar"
		}
		rows[i] = row
	}
	return rows
}

// actionClass is the CSS class of a documented action type's cell.
func actionClass(a client.ActionType) string {
	if !a.Valid() {
		return "act-other"
	}
	return "act-" + strings.ToLower(string(a))
}

// isArabic reports whether s is written mainly in Arabic script: it has
// more Arabic letters than Latin ones.
func isArabic(s string) bool {
	arabic, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	return arabic > latin
}
