package mockapi

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// logRoutePrefix and logRouteSuffix surround the {id} segment of the log route.
const (
	logRoutePrefix = "/v1/customer/sessions/"
	logRouteSuffix = "/log"
)

// maxBody is the largest request body read; a larger one is invalid.
const maxBody = 1 << 20

// relativePath strips the base path from the escaped path p; ok is false
// when p is outside it.
func (h *Handler) relativePath(p string) (string, bool) {
	if h.basePath == "" {
		return p, true
	}
	rest, ok := strings.CutPrefix(p, h.basePath)
	if !ok || (rest != "" && rest[0] != '/') {
		return "", false
	}
	if rest == "" {
		rest = "/"
	}
	return rest, true
}

// matchLogRoute matches the escaped path p against
// /v1/customer/sessions/{id}/log, ignoring trailing slashes as Laravel
// does, and returns the percent-decoded id.
func matchLogRoute(p string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimRight(p, "/"), logRoutePrefix)
	if !ok {
		return "", false
	}
	seg, ok := strings.CutSuffix(rest, logRouteSuffix)
	if !ok || seg == "" || strings.Contains(seg, "/") {
		return "", false
	}
	id, err := url.PathUnescape(seg)
	if err != nil {
		return "", false
	}
	return id, true
}

// laravelPath is Laravel's Request::path(): p without surrounding slashes, or "/".
func laravelPath(p string) string {
	if t := strings.Trim(p, "/"); t != "" {
		return t
	}
	return "/"
}

// routeNotFound is Laravel's reply for a path no route matches.
func routeNotFound(p string) reply {
	msg := fmt.Sprintf("The route %s could not be found.", laravelPath(p))
	return reply{status: http.StatusNotFound, body: laravelError{Message: msg}}
}

// methodNotAllowed is Laravel's reply for a method the log route lacks.
func methodNotAllowed(method, p string) reply {
	msg := fmt.Sprintf("The %s method is not supported for route %s. Supported methods: GET, HEAD, POST.", method, laravelPath(p))
	return reply{status: http.StatusMethodNotAllowed, allow: "GET, HEAD, POST", body: laravelError{Message: msg}}
}

// unauthenticated is Laravel's reply for a missing or wrong token.
func unauthenticated() reply {
	return reply{status: http.StatusUnauthorized, body: laravelError{Message: "Unauthenticated."}}
}

// readBody reads up to maxBody bytes of r's body; ok is false when the
// body could not be read whole.
func readBody(r *http.Request) ([]byte, bool) {
	if r.Body == nil {
		return nil, true
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(b) > maxBody {
		return b[:min(len(b), maxBody)], false
	}
	return b, true
}

// requestPath is the escaped path the client sent: from RequestURI when
// set, which http.StripPrefix leaves alone, else from r.URL.
func requestPath(r *http.Request) string {
	if u, err := url.ParseRequestURI(r.RequestURI); err == nil && u.Path != "" {
		return u.EscapedPath()
	}
	return r.URL.EscapedPath()
}
