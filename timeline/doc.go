// Package timeline does time arithmetic on a session's activity log: it reads
// the entries' display dates (wall-clock times such as "2:30 PM" or "٢:٣٠ م"),
// works out the time between entries across midnight, and summarises a
// session: its status, how often and for how long the customer was away.
//
// Display dates carry no day, so the package assumes what the API promises:
// entries come in chronological order, and consecutive entries are less than
// 24 hours apart. A time earlier than the one before it means midnight was
// crossed. A date that cannot be read is never guessed at: every duration
// that needs it is unknown.
package timeline
