package output

import "golang.org/x/text/unicode/bidi"

// isolateRTL wraps each cell that holds right-to-left text (Arabic) in
// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that a
// terminal applying the bidirectional algorithm lays the cell out on its
// own and never reorders the row around it: a row that begins with an
// Arabic time is not mirrored. The isolates take no columns. The cells have
// been through safetext.Terminal, which shows a server's own isolates as
// escapes, so these are the only ones.
func isolateRTL(cells []string) {
	for i, cell := range cells {
		if hasStrongRTL(cell) {
			cells[i] = "\u2068" + cell + "\u2069"
		}
	}
}

// hasStrongRTL reports whether s holds a strong right-to-left character
// (bidi class R or AL: Hebrew, Arabic and the like).
func hasStrongRTL(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}
