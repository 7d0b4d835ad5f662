// Package mockapi is an in-memory implementation of the session-log API
// (GET and POST /v1/customer/sessions/{id}/log), written from the API
// document rather than from the client, so that a wire-format mistake in
// either one shows up in tests instead of being mirrored.
//
// Replies follow the document and the Laravel application behind it:
//
//   - success and error replies use the envelope
//     {"success","message","data","statusCode"} in that key order;
//   - list replies wrap Laravel's LengthAwarePaginator, all 13 keys in
//     Laravel's order, with absolute URLs built from the request's scheme,
//     Host and path, and Laravel 10/11 "links" (pages elided with "..."
//     when there are 14 pages or more, as Laravel's UrlWindow does);
//   - page URLs carry only "page", as Laravel's paginate() builds them:
//     per_page is not carried over to next_page_url and the others;
//   - unknown routes (404), other methods (405) and a missing or wrong
//     token (401) answer in Laravel's own {"message": ...} shape, without
//     the envelope, naming the whole path as Request::path() does
//     ({"message":"The route api/v1/x could not be found."}).
//
// The {id} is one path segment, percent-decoded, so "a%2Fb" names session
// "a/b" (Laravel itself would decode before matching and answer 404).
// HEAD is answered as GET, and OPTIONS with 200 and an Allow header, as
// Laravel does; trailing slashes are ignored.
//
// JSON is written as plain UTF-8 with unescaped "/" and "&" for
// readability; Laravel's json_encode would write \uXXXX and "\/" instead.
// Clients must not depend on either.
//
// # Test control
//
// For test suites the Handler also has faults (WithFaults, AddFaults,
// ClearFaults; rules from mockapi/faults), a clock to control
// (WithFrozenClock, SetClock, AdvanceClock), a journal of the API
// requests (Requests, ClearRequests) and Reset, which brings back the
// starting state. The same is served over HTTP, under the base path, with
// the API's token when one is set; errors answer {"message": ...}:
//
//	POST   /_mock/reset     the fixture again, start faults re-armed, added ones
//	                        removed, journal empty, clock back to its start
//	GET    /_mock/requests  the journal: [{time, method, path, query, status, body}]
//	                        oldest first; status 0 when no reply was sent;
//	                        body capped at 64 KiB
//	DELETE /_mock/requests  empty the journal
//	POST   /_mock/faults    add rules: a JSON list of faults.Spec objects or
//	                        short forms such as "GET=503x2"
//	DELETE /_mock/faults    remove every rule, start ones included
//	POST   /_mock/sessions  add or replace sessions, a fixture document
//	                        (YAML or JSON; "anchor: start" anchors to the clock)
//	POST   /_mock/clock     {"set": "2026-11-26T14:30:00Z"} freezes the clock
//	                        there; {"advance": "11m"} moves it on
//	GET    /_mock/health    {"status":"ok","now",...,"sessions","faults","requests"}
//
// Admin requests are logged but not journalled, and never meet a fault.
// A POST is checked in Laravel's order, which is not the order the
// document lists its errors: the FormRequest validates the body first
// (422 "بيانات غير صالحة" with data.action_type), then the controller
// looks the session up (404), then refuses an ended session (422). So an
// invalid body to an unknown or ended session is a 422 validation error.
// With WithAutoCreate, a valid POST to an unknown session creates it.
// The body is read as JSON only when Content-Type contains "/json" or
// "+json" (Laravel's Request::isJson); action_type is trimmed as Laravel's
// TrimStrings middleware does and must then equal one of the seven
// documented values exactly.
package mockapi
