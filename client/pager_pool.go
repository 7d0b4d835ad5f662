package client

import (
	"container/heap"
	"context"
	"net/http"
	"sync"
)

// DefaultConcurrency is how many requests an Entries call without a Pool,
// or a Pool made with NewPool(0), keeps in flight.
const DefaultConcurrency = 4

// Pool bounds the requests in flight across every Entries call that shares
// it (WithPool), so that several sessions fetched at once still respect one
// concurrency limit. A free slot goes to the waiting request of the lowest
// order, then of the lowest page, so that the session consumed first is
// also fetched first. A Pool is safe for concurrent use; its zero
// value is not usable, make one with NewPool.
type Pool struct {
	size int

	mu      sync.Mutex
	free    int         // slots not taken; > 0 only while nobody waits
	waiting waiterQueue // requests waiting for a slot, lowest key first
	seq     uint64      // arrival counter, breaking ties between equal keys
}

// NewPool returns a Pool of n request slots (DefaultConcurrency when n < 1).
func NewPool(n int) *Pool {
	if n < 1 {
		n = DefaultConcurrency
	}
	return &Pool{size: n, free: n}
}

// Size returns the number of requests the Pool lets be in flight at once.
func (p *Pool) Size() int { return p.size }

// slotKey orders waiting requests: by timeline, then page, then arrival.
type slotKey struct {
	order, page int
	seq         uint64
}

func (k slotKey) less(o slotKey) bool {
	if k.order != o.order {
		return k.order < o.order
	}
	if k.page != o.page {
		return k.page < o.page
	}
	return k.seq < o.seq
}

// waiter is one request waiting for a slot; ready is closed when it gets one.
type waiter struct {
	key     slotKey
	ready   chan struct{}
	granted bool // set, under the Pool's lock, when the slot is handed over
	index   int  // position in the heap
}

// enqueue asks for a slot without waiting: the returned waiter holds a slot
// already when one is free, and otherwise joins the queue. Calling enqueue
// in page order, as the pager's scheduler does, hands free slots out in
// page order.
func (p *Pool) enqueue(order, page int) *waiter {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.free > 0 {
		p.free--
		return &waiter{ready: closedChan, granted: true}
	}
	p.seq++
	w := &waiter{key: slotKey{order: order, page: page, seq: p.seq}, ready: make(chan struct{})}
	heap.Push(&p.waiting, w)
	return w
}

// wait blocks until w holds a slot, or until ctx ends: w then gives up its
// place in the queue, or hands on the slot it got in the meantime.
func (p *Pool) wait(ctx context.Context, w *waiter) error {
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		p.mu.Lock()
		if w.granted {
			p.releaseLocked()
		} else {
			heap.Remove(&p.waiting, w.index)
		}
		p.mu.Unlock()
		return cancelledError(ctx, http.MethodGet, ctx.Err(), false)
	}
}

// closedChan is the ready channel of a waiter that got a slot at once.
var closedChan = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// release gives a slot back, to the first waiting request if there is one.
func (p *Pool) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.releaseLocked()
}

func (p *Pool) releaseLocked() {
	if p.waiting.Len() == 0 {
		p.free++
		return
	}
	w := heap.Pop(&p.waiting).(*waiter)
	w.granted = true
	close(w.ready)
}

// waiterQueue is a min-heap of waiters by key (container/heap).
type waiterQueue []*waiter

func (q waiterQueue) Len() int           { return len(q) }
func (q waiterQueue) Less(i, j int) bool { return q[i].key.less(q[j].key) }
func (q waiterQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}

func (q *waiterQueue) Push(x any) {
	w := x.(*waiter)
	w.index = len(*q)
	*q = append(*q, w)
}

func (q *waiterQueue) Pop() any {
	old := *q
	w := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return w
}
