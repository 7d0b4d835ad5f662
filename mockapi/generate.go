package mockapi

import (
	"hash/fnv"
	"math/rand/v2"
	"time"
)

// GenerateSession returns n entries of a long, still open session that
// starts at start: ENTERED, then leaves (mostly TEMPORARILY_LEFT, about
// one in six LEFT) alternating with re-entries, 1 to 15 minutes apart. The
// gaps are pseudo-random but fixed by id, so the same arguments always
// give the same entries. n <= 0 gives none.
func GenerateSession(id string, n int, start time.Time) []Entry {
	if n <= 0 {
		return nil
	}
	seed := fnv.New64a()
	_, _ = seed.Write([]byte(id)) // a hash.Hash never fails to write
	rng := rand.New(rand.NewPCG(seed.Sum64(), 0x5e55))
	entries := make([]Entry, n)
	t := start
	for i := range entries {
		a := ActionEntered
		switch {
		case i%2 == 1:
			a = ActionTemporarilyLeft
			if rng.IntN(6) == 0 {
				a = ActionLeft
			}
			t = t.Add(time.Duration(3+rng.IntN(13)) * time.Minute)
		case i > 0:
			t = t.Add(time.Duration(1+rng.IntN(5)) * time.Minute)
		}
		entries[i] = Entry{ActionType: a, Time: t}
	}
	return withTexts(entries)
}
