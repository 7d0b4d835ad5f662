package mockapi

import (
	"strconv"
	"strings"
)

// defaultPerPage is the document's default page size.
const defaultPerPage = 30

// onEachSide is Laravel's default number of page links beside the current page.
const onEachSide = 3

// lengthAwarePage is Laravel's LengthAwarePaginator::toArray(), keys in its order.
type lengthAwarePage struct {
	CurrentPage  int         `json:"current_page"`
	Data         []wireEntry `json:"data"`
	FirstPageURL string      `json:"first_page_url"`
	From         *int        `json:"from"`
	LastPage     int         `json:"last_page"`
	LastPageURL  string      `json:"last_page_url"`
	Links        []pageLink  `json:"links"`
	NextPageURL  *string     `json:"next_page_url"`
	Path         string      `json:"path"`
	PerPage      int         `json:"per_page"`
	PrevPageURL  *string     `json:"prev_page_url"`
	To           *int        `json:"to"`
	Total        int         `json:"total"`
}

// pageLink is one item of the paginator's "links".
type pageLink struct {
	URL    *string `json:"url"`
	Label  string  `json:"label"`
	Active bool    `json:"active"`
}

// lastPage is Laravel's max(1, ceil(total/perPage)).
func lastPage(total, perPage int) int {
	n := total / perPage
	if total%perPage != 0 {
		n++
	}
	return max(n, 1)
}

// pageBounds returns the index range [lo, hi) of page among total items;
// a page past the last is empty.
func pageBounds(total, page, perPage int) (lo, hi int) {
	if page > lastPage(total, perPage) {
		return total, total
	}
	lo = (page - 1) * perPage
	return lo, lo + min(perPage, total-lo)
}

// newLengthAwarePage builds the paginator for items, the entries of page
// out of total, with URLs under path (absolute, without query).
func newLengthAwarePage(path string, items []wireEntry, total, page, perPage int) lengthAwarePage {
	last := lastPage(total, perPage)
	p := lengthAwarePage{
		CurrentPage:  page,
		Data:         items,
		FirstPageURL: pageURL(path, 1),
		LastPage:     last,
		LastPageURL:  pageURL(path, last),
		Path:         path,
		PerPage:      perPage,
		Total:        total,
	}
	if p.Data == nil {
		p.Data = []wireEntry{}
	}
	if len(items) > 0 {
		from := (page-1)*perPage + 1
		to := from + len(items) - 1
		p.From, p.To = &from, &to
	}
	if page < last {
		p.NextPageURL = ptr(pageURL(path, page+1))
	}
	if page > 1 {
		p.PrevPageURL = ptr(pageURL(path, page-1))
	}
	p.Links = append(p.Links, pageLink{URL: p.PrevPageURL, Label: "&laquo; Previous"})
	for _, n := range linkWindow(page, last) {
		if n == 0 {
			p.Links = append(p.Links, pageLink{Label: "..."})
			continue
		}
		p.Links = append(p.Links, pageLink{URL: ptr(pageURL(path, n)), Label: strconv.Itoa(n), Active: n == page})
	}
	p.Links = append(p.Links, pageLink{URL: p.NextPageURL, Label: "Next &raquo;"})
	return p
}

// pageURL is Laravel's AbstractPaginator::url(n): only "page" is in the
// query, so per_page is not carried over.
func pageURL(path string, n int) string {
	return path + "?page=" + strconv.Itoa(n)
}

// linkWindow lists the page numbers Laravel's UrlWindow shows, with 0 for
// a "..." gap: every page below 14 pages, else the first two, a window
// around the current page and the last two.
func linkWindow(current, last int) []int {
	if last < onEachSide*2+8 {
		return pageRange(nil, 1, last)
	}
	window := onEachSide + 4
	switch {
	case current <= window:
		return pageRange(append(pageRange(nil, 1, window+onEachSide), 0), last-1, last)
	case current > last-window:
		return pageRange(append(pageRange(nil, 1, 2), 0), last-(window+onEachSide-1), last)
	default:
		pages := append(pageRange(nil, 1, 2), 0)
		pages = append(pageRange(pages, current-onEachSide, current+onEachSide), 0)
		return pageRange(pages, last-1, last)
	}
}

// pageRange appends the numbers from lo to hi to dst.
func pageRange(dst []int, lo, hi int) []int {
	for n := lo; n <= hi; n++ {
		dst = append(dst, n)
	}
	return dst
}

// parsePageNumber reads a page or per_page value as Laravel does
// (FILTER_VALIDATE_INT, then >= 1), falling back to def.
func parsePageNumber(s string, def int) int {
	s = strings.Trim(s, " \t\n\r\v")
	digits := strings.TrimPrefix(s, "+")
	if digits == "" || digits[0] < '1' || digits[0] > '9' {
		return def
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return def
	}
	return n
}

// ptr returns a pointer to s.
func ptr(s string) *string { return &s }
