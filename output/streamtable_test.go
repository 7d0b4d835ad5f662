package output

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/sessionlog/sessionlog/client"
)

func TestStreamTable(t *testing.T) {
	recs := fixture(t)
	var buf bytes.Buffer
	w, err := New(&buf, Options{Format: FormatTable, StreamTable: true, Gaps: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(recs[0]); err != nil {
		t.Fatal(err)
	}
	first := buf.String()
	if first == "" {
		t.Fatal("the first row was not written before Close")
	}
	for _, r := range recs[1:] {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	golden(t, "table_stream", buf.String())
}

func TestStreamTableColorKeepsAlignment(t *testing.T) {
	render := func(color bool) string {
		var buf bytes.Buffer
		w, err := New(&buf, Options{Format: FormatTable, StreamTable: true, Color: color})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range fixture(t) {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		return buf.String()
	}
	if plain, colored := render(false), render(true); colored == plain || stripANSI(colored) != plain {
		t.Errorf("coloured stream table without escapes differs:\n%s\n%s", colored, plain)
	}
}

// pagedRecords returns n records of one session, ENTERED and
// TEMPORARILY_LEFT alternating, as a long listing has them.
func pagedRecords(n int) []Record {
	recs := make([]Record, n)
	for i := range recs {
		action := client.ActionEntered
		if i%2 == 1 {
			action = client.ActionTemporarilyLeft
		}
		recs[i] = Record{SessionID: "7", Position: i + 1, Entry: client.LogEntry{Date: "10:0" + strconv.Itoa(i%10) + " AM", ActionType: action}}
	}
	return recs
}

func TestTableStreamsAfterLookahead(t *testing.T) {
	recs := pagedRecords(120)
	held := render(t, Options{Format: FormatTable}, recs)
	for _, o := range []Options{{Format: FormatTable}, {Format: FormatTable, MaxWidth: 40}, {Format: FormatTable, Gaps: true, ShowSession: true}} {
		var buf bytes.Buffer
		opts := o
		opts.TableLookahead = 10
		w, err := New(&buf, opts)
		if err != nil {
			t.Fatal(err)
		}
		ExpectPositions(w, len(recs))
		for i, r := range recs {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
			lines := strings.Count(buf.String(), "\n")
			if want := map[bool]int{true: 0, false: i + 2}[i < 9]; lines != want {
				t.Fatalf("%+v: %d lines out after %d rows, want %d", o, lines, i+1, want)
			}
			if n := len(w.(*streamTableWriter[Record]).held); n > 10 {
				t.Fatalf("%d rows held", n)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if want := render(t, o, recs); buf.String() != want {
			t.Errorf("%+v: streamed table\n%s\ndiffers from the held one\n%s", o, buf.String(), want)
		}
	}
	if !strings.Contains(held, "\n120  10:09 AM  TEMPORARILY_LEFT  ") {
		t.Errorf("unexpected table:\n%s", held)
	}
}

func TestStreamedTableWidthsComeFromTheKnownWidest(t *testing.T) {
	recs := pagedRecords(3)
	recs[1].Entry.ActionType = client.ActionLeft
	recs[2].Entry.Date = "9:02 AM"
	var buf bytes.Buffer
	w, err := New(&buf, Options{Format: FormatTable, TableLookahead: 2})
	if err != nil {
		t.Fatal(err)
	}
	ExpectPositions(w, 12345)
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "#      TIME      ACTION            DESCRIPTION\n" +
		"1      10:00 AM  ENTERED           Customer entered the session\n" +
		"2      10:01 AM  LEFT              Customer left the session\n" +
		"3      9:02 AM   ENTERED           Customer entered the session\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
