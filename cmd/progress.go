package cmd

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressInterval limits how often the progress line is redrawn.
const progressInterval = 100 * time.Millisecond

// progress draws a one-line "what: done/total" counter on stderr while
// long work runs, and erases it when done. It draws nothing unless stderr
// is a terminal, so logs and pipes never see it. Safe for concurrent use.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	what    string
	now     func() time.Time
	last    time.Time
	visible bool
}

// newProgress returns a progress line for ios's stderr, or one that draws
// nothing when stderr is not a terminal.
func newProgress(ios *IOStreams, what string, now func() time.Time) *progress {
	if !ios.IsStderrTTY() || ios.JSONMessages() {
		return &progress{}
	}
	return &progress{w: ios.ErrOut, what: what, now: now}
}

// Update redraws the line, at most once per progressInterval unless done
// reaches total.
func (p *progress) Update(done, total int) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if done < total && now.Sub(p.last) < progressInterval {
		return
	}
	p.last = now
	p.visible = true
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d", p.what, done, total)
}

// Clear erases the line, leaving the cursor where the line began.
func (p *progress) Clear() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.visible {
		fmt.Fprint(p.w, "\r\033[K")
		p.visible = false
	}
}
