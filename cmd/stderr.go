// Messages for people on stderr: warnings and notices, plain or, under
// -o json and jsonl, one JSON object a line, so that a script can parse
// everything sessionlog writes there.

package cmd

import (
	"encoding/json"
	"fmt"

	"github.com/sessionlog/sessionlog/internal/safetext"
)

// SetJSONMessages makes every message and error written to stderr one JSON
// object on one line, as -o json and jsonl ask.
func (s *IOStreams) SetJSONMessages(on bool) { s.jsonMessages = on }

// JSONMessages reports whether stderr gets JSON objects rather than lines
// of text.
func (s *IOStreams) JSONMessages() bool { return s.jsonMessages }

// Warn writes a warning to stderr: "warning: MSG", or
// {"warning":{"message":MSG}} under JSON messages.
func (s *IOStreams) Warn(msg string) { s.message("warning: ", msg) }

// Notice writes a notice to stderr, such as a retry wait or a session that
// ended: MSG as it is, or {"warning":{"message":MSG}} under JSON messages.
func (s *IOStreams) Notice(msg string) { s.message("", msg) }

// FinalNotice writes a notice meant to be read last, such as the sessions
// that failed: at once, or, while a pager shows the output, once the pager
// has quit, so that it is not lost on the pager's screen.
func (s *IOStreams) FinalNotice(msg string) {
	if s.pager != nil {
		s.finalNotices = append(s.finalNotices, msg)
		return
	}
	s.Notice(msg)
}

// message writes msg, made safe for the terminal after prefix, or as a
// JSON warning object. It is the one writer of stderr messages; each goes
// out in one write, so that concurrent ones do not interleave.
func (s *IOStreams) message(prefix, msg string) {
	if s.jsonMessages {
		b, _ := json.Marshal(map[string]warningInfo{"warning": {Message: msg}})
		_, _ = s.ErrOut.Write(append(b, '\n'))
		return
	}
	_, _ = fmt.Fprintf(s.ErrOut, "%s%s\n", prefix, safetext.Terminal(msg))
}

// warningInfo is the machine-readable form of a warning or notice.
type warningInfo struct {
	Message string `json:"message"`
}

// ReportError writes a failure to stderr: in plain lines, or as one JSON
// object under JSON messages.
func (s *IOStreams) ReportError(err error) {
	if s.jsonMessages {
		writeJSONError(s.ErrOut, err)
		return
	}
	writeError(s.ErrOut, err)
}
