package faults

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strconv"
)

// Status answers in the wrapped handler's place with code, the given
// header (may be nil) and body; the request does not take effect.
func Status(code int, header http.Header, body string) Fault {
	return FaultFunc(func(w http.ResponseWriter, _ *http.Request, _ http.Handler) {
		for name, values := range header {
			w.Header()[name] = append([]string(nil), values...)
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(code)
		_, _ = w.Write([]byte(body)) // the client may have gone; nothing to do about it
	})
}

// HTML answers with code and an nginx-style HTML page titled title, as a
// proxy in front of the API does ("502 Bad Gateway"), or as a login or
// maintenance page does with code 200.
func HTML(code int, title string) Fault {
	t := html.EscapeString(title)
	page := "<html>\r\n<head><title>" + t + "</title></head>\r\n<body>\r\n<center><h1>" + t +
		"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	return Status(code, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, page)
}

// Laravel answers with code and Laravel's own error body
// {"message": message}, as its middleware does (401 "Unauthenticated.",
// 503 "Service Unavailable", 500 "Server Error").
func Laravel(code int, message string) Fault {
	return Status(code, http.Header{"Content-Type": {"application/json"}}, laravelBody(message))
}

// RateLimit answers as Laravel's throttle middleware does: 429 "Too Many
// Attempts." with a Retry-After header of retryAfter (delay-seconds or an
// HTTP date; none when ""), and X-RateLimit headers.
func RateLimit(retryAfter string) Fault {
	header := http.Header{
		"Content-Type":          {"application/json"},
		"X-Ratelimit-Limit":     {"60"},
		"X-Ratelimit-Remaining": {"0"},
	}
	if retryAfter != "" {
		header.Set("Retry-After", retryAfter)
	}
	return Status(http.StatusTooManyRequests, header, laravelBody("Too Many Attempts."))
}

// laravelBody is {"message": message} as JSON.
func laravelBody(message string) string {
	b, _ := json.Marshal(map[string]string{"message": message}) // strings always encode
	return string(b)
}

// Redirect answers with code (301, 302, 303, 307 or 308) and a Location of
// location, used as given: an absolute URL (another host) or a path on
// this one.
func Redirect(code int, location string) Fault {
	return Status(code, http.Header{"Location": {location}}, "")
}

// oversizeHead and oversizeTail surround the filler of an Oversize body.
const (
	oversizeHead = `{"success":true,"message":"ok","data":"`
	oversizeTail = `"}`
)

// Oversize answers 200 with a JSON body of exactly n bytes whose "data" is
// one huge string, streamed in small blocks so that it is never held in
// memory. It stops early when the client goes away. It panics when n is
// too small to hold the JSON around the string.
func Oversize(n int64) Fault {
	fill := n - int64(len(oversizeHead)+len(oversizeTail))
	if fill < 0 {
		panic(fmt.Sprintf("faults: Oversize(%d) is smaller than the JSON around its filler", n))
	}
	return FaultFunc(func(w http.ResponseWriter, _ *http.Request, _ http.Handler) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
		w.WriteHeader(http.StatusOK)
		if _, err := w.Write([]byte(oversizeHead)); err != nil {
			return
		}
		block := make([]byte, 64<<10)
		for i := range block {
			block[i] = 'x'
		}
		for left := fill; left > 0; {
			k := min(left, int64(len(block)))
			if _, err := w.Write(block[:k]); err != nil {
				return
			}
			left -= k
		}
		_, _ = w.Write([]byte(oversizeTail))
	})
}
