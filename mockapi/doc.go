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
//     token (401) answer in Laravel's own {"message": ...} shape.
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
// A POST is checked in the order the document lists its errors: unknown
// session (404), session already ended (422), invalid action_type (422).
// The body is read as JSON only when Content-Type contains "/json" or
// "+json" (Laravel's Request::isJson); action_type is trimmed as Laravel's
// TrimStrings middleware does and must then equal one of the seven
// documented values exactly.
package mockapi
