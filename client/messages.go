package client

import (
	"sort"
	"strings"
	"unicode"
)

// The server's documented messages, verbatim.
const (
	msgFetched       = "تم جلب البيانات بنجاح"
	msgSaved         = "تم حفظ البيانات بنجاح"
	msgNotFound      = "لم يتم العثور على الجلسة"
	msgEnded         = "لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة"
	msgInvalidData   = "بيانات غير صالحة"
	msgInvalidAction = "نوع الإجراء غير صالح"
)

var translations = map[string]string{
	messageKey(msgFetched):       "Data fetched successfully",
	messageKey(msgSaved):         "Data saved successfully",
	messageKey(msgNotFound):      "Session not found",
	messageKey(msgEnded):         "You cannot record an activity log after the session has ended",
	messageKey(msgInvalidData):   "Invalid data",
	messageKey(msgInvalidAction): "Invalid action type",
}

// messageKinds are the messages that decide an error's kind whatever the status.
var messageKinds = map[string]ErrorKind{
	messageKey(msgNotFound):    KindNotFound,
	messageKey(msgEnded):       KindSessionEnded,
	messageKey(msgInvalidData): KindValidation,
}

// Translate returns the English meaning of one of the API's documented
// messages (which are in Arabic). Surrounding and inner white space do not
// matter. ok is false for any other message.
func Translate(message string) (english string, ok bool) {
	english, ok = translations[messageKey(message)]
	return english, ok
}

// messageKey normalises a message for lookup by dropping all white space.
func messageKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// kindForMessage returns the kind a documented error message implies.
func kindForMessage(message string) (ErrorKind, bool) {
	k, ok := messageKinds[messageKey(message)]
	return k, ok
}

// kindForStatus classifies an error status when the message is not decisive.
func kindForStatus(status int) ErrorKind {
	switch {
	case status == 401 || status == 403:
		return KindAuth
	case status == 404:
		return KindNotFound
	case status == 429:
		return KindRateLimited
	case status == 408 || status >= 500:
		return KindServer
	case status >= 400:
		return KindValidation
	}
	return KindServer // a failure reported without an error status
}

// explainStatus is the English account of an error status.
func explainStatus(status int) string {
	switch status {
	case 401:
		return "authentication failed: the API token is missing, invalid or expired"
	case 403:
		return "permission denied: the API token may not do this"
	case 404:
		return "not found"
	case 408:
		return "the server timed out waiting for the request"
	case 422:
		return "the server rejected the request as invalid"
	case 429:
		return "rate limited: too many requests"
	case 500:
		return "internal server error"
	case 502:
		return "bad gateway: a proxy could not get a reply from the API server"
	case 503:
		return "the service is unavailable"
	case 504:
		return "gateway timeout: a proxy gave up waiting for the API server"
	}
	switch {
	case status >= 500:
		return "server error"
	case status >= 400:
		return "the server rejected the request"
	}
	return "the server reported a failure"
}

// explainFields renders validation messages as "field: message; ...",
// sorted by field name, translating the documented messages.
func explainFields(fields map[string][]string) string {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	var parts []string
	for _, name := range names {
		for _, msg := range fields[name] {
			if english, ok := Translate(msg); ok {
				msg = lowerFirst(english)
			}
			parts = append(parts, name+": "+msg)
		}
	}
	return strings.Join(parts, "; ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
