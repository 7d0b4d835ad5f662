package mockapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/sessionlog/sessionlog/mockapi"
	"github.com/sessionlog/sessionlog/mockapi/faults"
)

// A Go suite controls the mock as a bash suite does through /_mock/: the
// first GET fails with 503, the clock is frozen and moved by hand, the
// journal shows what each request got, and Reset starts the next test
// afresh.
func ExampleWithFaults() {
	firstGET, err := faults.ParseSpec("GET=503x1")
	if err != nil {
		fmt.Println(err)
		return
	}
	rule, err := firstGET.Rule()
	if err != nil {
		fmt.Println(err)
		return
	}
	srv, err := mockapi.NewServer(
		mockapi.WithFixture(mockapi.DefaultFixture()),
		mockapi.WithFrozenClock(time.Date(2026, 11, 26, 16, 20, 0, 0, time.UTC)),
		mockapi.WithFaults(rule),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	mock := srv.Handler()

	for range 2 {
		resp, err := http.Get(srv.URL() + "/v1/customer/sessions/1001/log")
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
	}
	mock.AdvanceClock(11 * time.Minute)
	resp, err := http.Post(srv.URL()+"/v1/customer/sessions/1002/log", "application/json", strings.NewReader(`{"action_type":"ENDED"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()

	for _, rec := range mock.Requests() {
		fmt.Printf("%s %s %s %d %q\n", rec.Time.Format("15:04"), rec.Method, rec.SessionID, rec.Status, rec.Body)
	}
	entries, _ := mock.Entries("1002")
	fmt.Println(entries[len(entries)-1].Text)

	mock.Reset()
	fmt.Println(len(mock.Requests()), mock.Now().Format("15:04"))
	// Output:
	// 16:20 GET 1001 503 ""
	// 16:20 GET 1001 200 ""
	// 16:31 POST 1002 200 "{\"action_type\":\"ENDED\"}"
	// Session period: 31 minutes
	// 0 16:20
}
