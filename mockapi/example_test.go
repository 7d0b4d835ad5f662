package mockapi_test

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/sessionlog/sessionlog/mockapi"
)

// A QA test starts a server with the default sessions, points a client at
// srv.URL(), and asserts on the stored state and the requests received.
func ExampleNewServer() {
	srv, err := mockapi.NewServer(mockapi.WithFixture(mockapi.DefaultFixture()), mockapi.WithToken("secret"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	req, err := http.NewRequest(http.MethodPost, srv.URL()+"/v1/customer/sessions/1002/log", strings.NewReader(`{"action_type":"ENDED"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()

	entries, _ := srv.Handler().Entries("1002")
	last := entries[len(entries)-1]
	fmt.Println(resp.StatusCode, srv.Handler().RequestCount(http.MethodPost), len(entries), last.ActionType)
	// Output: 200 1 5 SESSION_PERIOD
}
