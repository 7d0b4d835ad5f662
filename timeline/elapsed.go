package timeline

import "time"

// Elapsed is a length of time worked out from display dates. It is unknown
// (Known false, Duration 0) when a date it needed could not be read.
type Elapsed struct {
	Duration time.Duration
	Known    bool
}

// plus returns e+o, unknown when either is.
func (e Elapsed) plus(o Elapsed) Elapsed {
	if !e.Known || !o.Known {
		return Elapsed{}
	}
	return Elapsed{Duration: e.Duration + o.Duration, Known: true}
}
