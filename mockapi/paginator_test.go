package mockapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// wirePage is the paginator as a client decodes it.
type wirePage struct {
	CurrentPage  int         `json:"current_page"`
	Data         []wireEntry `json:"data"`
	FirstPageURL string      `json:"first_page_url"`
	From         *int        `json:"from"`
	LastPage     int         `json:"last_page"`
	LastPageURL  string      `json:"last_page_url"`
	Links        []pageLink  `json:"links"`
	NextPageURL  *string     `json:"next_page_url"`
	Path         string      `json:"path"`
	PerPage      int         `json:"per_page"`
	PrevPageURL  *string     `json:"prev_page_url"`
	To           *int        `json:"to"`
	Total        int         `json:"total"`
}

// getPage fetches target and decodes its paginator.
func getPage(t *testing.T, h http.Handler, target string) wirePage {
	t.Helper()
	w := send(t, h, http.MethodGet, target, "")
	wantStatus(t, w, http.StatusOK)
	var p wirePage
	if err := json.Unmarshal(field(t, w.Body.Bytes(), "data"), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// str renders an optional value for comparison; nil is "null".
func str[T any](p *T) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func TestPaging(t *testing.T) {
	h := NewHandler(WithLocation(time.UTC))
	sessions := map[string][]Entry{}
	for _, n := range []int{0, 1, 30, 31, 350} {
		id := fmt.Sprint("s", n)
		sessions[id] = GenerateSession(id, n, at(8, 0))
		h.AddSession(id, sessions[id]...)
	}
	const base = "http://example.com/v1/customer/sessions/"
	tests := []struct {
		target               string
		page, perPage, count int
		from, to             string
		last, total          int
		next, prev           string
	}{
		{"s0/log", 1, 30, 0, "null", "null", 1, 0, "null", "null"},
		{"s0/log?page=2", 2, 30, 0, "null", "null", 1, 0, "null", base + "s0/log?page=1"},
		{"s1/log", 1, 30, 1, "1", "1", 1, 1, "null", "null"},
		{"s30/log", 1, 30, 30, "1", "30", 1, 30, "null", "null"},
		{"s30/log?per_page=100", 1, 100, 30, "1", "30", 1, 30, "null", "null"},
		{"s31/log", 1, 30, 30, "1", "30", 2, 31, base + "s31/log?page=2", "null"},
		{"s31/log?page=2", 2, 30, 1, "31", "31", 2, 31, "null", base + "s31/log?page=1"},
		{"s350/log", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=12", 12, 30, 20, "331", "350", 12, 350, "null", base + "s350/log?page=11"},
		{"s350/log?page=2&per_page=100", 2, 100, 100, "101", "200", 4, 350, base + "s350/log?page=3", base + "s350/log?page=1"},
		{"s350/log?page=4&per_page=100", 4, 100, 50, "301", "350", 4, 350, "null", base + "s350/log?page=3"},
		{"s350/log?page=13", 13, 30, 0, "null", "null", 12, 350, "null", base + "s350/log?page=12"},
		{"s350/log?page=0", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=-2", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=abc&per_page=xyz", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=1.5&per_page=0", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=02&per_page=-5", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?page=+2&per_page=%2050%20", 2, 50, 50, "51", "100", 7, 350, base + "s350/log?page=3", base + "s350/log?page=1"},
		{"s350/log?page=2&page=3&per_page=10", 3, 10, 10, "21", "30", 35, 350, base + "s350/log?page=4", base + "s350/log?page=2"},
		{"s350/log?page=99999999999999999999", 1, 30, 30, "1", "30", 12, 350, base + "s350/log?page=2", "null"},
		{"s350/log?per_page=1000", 1, 1000, 350, "1", "350", 1, 350, "null", "null"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			p := getPage(t, h, "/v1/customer/sessions/"+tt.target)
			path, _, _ := strings.Cut(base+tt.target, "?")
			got := fmt.Sprint(p.CurrentPage, p.PerPage, len(p.Data), str(p.From), str(p.To), p.LastPage, p.Total, str(p.NextPageURL), str(p.PrevPageURL))
			want := fmt.Sprint(tt.page, tt.perPage, tt.count, tt.from, tt.to, tt.last, tt.total, tt.next, tt.prev)
			if got != want {
				t.Errorf("page, per_page, count, from, to, last_page, total, next, prev =\n %s\nwant\n %s", got, want)
			}
			if p.Path != path || p.FirstPageURL != path+"?page=1" || p.LastPageURL != fmt.Sprintf("%s?page=%d", path, tt.last) {
				t.Errorf("path, first, last = %s, %s, %s", p.Path, p.FirstPageURL, p.LastPageURL)
			}
			id, _, _ := strings.Cut(tt.target, "/")
			wantData := []wireEntry{}
			if p.From != nil && p.To != nil {
				for _, e := range sessions[id][*p.From-1 : *p.To] {
					wantData = append(wantData, e.wire(time.UTC))
				}
			}
			if p.Data == nil || !slices.Equal(p.Data, wantData) {
				t.Errorf("data = %v, want entries %s..%s", p.Data, str(p.From), str(p.To))
			}
		})
	}
}

// TestPagingEntries checks that pages hold the right entries, oldest first.
func TestPagingEntries(t *testing.T) {
	h := NewHandler(WithLocation(time.UTC))
	entries := make([]Entry, 61)
	for i := range entries {
		entries[i] = Entry{ActionType: ActionEntered, Time: at(0, 0).Add(time.Duration(i) * time.Minute)}
	}
	h.AddSession("s", entries...)
	for page, want := range map[int][]string{1: {"12:00 AM", "12:29 AM"}, 2: {"12:30 AM", "12:59 AM"}, 3: {"1:00 AM", "1:00 AM"}} {
		p := getPage(t, h, fmt.Sprintf("%s?page=%d", logPath("s"), page))
		if got := []string{p.Data[0].Date, p.Data[len(p.Data)-1].Date}; !slices.Equal(got, want) {
			t.Errorf("page %d: first and last dates = %v, want %v", page, got, want)
		}
	}
}

func TestMaxPerPage(t *testing.T) {
	h := NewHandler(WithFixture(DefaultFixture()), WithMaxPerPage(50))
	for q, want := range map[string]int{"": 30, "?per_page=50": 50, "?per_page=51": 50, "?per_page=1000": 50, "?per_page=7": 7} {
		if p := getPage(t, h, logPath("1004")+q); p.PerPage != want || len(p.Data) != want {
			t.Errorf("%s: per_page %d with %d entries, want %d", q, p.PerPage, len(p.Data), want)
		}
	}
}

// labels renders links as "label" or "label*" for the active one, with
// "-" for a null url.
func labels(links []pageLink) string {
	var b strings.Builder
	for _, l := range links {
		b.WriteString(l.Label)
		if l.Active {
			b.WriteString("*")
		}
		if l.URL == nil {
			b.WriteString("-")
		}
		b.WriteString(" ")
	}
	return strings.TrimSpace(b.String())
}

func TestLinks(t *testing.T) {
	const p, n = "&laquo; Previous", "Next &raquo;"
	tests := []struct {
		total, perPage, page int
		want                 string
	}{
		{0, 30, 1, p + "- 1* " + n + "-"},
		{1, 30, 1, p + "- 1* " + n + "-"},
		{31, 30, 2, p + " 1 2* " + n + "-"},
		{350, 30, 1, p + "- 1* 2 3 4 5 6 7 8 9 10 11 12 " + n},
		{350, 30, 13, p + " 1 2 3 4 5 6 7 8 9 10 11 12 " + n + "-"},
		{13 * 10, 10, 5, p + " 1 2 3 4 5* 6 7 8 9 10 11 12 13 " + n},
		{350, 10, 1, p + "- 1* 2 3 4 5 6 7 8 9 10 ...- 34 35 " + n},
		{350, 10, 7, p + " 1 2 3 4 5 6 7* 8 9 10 ...- 34 35 " + n},
		{350, 10, 8, p + " 1 2 ...- 5 6 7 8* 9 10 11 ...- 34 35 " + n},
		{350, 10, 20, p + " 1 2 ...- 17 18 19 20* 21 22 23 ...- 34 35 " + n},
		{350, 10, 28, p + " 1 2 ...- 25 26 27 28* 29 30 31 ...- 34 35 " + n},
		{350, 10, 29, p + " 1 2 ...- 26 27 28 29* 30 31 32 33 34 35 " + n},
		{350, 10, 35, p + " 1 2 ...- 26 27 28 29 30 31 32 33 34 35* " + n + "-"},
		{350, 10, 50, p + " 1 2 ...- 26 27 28 29 30 31 32 33 34 35 " + n + "-"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.total, "/", tt.perPage, "/", tt.page), func(t *testing.T) {
			h := NewHandler()
			h.AddSession("s", GenerateSession("s", tt.total, at(8, 0))...)
			pg := getPage(t, h, fmt.Sprintf("%s?page=%d&per_page=%d", logPath("s"), tt.page, tt.perPage))
			if got := labels(pg.Links); got != tt.want {
				t.Errorf("links =\n %s\nwant\n %s", got, tt.want)
			}
			for _, l := range pg.Links {
				if l.URL != nil && l.Label != p && l.Label != n && *l.URL != pg.Path+"?page="+l.Label {
					t.Errorf("link %q url = %s", l.Label, *l.URL)
				}
			}
			if first, last := pg.Links[0], pg.Links[len(pg.Links)-1]; str(first.URL) != str(pg.PrevPageURL) || str(last.URL) != str(pg.NextPageURL) {
				t.Errorf("previous/next links %s, %s differ from prev/next urls %s, %s", str(first.URL), str(last.URL), str(pg.PrevPageURL), str(pg.NextPageURL))
			}
		})
	}
}
