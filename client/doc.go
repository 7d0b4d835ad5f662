// Package client is a Go client for the session-log API, which records what
// a customer does during a support session (ENTERED, TEMPORARILY_LEFT,
// ENDED, ...) and lists it back.
//
// Make one Client per API and share it; it is safe for concurrent use:
//
//	c, err := client.New("https://api.example.com/api", client.WithToken(token))
//
// Record an entry, and read a session's log one page at a time or whole:
//
//	entry, resp, err := c.CreateLog(ctx, "48213", client.ActionEntered)
//	page, resp, err := c.ListLogs(ctx, "48213", client.PageOptions{Page: 2})
//	for e, err := range c.Entries(ctx, "48213", client.EntriesOptions{Last: 10}) { ... }
//
// Entries fetches the pages side by side (WithConcurrency, or a Pool shared
// by several sessions with WithPool) and delivers the entries in timeline
// order, each with its position; it checks that the pages fit together and
// fails rather than repeat or skip an entry. Follow delivers the timeline
// and then each new entry as it is logged, until the session ends; it rides
// out rate limits and, for FollowOptions.ReconnectFor, a lost connection.
// Breaking out of either loop stops the fetching.
//
// # Errors
//
// Every failed call returns an *Error. Its Kind says what went wrong
// (KindNotFound, KindValidation, KindRateLimited, ...), StatusCode and
// Message give the HTTP status and the server's own message verbatim (the
// API speaks Arabic; Translate gives the English of its documented
// messages), and Explanation is a plain-English account. Uncertain is set
// when a create failed in a way that may still have recorded the entry:
// check the log before sending it again. Match kinds with errors.Is:
//
//	if errors.Is(err, &client.Error{Kind: client.KindNotFound}) { ... }
//
// # Retries and rate limits
//
// Requests are retried with jittered backoff (WithRetries, WithMaxRetryWait)
// after connection failures, 429 replies and, for reads, 5xx replies. A
// create (POST) is retried only when the server certainly did not process
// it, so that an entry is never recorded twice. A 429 with Retry-After
// pauses every request of the Client until that time. ListLogs and
// CreateLog return the Response beside their result: the HTTP status, the
// X-RateLimit-Limit and X-RateLimit-Remaining headers as a Rate, and
// Retry-After.
//
// The package never prints, reads configuration or exits; WithRetryNotify
// and the FollowOptions callbacks tell the caller what it is doing, and
// WithDebug writes a trace of the HTTP exchanges with the token redacted.
package client
