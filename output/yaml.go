package output

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"
)

// yamlSequence lays the objects out as one YAML block sequence: each object
// becomes one "- " item, so concatenated items form a single sequence, and
// an empty one is [].
type yamlSequence struct{}

func (yamlSequence) item(buf *bytes.Buffer, obj []byte, _ int) error {
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	item, err := yamlNode(dec, 1)
	if err != nil {
		return err
	}
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}); err != nil {
		return err
	}
	return enc.Close()
}

func (yamlSequence) end(n int) string {
	if n == 0 {
		return "[]\n"
	}
	return ""
}

// yamlNode reads the next JSON value from dec (which must use UseNumber) and
// returns it as a YAML node, keeping the order of object keys; depth is the
// value's level of nesting, 1 for the item itself. Arrays and objects deeper
// than maxIndentDepth are written in flow style on one line, as the json
// format keeps them compact, so that the output grows with the input. Strings are
// tagged so that the encoder quotes those that would read back as another
// type, and quoted where a YAML 1.1 parser would read another type; numbers
// keep their JSON spelling.
func yamlNode(dec *json.Decoder, depth int) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		kind := yaml.SequenceNode
		if v == '{' {
			kind = yaml.MappingNode
		}
		node := &yaml.Node{Kind: kind}
		if depth > maxIndentDepth {
			node.Style = yaml.FlowStyle
		}
		for dec.More() {
			if kind == yaml.MappingNode {
				key, err := dec.Token()
				if err != nil {
					return nil, err
				}
				node.Content = append(node.Content, yamlString(key.(string)))
			}
			child, err := yamlNode(dec, depth+1)
			if err != nil {
				return nil, err
			}
			node.Content = append(node.Content, child)
		}
		if _, err := dec.Token(); err != nil { // the closing ] or }
			return nil, err
		}
		return node, nil
	case string:
		return yamlString(v), nil
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: v.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatBool(v)}, nil
	default: // nil, for JSON null
		return &yaml.Node{Kind: yaml.ScalarNode, Value: "null"}, nil
	}
}

// yamlString returns s as a string scalar, a key or a value. Its tag makes
// the encoder quote what a YAML 1.2 parser would read as another type, and
// yaml11NonString what a YAML 1.1 parser would.
func yamlString(s string) *yaml.Node {
	node := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11NonString(s) {
		node.Style = yaml.DoubleQuotedStyle
	}
	return node
}

// yaml11Base60 matches YAML 1.1 base-60 numbers, such as a 24-hour time
// "14:30", which YAML 1.1 parsers read as 870.
var yaml11Base60 = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
})

// yaml11Timestamp matches the YAML 1.1 timestamps that have a space between
// date and time, such as "2001-12-14 21:59:43.10 -5", which YAML 1.1
// parsers read as times (the other spellings the encoder quotes itself).
// Both are compiled on first use, not at start-up.
var yaml11Timestamp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[ \t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$`)
})

// yaml11NonString reports whether a YAML 1.1 parser would read the plain
// scalar s as something other than a string (a boolean, a number, a time,
// or the "=" value key), though the YAML 1.2 encoder leaves it unquoted.
func yaml11NonString(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF", "=":
		return true
	}
	return yaml11Base60().MatchString(s) || yaml11Timestamp().MatchString(s)
}
