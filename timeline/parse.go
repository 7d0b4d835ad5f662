package timeline

import (
	"strings"
	"unicode"
)

// minutesPerDay is the length of a day in minutes.
const minutesPerDay = 24 * 60

// meridiem is the half of the day a 12-hour time names.
type meridiem int8

const (
	noMeridiem meridiem = iota // a 24-hour time
	ante                       // AM
	post                       // PM
)

// meridiems maps each accepted AM/PM marker, lower-cased and stripped of dots
// and diacritics, to its half of the day: English, Arabic (short and long)
// and Persian forms.
var meridiems = map[string]meridiem{
	"am": ante, "pm": post,
	"ص": ante, "م": post,
	"صباحا": ante, "مساء": post,
	"قظ": ante, "بظ": post,
}

// ParseClock reads a display time of day and returns it as minutes since
// midnight. It accepts 12-hour times with an AM/PM marker before or after
// them ("2:30 PM", "12:05 am", "2:30 م", "ص 9:15", "2:30 p.m."), 24-hour
// times ("14:30"), optional seconds (dropped), ASCII, Arabic-Indic and
// Eastern Arabic-Indic (Persian) digits, any Unicode spacing and direction
// marks. Anything else, or an impossible time ("25:00", "2:61 PM",
// "13:00 PM"), returns ok false: ParseClock never guesses.
func ParseClock(s string) (minutesOfDay int, ok bool) {
	if m, ok := parseCommonClock(s); ok {
		return m, true
	}
	return parseAnyClock(s)
}

// parseCommonClock reads, without allocating, the spellings a server sends
// nearly always: "2:30 PM" (AM and PM in upper or lower case) and "14:30".
// It gives ok false for anything else, which parseAnyClock then reads; what
// it accepts, parseAnyClock reads alike (FuzzParseClock checks).
func parseCommonClock(s string) (minutesOfDay int, ok bool) {
	colon := strings.IndexByte(s, ':')
	if colon < 1 || colon > 2 || len(s) < colon+3 {
		return 0, false
	}
	hour, okH := digits(s[:colon], 1, 2)
	minute, okM := digits(s[colon+1:colon+3], 2, 2)
	if !okH || !okM || minute > 59 {
		return 0, false
	}
	switch s[colon+3:] {
	case "":
		if hour > 23 {
			return 0, false
		}
	case " AM", " am":
		if hour > 12 {
			return 0, false
		}
		hour %= 12
	case " PM", " pm":
		if hour > 12 {
			return 0, false
		}
		hour = hour%12 + 12
	default:
		return 0, false
	}
	return hour*60 + minute, true
}

// parseAnyClock is ParseClock for every spelling it accepts.
func parseAnyClock(s string) (minutesOfDay int, ok bool) {
	num, marker := splitMarker(normalize(s))
	half, ok := meridiems[strings.ReplaceAll(strings.Map(dropMarks, marker), ".", "")]
	if !ok && marker != "" {
		return 0, false
	}
	parts := strings.Split(num, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	hour, okH := digits(parts[0], 1, 2)
	minute, okM := digits(parts[1], 2, 2)
	if !okH || !okM || minute > 59 {
		return 0, false
	}
	if len(parts) == 3 {
		if second, okS := digits(parts[2], 2, 2); !okS || second > 59 {
			return 0, false
		}
	}
	switch {
	case half == noMeridiem && hour <= 23:
	case half != noMeridiem && hour <= 12:
		hour %= 12
		if half == post {
			hour += 12
		}
	default:
		return 0, false
	}
	return hour*60 + minute, true
}

// normalize drops Unicode format characters (direction marks, zero-width
// spaces), turns every kind of space into an ASCII space, maps Arabic-Indic
// and Eastern Arabic-Indic digits to ASCII ones, lower-cases letters and
// trims the result.
func normalize(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		case unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, s))
}

// splitMarker splits a normalized time into its digits-and-colons part and
// the trimmed marker that follows or precedes it.
func splitMarker(s string) (num, marker string) {
	if rest := strings.TrimLeftFunc(s, isClockRune); rest != s {
		return s[:len(s)-len(rest)], strings.TrimSpace(rest)
	}
	rest := strings.TrimRightFunc(s, isClockRune)
	return s[len(rest):], strings.TrimSpace(rest)
}

// isClockRune reports whether r may appear in the numeric part of a time.
func isClockRune(r rune) bool {
	return r >= '0' && r <= '9' || r == ':'
}

// dropMarks removes combining marks, such as the Arabic tanween in "صباحًا".
func dropMarks(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return r
}

// digits returns the value of s, which must be between minLen and maxLen
// ASCII digits long.
func digits(s string, minLen, maxLen int) (int, bool) {
	if len(s) < minLen || len(s) > maxLen {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
