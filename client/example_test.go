package client_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sessionlog/sessionlog/client"
	"github.com/sessionlog/sessionlog/mockapi"
)

// startAPI serves the mock API with one session, "7", of three entries
// recorded at 2:30 PM UTC, and a clock frozen at 2:45 PM.
func startAPI() *mockapi.Server {
	at := time.Date(2026, 11, 26, 14, 30, 0, 0, time.UTC)
	srv, err := mockapi.NewServer(mockapi.WithLocation(time.UTC), mockapi.WithFrozenClock(at.Add(15*time.Minute)))
	if err != nil {
		panic(err)
	}
	srv.Handler().AddSession("7",
		mockapi.Entry{ActionType: mockapi.ActionEntered, Time: at},
		mockapi.Entry{ActionType: mockapi.ActionTemporarilyLeft, Time: at.Add(5 * time.Minute)},
		mockapi.Entry{ActionType: mockapi.ActionEntered, Time: at.Add(9 * time.Minute)})
	return srv
}

// ListLogs fetches one page and the paging facts the server reported.
func ExampleClient_ListLogs() {
	srv := startAPI()
	defer srv.Close()
	c, err := client.New(srv.URL())
	if err != nil {
		fmt.Println(err)
		return
	}

	page, resp, err := c.ListLogs(context.Background(), "7", client.PageOptions{Page: 1, PerPage: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("HTTP %d, page %d of %d, %d entries in all\n", resp.StatusCode, page.CurrentPage, page.LastPage, page.Total)
	for _, e := range page.Entries {
		fmt.Println(e.Date, e.ActionType)
	}
	// Output:
	// HTTP 200, page 1 of 2, 3 entries in all
	// 2:30 PM ENTERED
	// 2:35 PM TEMPORARILY_LEFT
}

// Entries pages through a whole timeline; each entry knows its position.
// Breaking out of the loop stops the fetching.
func ExampleClient_Entries() {
	srv := startAPI()
	defer srv.Close()
	c, err := client.New(srv.URL())
	if err != nil {
		fmt.Println(err)
		return
	}

	for e, err := range c.Entries(context.Background(), "7", client.EntriesOptions{PerPage: 1}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(e.Position, e.Date, e.ActionType)
		if e.ActionType == client.ActionTemporarilyLeft {
			break
		}
	}
	// Output:
	// 1 2:30 PM ENTERED
	// 2 2:35 PM TEMPORARILY_LEFT
}

// Follow delivers the timeline, then each entry as it is logged, and ends
// once the session has ended.
func ExampleClient_Follow() {
	srv := startAPI()
	defer srv.Close()
	c, err := client.New(srv.URL())
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	opts := client.FollowOptions{
		Last:     1,
		Interval: 10 * time.Millisecond,
		OnCaughtUp: func() {
			// Another client ends the session; the API adds its SESSION_PERIOD.
			if _, _, err := c.CreateLog(ctx, "7", client.ActionEnded); err != nil {
				fmt.Println(err)
			}
		},
	}
	for e, err := range c.Follow(ctx, "7", opts) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(e.Position, e.ActionType, e.Text)
	}
	fmt.Println("the session has ended")
	// Output:
	// 3 ENTERED Customer entered the session
	// 4 ENDED Session was ended
	// 5 SESSION_PERIOD Session period: 15 minutes
	// the session has ended
}

// CreateLog records an entry and returns it as the server stored it.
func ExampleClient_CreateLog() {
	srv := startAPI()
	defer srv.Close()
	c, err := client.New(srv.URL())
	if err != nil {
		fmt.Println(err)
		return
	}

	entry, _, err := c.CreateLog(context.Background(), "7", client.ActionLeft)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(entry.Date, entry.ActionType, entry.Text)
	// Output: 2:45 PM LEFT Customer left the session
}

// Every failure is an *Error: its Kind says what went wrong, and the
// server's own message is kept verbatim beside an English explanation.
func ExampleError() {
	srv := startAPI()
	defer srv.Close()
	c, err := client.New(srv.URL(), client.WithRetries(0))
	if err != nil {
		fmt.Println(err)
		return
	}

	_, _, err = c.ListLogs(context.Background(), "999", client.PageOptions{})
	var apiErr *client.Error
	if errors.As(err, &apiErr) {
		english, _ := client.Translate(apiErr.Message)
		fmt.Println(apiErr.Kind, apiErr.StatusCode, english)
	}
	if errors.Is(err, &client.Error{Kind: client.KindNotFound}) {
		fmt.Println("no such session")
	}
	// Output:
	// not_found 404 Session not found
	// no such session
}
