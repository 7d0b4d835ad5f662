package client

import (
	"fmt"
	"strings"
	"testing"
)

// page1 wraps entries (JSON text) in a one-page list reply.
func page1(entries string, n int) string {
	return fmt.Sprintf(`{"success":true,"message":"ok","data":{"current_page":1,"data":[%s],"last_page":1,"per_page":30,"total":%d},"statusCode":200}`, entries, n)
}

func TestFastListReplyTakesUsualReplies(t *testing.T) {
	for name, body := range map[string]string{
		"documented":             docListReply,
		"compact":                page1(`{"text":"a","date":"2:30 PM","action_type":"ENTERED"}`, 1),
		"escaped text":           page1(`{"text":"\u062a\"","date":null,"action_type":"ENTERED"}`, 1),
		"keys differing in case": page1(`{"text":"A","TEXT":"B","Action_Type":"ENDED"}`, 1),
		"empty":                  page1(``, 0),
	} {
		page, ok := fastListReply(&reply{status: 200, body: []byte(body)}, 1)
		if !ok {
			t.Errorf("%s: not taken", name)
			continue
		}
		slow, err := tolerantListReply(&reply{status: 200, body: []byte(body)}, 1)
		if err != nil || fmt.Sprint(page) != fmt.Sprint(slow) {
			t.Errorf("%s: fast %+v, tolerant %+v (%v)", name, page, slow, err)
		}
	}
}

func TestFastListReplyLeavesTheUnusual(t *testing.T) {
	for name, body := range map[string]string{
		"success false":      strings.Replace(page1(``, 0), `"success":true`, `"success":false`, 1),
		"success as text":    strings.Replace(page1(``, 0), `"success":true`, `"success":"true"`, 1),
		"statusCode 500":     strings.Replace(page1(``, 0), `"statusCode":200`, `"statusCode":500`, 1),
		"envelope key twice": strings.Replace(page1(``, 0), `"message":"ok"`, `"success":true`, 1),
		"escaped key":        strings.Replace(page1(``, 0), `"data":{`, `"d\u0061ta":{`, 1),
		"paging as text":     strings.Replace(page1(``, 0), `"total":0`, `"total":"0"`, 1),
		"paging as float":    strings.Replace(page1(``, 0), `"total":0`, `"total":0.0`, 1),
		"paging missing":     strings.Replace(page1(``, 0), `,"total":0`, ``, 1),
		"entry key twice":    page1(`{"text":"A","text":"B"}`, 1),
		"number as text":     page1(`{"text":1}`, 1),
		"invalid UTF-8":      page1("{\"text\":\"a\xffb\"}", 1),
		"too deep":           page1(`{"x":`+strings.Repeat("[", 64)+strings.Repeat("]", 64)+`}`, 1),
		"not an object":      page1(`[]`, 1),
		"trailing text":      page1(``, 0) + "x",
		"wrong page":         strings.Replace(page1(``, 0), `"current_page":1`, `"current_page":2`, 1),
	} {
		if page, ok := fastListReply(&reply{status: 200, body: []byte(body)}, 1); ok {
			t.Errorf("%s: taken as %+v", name, page)
		}
	}
	if _, ok := fastListReply(&reply{status: 500, body: []byte(page1(``, 0))}, 1); ok {
		t.Error("an HTTP 500 reply taken")
	}
}
