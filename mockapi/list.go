package mockapi

import (
	"net/http"
	"strings"
)

// list answers GET: one page of session id's log.
func (h *Handler) list(r *http.Request, id string) reply {
	q := r.URL.Query()
	page := parsePageNumber(lastValue(q["page"]), 1)
	perPage := parsePageNumber(lastValue(q["per_page"]), defaultPerPage)
	if h.maxPerPage > 0 {
		perPage = min(perPage, h.maxPerPage)
	}
	entries, total, ok := h.page(id, page, perPage)
	if !ok {
		return sessionNotFound()
	}
	items := make([]wireEntry, len(entries))
	for i, e := range entries {
		items[i] = e.wire(h.loc)
	}
	return success(msgFetched, newLengthAwarePage(currentURL(r), items, total, page, perPage))
}

// lastValue is PHP's reading of a repeated query parameter: the last one.
func lastValue(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// currentURL is Laravel's Request::url(): scheme, host and the path the
// client asked for (before any prefix stripping), without query or
// trailing slash.
func currentURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = "localhost"
	}
	return scheme + "://" + host + strings.TrimRight(requestPath(r), "/")
}
