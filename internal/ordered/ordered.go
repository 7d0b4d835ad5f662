// Package ordered puts back in order values that are settled out of order,
// such as pages fetched side by side or rows created in parallel: the one
// ordered-delivery mechanism of the module.
package ordered

// Queue holds values put under any index and hands them out strictly in
// index order, from a first index on. The zero value starts at index 0. A
// Queue is not safe for concurrent use.
type Queue[T any] struct {
	next int
	held map[int]T
}

// NewQueue returns a Queue whose first value is the one put under first.
func NewQueue[T any](first int) *Queue[T] { return &Queue[T]{next: first} }

// Put holds v under index i; an index already handed out is ignored.
func (q *Queue[T]) Put(i int, v T) {
	if i < q.next {
		return
	}
	if q.held == nil {
		q.held = map[int]T{}
	}
	q.held[i] = v
}

// Next removes and returns the value at the next index, once it was put;
// ok is false while it has not been.
func (q *Queue[T]) Next() (v T, ok bool) {
	v, ok = q.held[q.next]
	if ok {
		delete(q.held, q.next)
		q.next++
	}
	return v, ok
}

// Index returns the index of the next value to hand out.
func (q *Queue[T]) Index() int { return q.next }
