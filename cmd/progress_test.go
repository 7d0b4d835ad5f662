package cmd

import (
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	ios, _, _, errOut := TestIO()
	clock := time.Unix(0, 0)
	now := func() time.Time { return clock }

	newProgress(ios, "rows", now).Update(1, 2)
	if errOut.Len() != 0 {
		t.Fatalf("drew on a stderr that is not a terminal: %q", errOut)
	}

	ios.SetStderrTTY(true)
	p := newProgress(ios, "rows", now)
	p.Update(1, 3)
	clock = clock.Add(10 * time.Millisecond)
	p.Update(2, 3) // too soon: skipped
	clock = clock.Add(progressInterval)
	p.Update(2, 3)
	p.Update(3, 3) // the last one is always drawn
	p.Clear()
	p.Clear() // nothing left to erase
	want := "\r\033[Krows 1/3\r\033[Krows 2/3\r\033[Krows 3/3\r\033[K"
	if errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}
