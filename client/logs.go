package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// ListLogs fetches one page of a session's activity log
// (GET /v1/customer/sessions/{id}/log). The Response is returned whenever
// a reply was received, with an error too when that reply failed; use
// Entries to page through the whole log.
func (c *Client) ListLogs(ctx context.Context, sessionID string, opts PageOptions) (*Page, *Response, error) {
	if err := checkCall(ctx, sessionID); err != nil {
		return nil, nil, err
	}
	if opts.Page < 0 || opts.PerPage < 0 {
		return nil, nil, &Error{Kind: KindInvalidInput, Explanation: "page and per_page must not be negative"}
	}
	query := url.Values{}
	if opts.Page > 0 {
		query.Set("page", strconv.Itoa(opts.Page))
	}
	if opts.PerPage > 0 {
		query.Set("per_page", strconv.Itoa(opts.PerPage))
	}
	rep, err := c.do(ctx, http.MethodGet, c.logPath(sessionID), query, nil)
	if err != nil {
		return nil, nil, c.redactError(err)
	}
	page, err := decodeListReply(rep, max(opts.Page, 1))
	if err != nil {
		return nil, c.newResponse(rep), c.redactError(err)
	}
	return page, c.newResponse(rep), nil
}

// CreateLog records one activity-log entry for a session
// (POST /v1/customer/sessions/{id}/log) and returns the entry the server
// recorded. action is sent as given, even when it is not a documented type.
// A failure after which the entry may or may not have been recorded has
// kind KindUncertain; a create is retried only when the server certainly did
// not process it. The Response is returned whenever a reply was received.
func (c *Client) CreateLog(ctx context.Context, sessionID string, action ActionType) (*LogEntry, *Response, error) {
	if err := checkCall(ctx, sessionID); err != nil {
		return nil, nil, err
	}
	body, err := json.Marshal(struct {
		ActionType ActionType `json:"action_type"`
	}{action})
	if err != nil {
		return nil, nil, &Error{Kind: KindInvalidInput, Explanation: "cannot encode the request", Err: err}
	}
	rep, err := c.do(ctx, http.MethodPost, c.logPath(sessionID), nil, body)
	if err != nil {
		return nil, nil, c.redactError(postReplyError(nil, err))
	}
	entry, err := decodeCreateReply(rep)
	if err != nil {
		return nil, c.newResponse(rep), c.redactError(postReplyError(rep, err))
	}
	return entry, c.newResponse(rep), nil
}

// checkCall refuses a call that cannot be sent.
func checkCall(ctx context.Context, sessionID string) error {
	if ctx == nil {
		return &Error{Kind: KindInvalidInput, Explanation: "nil context"}
	}
	return ValidateSessionID(sessionID)
}
