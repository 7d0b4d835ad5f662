package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var knownKinds = map[ErrorKind]bool{
	KindAuth: true, KindNotFound: true, KindValidation: true, KindSessionEnded: true, KindRateLimited: true,
	KindServer: true, KindNetwork: true, KindUncertain: true, KindInvalidResponse: true, KindInvalidInput: true,
	KindEndpointNotFound: true,
}

// checkDecodeError checks the promises every decoding error keeps.
func checkDecodeError(t *testing.T, err error, body []byte) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if !knownKinds[e.Kind] || e.Explanation == "" || e.StatusCode == 0 {
		t.Fatalf("bad error %#v", e)
	}
	if !isObject(body) && strings.ContainsAny(e.Message, "<>") {
		t.Fatalf("markup in Message %q", e.Message)
	}
}

// listReplySeeds are the seed bodies of the list-reply fuzz targets.
var listReplySeeds = []string{
	docListReply, docCreateReply, docNotFound, docEnded, docValidation,
	`{"message":"Unauthenticated."}`,
	`{"message":"The given data was invalid.","errors":{"action_type":["required"],"x":"one"}}`,
	`{"success":true,"data":{"current_page":"1","data":[],"from":null,"to":null,"last_page":"1","per_page":"30","total":"0"}}`,
	`{"success":true,"data":{"current_page":1.5,"data":[{"text":1}],"last_page":-1,"per_page":1e400,"total":0}}`,
	`<html><head><title>502 Bad Gateway</title></head></html>`,
	`<TITLE>&lt;b&gt;</TITLE`,
	`{"success":true,"data":{"current_page":1,"da`,
	"", "null", "[]", `"x"`, `{"data":null}`, `{"success":"false","statusCode":"abc"}`,
	`{"success":true,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[{"text":"A","action_type":"ENTERED","TEXT":"B","Action_Type":"ENDED"}]}}`,
	`{"success":true,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[{"text":"A","text":"B","date":null}]}}`,
	"{\"success\":true,\"data\":{\"current_page\":1,\"last_page\":1,\"per_page\":30,\"total\":1,\"data\":[{\"text\":\"a\xffb\",\"k\xc3\":[\"\xe2\x80\"]}]}}",
	`{"success":true,"data":{"current_page":1,"last_page":1,"per_page":30,"total":1,"data":[{"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}}`,
	`{"Success":false,"MESSAGE":"x","success":true,"data":{"Current_Page":9,"current_page":1,"last_page":1,"per_page":30,"total":0,"data":[]}}`,
}

func FuzzDecodeListReply(f *testing.F) {
	for _, seed := range listReplySeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, status := range []int{200, 201, 302, 401, 404, 422, 429, 500, 502} {
			rep := &reply{status: status, header: http.Header{}, body: body}
			for _, want := range []int{1, 2} {
				page, err := decodeListReply(rep, want)
				if (page == nil) == (err == nil) {
					t.Fatalf("status %d: page %v and error %v", status, page, err)
				}
				if err != nil {
					checkDecodeError(t, err, body)
					continue
				}
				if page.CurrentPage != want || page.Entries == nil || len(page.Entries) > page.PerPage ||
					len(page.Entries) > page.Total || page.LastPage < 0 || status < 200 || status > 299 {
					t.Fatalf("status %d: impossible page %+v", status, page)
				}
				for _, e := range page.Entries {
					if !json.Valid(e.Raw) || !isObject(e.Raw) || !utf8.Valid(e.Raw) {
						t.Fatalf("entry Raw %q", e.Raw)
					}
					var again LogEntry // what JSON output prints reads as the entry shown
					if err := json.Unmarshal(e.Raw, &again); err != nil || again.Text != e.Text || again.Date != e.Date || again.ActionType != e.ActionType {
						t.Fatalf("entry Raw %q reads back as %+v (%v), not %+v", e.Raw, again, err, e)
					}
					if !utf8.ValidString(e.Text) || !utf8.ValidString(e.Date) || !utf8.ValidString(string(e.ActionType)) {
						t.Fatalf("entry %+v is not valid UTF-8", e)
					}
				}
			}
			entry, err := decodeCreateReply(rep)
			if (entry == nil) == (err == nil) {
				t.Fatalf("status %d: entry %v and error %v", status, entry, err)
			}
			if err != nil {
				checkDecodeError(t, postReplyError(rep, err), body)
			}
		}
	})
}

// FuzzFastListReply checks that the one-pass decoder and the tolerant one
// agree on every reply the one-pass decoder accepts: the same paging
// numbers, and entries with the same fields and the same Raw bytes.
func FuzzFastListReply(f *testing.F) {
	for _, seed := range listReplySeeds {
		f.Add([]byte(seed))
	}
	f.Add([]byte(`{"success":true,"data":{"current_page":1,"data":[{"text":"\u062a\"\ud83d\ude00\ud800","date":null,"action_type":"ENTERED","x":[1,{"y":-0.5e3}]}],"last_page":1,"per_page":30,"total":1},"statusCode":200}`))
	f.Add([]byte(` {"data" : {"total":1 , "per_page":2,"last_page":1,"current_page":1,"data":[ { "text" : "a" } ]} } `))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, want := range []int{1, 2} {
			rep := &reply{status: 200, header: http.Header{}, body: body}
			fast, ok := fastListReply(rep, want)
			if !ok {
				continue
			}
			slow, err := tolerantListReply(rep, want)
			if err != nil {
				t.Fatalf("the fast decoder accepts what the tolerant one refuses (%v)", err)
			}
			if fast.CurrentPage != slow.CurrentPage || fast.LastPage != slow.LastPage || fast.PerPage != slow.PerPage ||
				fast.Total != slow.Total || len(fast.Entries) != len(slow.Entries) || fast.Entries == nil {
				t.Fatalf("fast page %+v, tolerant page %+v", fast, slow)
			}
			for i, e := range fast.Entries {
				s := slow.Entries[i]
				if e.Text != s.Text || e.Date != s.Date || e.ActionType != s.ActionType || !bytes.Equal(e.Raw, s.Raw) {
					t.Fatalf("entry %d: fast %+v (Raw %q), tolerant %+v (Raw %q)", i+1, e, e.Raw, s, s.Raw)
				}
			}
		}
	})
}

// FuzzTokenRedactor checks that no spelling of a token survives redaction
// wherever it sits in a text, and that a token too short to hide leaves
// the text as it was.
func FuzzTokenRedactor(f *testing.F) {
	f.Add("a+b/c=d&e%f", "--> GET /logs?t=", "&x=1")
	f.Add("sk live é/ключ", "token=", "")
	f.Add(`ab/cd+ef"g\h€😀`, `{"message":"`, `"}`)
	f.Add("sk-live-0123456789abcdef", "Bearer ", "\n")
	f.Add("tab\there\nnew", "", "")
	f.Add("bad\xffbyte\xc3", "%", "%")
	f.Add("aaaaaa", "a", "aa")
	f.Add("ab", "--> GET /api/ab%61b", "")
	f.Add("%25%25%", "%", "25")
	f.Fuzz(func(t *testing.T, token, before, after string) {
		if len(token) > 512 || len(before)+len(after) > 4096 {
			return // the pattern grows with the token: long ones only slow the search
		}
		redact := tokenRedactor(token)
		if len(token) < minRedactLen {
			if in := before + token + after; redact(in) != in {
				t.Fatalf("the short token %q changed %q to %q", token, in, redact(in))
			}
			return
		}
		if strings.Contains(token, "*") {
			return // "***" itself could rebuild such a token
		}
		asJSON, _ := json.Marshal(token)
		for _, spelling := range []string{
			token, url.QueryEscape(token), url.PathEscape(token),
			percentEscapes.ReplaceAllStringFunc(url.QueryEscape(token), strings.ToLower),
			string(asJSON[1 : len(asJSON)-1]),
		} {
			if got := redact(before + spelling + after); strings.Contains(got, spelling) {
				t.Errorf("%q survives in %q", spelling, got)
			}
			if got := redact(spelling); got != "***" {
				t.Errorf("redact(%q) = %q, want ***", spelling, got)
			}
		}
	})
}

// percentEscapes matches the %XX escapes url.QueryEscape writes.
var percentEscapes = regexp.MustCompile(`%[0-9A-F]{2}`)
