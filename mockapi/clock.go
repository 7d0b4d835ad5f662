package mockapi

import (
	"sync"
	"time"
)

// mockClock is the Handler's clock: the configured source, shifted by
// AdvanceClock, or frozen by SetClock or WithFrozenClock, when it moves
// only when told to.
type mockClock struct {
	mu     sync.Mutex
	source func() time.Time
	frozen bool
	at     time.Time     // the time while frozen
	offset time.Duration // added to source while running

	start clockStart // the state Reset returns to
}

// clockStart is a mockClock's initial state.
type clockStart struct {
	frozen bool
	at     time.Time
}

// newMockClock returns a clock on source, frozen at at unless at is zero.
func newMockClock(source func() time.Time, at time.Time) *mockClock {
	c := &mockClock{source: source, start: clockStart{frozen: !at.IsZero(), at: at}}
	c.reset()
	return c
}

// now returns the clock's time without a monotonic reading, so that
// stored times compare with ==.
func (c *mockClock) now() time.Time {
	t, _ := c.read()
	return t
}

// read returns the clock's time and whether it is frozen.
func (c *mockClock) read() (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen {
		return c.at, true
	}
	return c.source().Add(c.offset).Round(0), false
}

// wall is the clock's time by the wall clock: the frozen time, or
// time.Now shifted by advance, without calling the configured source
// (which may count its calls, as tests' clocks do).
func (c *mockClock) wall() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen {
		return c.at
	}
	return time.Now().Add(c.offset).Round(0)
}

// set freezes the clock at t.
func (c *mockClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.frozen, c.at = true, t.Round(0)
}

// advance moves the clock d ahead (back when d < 0).
func (c *mockClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen {
		c.at = c.at.Add(d)
	} else {
		c.offset += d
	}
}

// reset returns the clock to its initial state.
func (c *mockClock) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.frozen, c.at, c.offset = c.start.frozen, c.start.at.Round(0), 0
}

// Now returns the time of the Handler's clock: what created entries get.
func (h *Handler) Now() time.Time { return h.clock.now() }

// SetClock freezes the Handler's clock at t: from then on it moves only
// through SetClock and AdvanceClock.
func (h *Handler) SetClock(t time.Time) { h.clock.set(t) }

// AdvanceClock moves the Handler's clock d ahead, frozen or not.
func (h *Handler) AdvanceClock(d time.Duration) { h.clock.advance(d) }
