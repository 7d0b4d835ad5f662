package output

import (
	"testing"
	"time"

	"github.com/sessionlog/sessionlog/timeline"
)

// shapes draws cells without colour.
func shapes(cells []timeline.State) string {
	return drawCells(cells, false)
}

func TestBarCells(t *testing.T) {
	tests := []struct {
		name    string
		session Session
		axis    *timeline.Axis // nil: the session's own
		n       int
		want    string
	}{
		{"no entries", timelineOf("1"), nil, 5, "     "},
		{"one entry", timelineOf("1", "2:30 PM", "ENTERED"), nil, 5, "█████"},
		{"no readable time", timelineOf("1", "soon", "ENTERED", "later", "ENDED"), nil, 5, "?????"},
		{"halves", timelineOf("1", "2:00 PM", "ENTERED", "2:10 PM", "TEMPORARILY_LEFT", "2:20 PM", "ENTERED"), nil, 4, "██░░"},
		{"a quarter of a cell away shows", timelineOf("1", "2:00 PM", "ENTERED", "2:15 PM", "TEMPORARILY_LEFT",
			"2:20 PM", "ENTERED", "2:40 PM", "SESSION_PERIOD"), nil, 2, "░█"},
		{"a one-minute absence in ten hours shows once", timelineOf("1", "8:00 AM", "ENTERED", "1:00 PM", "TEMPORARILY_LEFT",
			"1:01 PM", "ENTERED", "6:00 PM", "SESSION_PERIOD"), nil, 10, "█████░████"},
		{"many short absences show where they are dense", timelineOf("1",
			"8:00 AM", "ENTERED", "8:50 AM", "TEMPORARILY_LEFT", "8:55 AM", "ENTERED",
			"9:00 AM", "TEMPORARILY_LEFT", "9:04 AM", "ENTERED", "9:10 AM", "TEMPORARILY_LEFT", "9:16 AM", "ENTERED",
			"9:50 AM", "TEMPORARILY_LEFT", "9:51 AM", "ENTERED",
			"10:00 AM", "SESSION_PERIOD"), nil, 4, "██░█"},
		{"gone and over", timelineOf("1", "9:00 AM", "ENTERED", "9:10 AM", "LEFT", "9:20 AM", "ENTERED",
			"9:30 AM", "ENDED", "9:40 AM", "SESSION_PERIOD"), nil, 4, "█·█─"},
		{"unknown at the ends", timelineOf("1", "x", "ENTERED", "9:00 AM", "SESSION_PERIOD", "9:20 AM", "SESSION_PERIOD", "y", "ENDED"),
			nil, 4, "?██?"},
		{"on a shared axis", timelineOf("1", "9:30 AM", "ENTERED", "10:00 AM", "ENDED"),
			&timeline.Axis{Start: 9 * time.Hour, Length: 2 * time.Hour}, 8, "  ██    "},
		{"a single instant on a shared axis", timelineOf("1", "10:00 AM", "TEMPORARILY_LEFT"),
			&timeline.Axis{Start: 9 * time.Hour, Length: 2 * time.Hour}, 8, "    ░   "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			axis := timeline.OwnAxis(tt.session.Presence)
			if tt.axis != nil {
				axis = *tt.axis
			}
			if got := shapes(barCells(tt.session, axis, tt.n)); got != tt.want {
				t.Errorf("bar %q, want %q", got, tt.want)
			}
		})
	}
}
