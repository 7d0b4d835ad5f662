package client

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestListLogsDocumentedReply(t *testing.T) {
	srv := newAPIServer(t, always(200, docListReply))
	c, _ := newTestClient(t, srv.URL+basePath)
	page, _, err := c.ListLogs(context.Background(), "s1", PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text, date string
		action     ActionType
	}{
		{"Customer entered the session", "2:30 PM", ActionEntered},
		{"Customer temporarily left the session", "2:35 PM", ActionLeft},
	}
	if page.CurrentPage != 1 || page.LastPage != 1 || page.PerPage != 30 || page.Total != 2 || len(page.Entries) != len(want) {
		t.Fatalf("page %+v", page)
	}
	for i, w := range want {
		e := page.Entries[i]
		if e.Text != w.text || e.Date != w.date || e.ActionType != w.action {
			t.Errorf("entry %d = %+v, want %+v", i, e, w)
		}
	}
	wantRaw := `{
"text": "Customer entered the session",
"date": "2:30 PM",
"action_type": "ENTERED"
}`
	if string(page.Entries[0].Raw) != wantRaw {
		t.Errorf("Raw = %s", page.Entries[0].Raw)
	}
}

func TestListLogsQuery(t *testing.T) {
	tests := []struct {
		opts      PageOptions
		wantQuery string
		reply     string
	}{
		{PageOptions{}, "", docListReply},
		{PageOptions{PerPage: 5}, "per_page=5", docListReply},
		{PageOptions{Page: 1}, "page=1", docListReply},
		{PageOptions{Page: 3, PerPage: 10}, "page=3&per_page=10",
			`{"success":true,"data":{"current_page":3,"data":[],"last_page":1,"per_page":10,"total":2}}`},
	}
	for _, tt := range tests {
		srv := newAPIServer(t, always(200, tt.reply))
		c, _ := newTestClient(t, srv.URL+basePath)
		if _, _, err := c.ListLogs(context.Background(), "s1", tt.opts); err != nil {
			t.Fatalf("%+v: %v", tt.opts, err)
		}
		reqs := srv.requests()
		if len(reqs) != 1 || reqs[0].Method != http.MethodGet || reqs[0].Query != tt.wantQuery || reqs[0].Body != "" {
			t.Errorf("%+v: requests %+v, want one GET with query %q", tt.opts, reqs, tt.wantQuery)
		}
	}
}

func TestListLogsNegativeOptions(t *testing.T) {
	srv := newAPIServer(t, always(200, docListReply))
	c, _ := newTestClient(t, srv.URL+basePath)
	for _, opts := range []PageOptions{{Page: -1}, {PerPage: -5}} {
		_, _, err := c.ListLogs(context.Background(), "s1", opts)
		if e := asError(t, err); e.Kind != KindInvalidInput || e.Explanation != "page and per_page must not be negative" {
			t.Errorf("%+v: %v", opts, err)
		}
	}
	if n := srv.count(); n != 0 {
		t.Errorf("%d requests", n)
	}
}

func TestListLogsVariants(t *testing.T) {
	tests := []struct {
		name    string
		opts    PageOptions
		reply   string
		want    Page // Entries compared by Raw
		wantRaw []string
	}{
		{
			name:  "per_page and total as strings",
			reply: `{"success":true,"message":"x","data":{"current_page":"1","data":[{"text":"t","date":"d","action_type":"ENDED"}],"last_page":"1","per_page":"30","total":"1"},"statusCode":"200"}`,
			want:  Page{CurrentPage: 1, LastPage: 1, PerPage: 30, Total: 1}, wantRaw: []string{`{"text":"t","date":"d","action_type":"ENDED"}`},
		},
		{
			name:  "empty page with from/to null",
			reply: `{"success":true,"data":{"current_page":1,"data":[],"first_page_url":null,"from":null,"last_page":1,"links":[{"url":null,"label":"&laquo; Previous","active":false},{"url":"http://x/?page=1","label":"1","active":true,"page":1}],"next_page_url":null,"path":"http://x","per_page":30,"prev_page_url":null,"to":null,"total":0},"statusCode":200}`,
			want:  Page{CurrentPage: 1, LastPage: 1, PerPage: 30, Total: 0}, wantRaw: []string{},
		},
		{
			name:  "unknown fields kept in Raw",
			opts:  PageOptions{Page: 2, PerPage: 1},
			reply: `{"success":true,"extra":{"a":1},"data":{"current_page":2.0,"data":[{"text":"t","date":"d","action_type":"NEW_KIND","id":7,"meta":{"by":"agent"}}],"last_page":3,"per_page":1,"total":3,"links":"not a list"},"statusCode":200}`,
			want:  Page{CurrentPage: 2, LastPage: 3, PerPage: 1, Total: 3}, wantRaw: []string{`{"text":"t","date":"d","action_type":"NEW_KIND","id":7,"meta":{"by":"agent"}}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, always(200, tt.reply))
			c, _ := newTestClient(t, srv.URL+basePath)
			page, _, err := c.ListLogs(context.Background(), "s1", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if page.Entries == nil {
				t.Fatal("Entries is nil, want a (possibly empty) slice")
			}
			var raws []string
			for _, e := range page.Entries {
				raws = append(raws, string(e.Raw))
			}
			got := *page
			got.Entries = nil
			if !reflect.DeepEqual(got, tt.want) || len(raws) != len(tt.wantRaw) || (len(raws) > 0 && !reflect.DeepEqual(raws, tt.wantRaw)) {
				t.Fatalf("page %+v raws %q, want %+v %q", got, raws, tt.want, tt.wantRaw)
			}
			out, _ := json.Marshal(page.Entries)
			if len(tt.wantRaw) == 1 && string(out) != "["+tt.wantRaw[0]+"]" {
				t.Errorf("entries marshal to %s", out)
			}
		})
	}
}

func TestCreateLog(t *testing.T) {
	tests := []struct {
		action   ActionType
		wantBody string
	}{
		{ActionEntered, `{"action_type":"ENTERED"}`},
		{ActionTemporarilyLeft, `{"action_type":"TEMPORARILY_LEFT"}`},
		{"NOT_A_TYPE", `{"action_type":"NOT_A_TYPE"}`},
		{"", `{"action_type":""}`},
	}
	for _, tt := range tests {
		srv := newAPIServer(t, always(200, docCreateReply))
		c, _ := newTestClient(t, srv.URL+basePath)
		entry, _, err := c.CreateLog(context.Background(), "s 1", tt.action)
		if err != nil {
			t.Fatalf("%q: %v", tt.action, err)
		}
		if entry.Text != "Customer entered the session" || entry.Date != "2:30 PM" || entry.ActionType != ActionEntered {
			t.Errorf("entry %+v", entry)
		}
		reqs := srv.requests()
		if len(reqs) != 1 || reqs[0].Method != http.MethodPost || reqs[0].Path != "/api/v1/customer/sessions/s%201/log" ||
			reqs[0].Query != "" || reqs[0].Body != tt.wantBody {
			t.Errorf("%q: requests %+v, want one POST with body %s", tt.action, reqs, tt.wantBody)
		}
	}
}

func TestResponseCarriesStatusAndRateLimit(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		rate    Rate
		after   time.Duration
	}{
		{"rate-limit headers", []string{"X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "59"}, Rate{Limit: 60, Remaining: 59}, 0},
		{"none", nil, Rate{Limit: -1, Remaining: -1}, 0},
		{"unreadable, and a Retry-After", []string{"X-RateLimit-Limit", "many", "X-RateLimit-Remaining", "-3", "Retry-After", "7"},
			Rate{Limit: -1, Remaining: -1}, 7 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, always(http.StatusOK, docListReply, tt.headers...))
			c, _ := newTestClient(t, srv.URL+basePath)
			_, resp, err := c.ListLogs(context.Background(), "42", PageOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusOK || resp.Rate != tt.rate || resp.RetryAfter != tt.after {
				t.Errorf("response %d %+v %s, want 200 %+v %s", resp.StatusCode, resp.Rate, resp.RetryAfter, tt.rate, tt.after)
			}
		})
	}
}

func TestResponseOfAFailedCall(t *testing.T) {
	srv := newAPIServer(t, always(http.StatusUnprocessableEntity, docEnded, "X-RateLimit-Remaining", "3"))
	c, _ := newTestClient(t, srv.URL+basePath)
	_, resp, err := c.CreateLog(context.Background(), "42", ActionEntered)
	if e := asError(t, err); e.Kind != KindSessionEnded {
		t.Fatalf("error %v, want session ended", err)
	}
	if resp == nil || resp.StatusCode != http.StatusUnprocessableEntity || resp.Rate.Remaining != 3 {
		t.Errorf("response %+v, want the 422 reply's", resp)
	}
}
