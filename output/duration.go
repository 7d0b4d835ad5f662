package output

import (
	"fmt"
	"strconv"
	"time"

	"github.com/sessionlog/sessionlog/timeline"
)

// unknownCell stands in the table for a duration that is unknown.
const unknownCell = "?"

// minutes formats d in whole minutes: "0m", "11m", "1h05m", "26h00m".
func minutes(d time.Duration) string {
	m := int64(d / time.Minute)
	if m < 60 {
		return strconv.FormatInt(m, 10) + "m"
	}
	return fmt.Sprintf("%dh%02dm", m/60, m%60)
}

// gapCell is a record's GAP cell: blank for a session's first record, "?"
// when unknown, "+11m" otherwise.
func gapCell(g timeline.Gap) string {
	switch {
	case !g.HasPrev:
		return ""
	case !g.Known:
		return unknownCell
	}
	return "+" + minutes(g.Duration)
}

// seconds is e in whole seconds for a csv cell, "" when unknown.
func seconds(e timeline.Elapsed) string {
	if !e.Known {
		return ""
	}
	return strconv.FormatInt(int64(e.Duration/time.Second), 10)
}

// appendSeconds appends e in whole seconds to dst as a JSON number, or null
// when unknown.
func appendSeconds(dst []byte, e timeline.Elapsed) []byte {
	if !e.Known {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, int64(e.Duration/time.Second), 10)
}

// elapsedCell is a length of time in minutes, "?" when unknown.
func elapsedCell(e timeline.Elapsed) string {
	if !e.Known {
		return unknownCell
	}
	return minutes(e.Duration)
}
