package cmd

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/client"
)

func TestFollowLostNotice(t *testing.T) {
	tests := []struct {
		err  *client.Error
		want string
	}{
		{&client.Error{Kind: client.KindServer, StatusCode: http.StatusServiceUnavailable, Explanation: "the service is unavailable"},
			"connection to the API lost (the service is unavailable (HTTP 503)); retrying for up to 5m0s"},
		{&client.Error{Kind: client.KindNetwork, Explanation: "could not connect to the server: connection refused"},
			"connection to the API lost (could not connect to the server: connection refused); retrying for up to 5m0s"},
		{&client.Error{Kind: client.KindServer, StatusCode: http.StatusBadGateway, Explanation: "bad gateway; the request was redirected to b.example, which is not sent the token", RedirectedTo: "b.example"},
			"connection to the API lost (bad gateway; the request was redirected to b.example, which is not sent the token; " +
				"if the API has moved, set the base URL to its new address (HTTP 502)); retrying for up to 5m0s"},
	}
	for _, tt := range tests {
		if got := lostNotice(tt.err, 5*time.Minute); got != tt.want {
			t.Errorf("lostNotice:\n%s\nwant\n%s", got, tt.want)
		}
	}
}

func TestFollowReconnectForUsage(t *testing.T) {
	newMock(t)
	res := runCLI(t, "list", "1002", "-f", "--reconnect-for", "-1s")
	if res.code != ExitUsage || !strings.Contains(res.stderr, "--reconnect-for must not be negative") {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
}
