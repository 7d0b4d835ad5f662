// Command baseline is the yardstick of scripts/bench.sh: the least a Go
// program can do to print a session's activity log as JSON lines. It pages
// like sessionlog (page 1, then the others side by side, at most
// -concurrency requests at once, printed in order) with net/http and one
// encoding/json decode of each reply into a struct, and none of
// sessionlog's checks, retries or faithfulness to unknown fields.
//
// Usage: go run ./scripts/baseline -base-url URL [-per-page N] [-concurrency N] SESSION_ID
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

// reply is a list reply of the API, reduced to what is printed.
type reply struct {
	Data struct {
		Data     []entry `json:"data"`
		LastPage int     `json:"last_page"`
		PerPage  int     `json:"per_page"`
	} `json:"data"`
}

type entry struct {
	Text       string `json:"text"`
	Date       string `json:"date"`
	ActionType string `json:"action_type"`
}

// line is one printed entry.
type line struct {
	SessionID string `json:"session_id"`
	Position  int    `json:"position"`
	entry
}

func main() {
	base := flag.String("base-url", "", "API base URL")
	perPage := flag.Int("per-page", 1000, "entries per page")
	concurrency := flag.Int("concurrency", 8, "requests at once")
	flag.Parse()
	if *base == "" || flag.NArg() != 1 || *concurrency < 1 {
		fmt.Fprintln(os.Stderr, "usage: baseline -base-url URL [-per-page N] [-concurrency N] SESSION_ID")
		os.Exit(2)
	}
	if err := run(*base, flag.Arg(0), *perPage, *concurrency); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}

func run(base, id string, perPage, concurrency int) error {
	get := func(page int) (*reply, error) {
		u := fmt.Sprintf("%s/v1/customer/sessions/%s/log?page=%d&per_page=%d", base, url.PathEscape(id), page, perPage)
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("page %d: %s", page, resp.Status)
		}
		var r reply
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		return &r, nil
	}
	first, err := get(1)
	if err != nil {
		return err
	}
	perPage = first.Data.PerPage
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	print := func(page int, r *reply) error {
		for i, e := range r.Data.Data {
			if err := enc.Encode(line{SessionID: id, Position: (page-1)*perPage + i + 1, entry: e}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := print(1, first); err != nil {
		return err
	}
	// One channel per page keeps the output in order; the semaphore bounds
	// the requests in flight, and the pages ahead of the printer.
	type result struct {
		r   *reply
		err error
	}
	last := first.Data.LastPage
	results := make([]chan result, last+1)
	for page := 2; page <= last; page++ {
		results[page] = make(chan result, 1)
	}
	sem := make(chan struct{}, concurrency)
	go func() {
		for page := 2; page <= last; page++ {
			sem <- struct{}{}
			go func() {
				r, err := get(page)
				results[page] <- result{r, err}
			}()
		}
	}()
	for page := 2; page <= last; page++ {
		res := <-results[page]
		<-sem
		if res.err != nil {
			return res.err
		}
		if err := print(page, res.r); err != nil {
			return err
		}
	}
	return nil
}
