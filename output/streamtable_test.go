package output

import (
	"bytes"
	"testing"
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
