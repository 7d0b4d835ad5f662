package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// The API's messages, verbatim from the document.
const (
	msgFetched       = "تم جلب البيانات بنجاح"
	msgSaved         = "تم حفظ البيانات بنجاح"
	msgNotFound      = "لم يتم العثور على الجلسة"
	msgEnded         = "لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة"
	msgInvalid       = "بيانات غير صالحة"
	msgInvalidAction = "نوع الإجراء غير صالح"
)

// envelope is the API's reply wrapper, keys in the document's order.
type envelope struct {
	Success    bool   `json:"success"`
	Message    string `json:"message"`
	Data       any    `json:"data"`
	StatusCode int    `json:"statusCode"`
}

// laravelError is Laravel's own error shape, used outside the controller.
type laravelError struct {
	Message string `json:"message"`
}

// reply is a response to write: a status, an optional Allow header and a
// JSON body (none when nil).
type reply struct {
	status int
	allow  string
	body   any
}

// success wraps data in a success envelope.
func success(message string, data any) reply {
	return reply{status: http.StatusOK, body: envelope{Success: true, Message: message, Data: data, StatusCode: http.StatusOK}}
}

// failure wraps data in a failure envelope with status.
func failure(status int, message string, data any) reply {
	return reply{status: status, body: envelope{Message: message, Data: data, StatusCode: status}}
}

// sessionNotFound is the document's 404 for an unknown session.
func sessionNotFound() reply { return failure(http.StatusNotFound, msgNotFound, nil) }

// encodeJSON marshals v as UTF-8 without HTML escaping and without a
// trailing newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// write sends rep. A body that cannot be encoded becomes Laravel's 500.
func (rep *reply) write(w http.ResponseWriter) {
	if rep.allow != "" {
		w.Header().Set("Allow", rep.allow)
	}
	w.Header().Set("Cache-Control", "no-cache, private")
	if rep.body == nil {
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(rep.status)
		return
	}
	b, err := encodeJSON(rep.body)
	if err != nil {
		rep.status = http.StatusInternalServerError
		b = []byte(`{"message":"Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(rep.status)
	_, _ = w.Write(b) // the client may have gone; nothing to do about it
}
