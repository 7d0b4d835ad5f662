package jsonscan

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzValue checks the scanner against encoding/json: a text is one valid
// value exactly when json.Valid says so, a string's text is what
// json.Unmarshal reads, and a compacted value is what json.Compact writes.
func FuzzValue(f *testing.F) {
	for _, seed := range []string{
		`{"a":[1,-0.5e+3,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800"],"b":{}}`,
		` [ 1 , { "k" : "v" } ] `, `01`, `1.`, `-`, `1e`, `"\x"`, `"\u12"`, "\"\x01\"", "\"a\xffb\"",
		`{"a" 1}`, `{"a":1,}`, `[1,]`, `tru`, `nul`, `{`, `"`, `[[[[]]]]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		start := SkipSpace(b, 0)
		r, ok := Value(b, start, 10000)
		valid := ok && SkipSpace(b, r.End) == len(b)
		if valid != json.Valid(b) {
			t.Fatalf("Value says %v (%+v), json.Valid %v", valid, r, json.Valid(b))
		}
		if !valid {
			return
		}
		v := b[start:r.End]
		var compact bytes.Buffer
		if err := json.Compact(&compact, v); err != nil || !bytes.Equal(AppendCompact(nil, v), compact.Bytes()) {
			t.Fatalf("AppendCompact %q, json.Compact %q (%v)", AppendCompact(nil, v), compact.Bytes(), err)
		}
		if (r.Flags&Spaced != 0) != !bytes.Equal(v, compact.Bytes()) {
			t.Fatalf("Spaced %v for %q", r.Flags&Spaced != 0, v)
		}
		if v[0] == '"' {
			var s string
			if err := json.Unmarshal(v, &s); err != nil || string(AppendUnquoted(nil, v)) != s {
				t.Fatalf("AppendUnquoted %q, json.Unmarshal %q (%v)", AppendUnquoted(nil, v), s, err)
			}
		}
		if v[0] == '{' {
			members, ro, ok := Object(nil, b, start, 10000)
			if !ok || ro != r {
				t.Fatalf("Object %+v %v, Value %+v", ro, ok, r)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(v, &m); err != nil {
				t.Fatal(err)
			}
			for _, mb := range members {
				var key string
				if err := json.Unmarshal(mb.Key, &key); err != nil {
					t.Fatalf("key %q: %v", mb.Key, err)
				}
				if _, ok := m[key]; !ok {
					t.Fatalf("member %q not in %v", key, m)
				}
			}
		}
		if n, end, ok := Int(b, start); ok && end == r.End {
			var f float64
			if err := json.Unmarshal(v, &f); err != nil || float64(n) != f {
				t.Fatalf("Int %d, json.Unmarshal %v (%v)", n, f, err)
			}
		}
	})
}
