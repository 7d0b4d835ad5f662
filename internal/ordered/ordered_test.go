package ordered

import (
	"reflect"
	"testing"
)

func TestQueueHandsOutInIndexOrder(t *testing.T) {
	q := NewQueue[string](2)
	var got []string
	drain := func() {
		for v, ok := q.Next(); ok; v, ok = q.Next() {
			got = append(got, v)
		}
	}
	for _, p := range []struct {
		i int
		v string
	}{{4, "d"}, {3, "c"}, {1, "stale"}, {2, "b"}, {6, "f"}, {5, "e"}} {
		q.Put(p.i, p.v)
		drain()
	}
	if want := []string{"b", "c", "d", "e", "f"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if q.Index() != 7 {
		t.Errorf("next index %d, want 7", q.Index())
	}
}

func TestZeroQueueStartsAtZero(t *testing.T) {
	var q Queue[int]
	if _, ok := q.Next(); ok {
		t.Fatal("an empty queue handed out a value")
	}
	q.Put(1, 10)
	if _, ok := q.Next(); ok {
		t.Fatal("index 1 handed out before index 0")
	}
	q.Put(0, 5)
	a, _ := q.Next()
	b, _ := q.Next()
	if a != 5 || b != 10 {
		t.Errorf("got %d, %d", a, b)
	}
}
