package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// yamlWriter streams a YAML block sequence of output objects: each record
// becomes one "- " item, so concatenated items form a single sequence.
type yamlWriter struct {
	w       io.Writer
	started bool // at least one item has been written
	obj     []byte
	buf     bytes.Buffer
}

func newYAMLWriter(w io.Writer) *yamlWriter {
	return &yamlWriter{w: w}
}

// Write writes the record's object as the next item of the sequence.
func (y *yamlWriter) Write(r Record) error {
	var err error
	if y.obj, err = appendObject(y.obj[:0], r); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(y.obj))
	dec.UseNumber()
	item, err := yamlNode(dec)
	if err != nil {
		return fmt.Errorf("convert %s to yaml: %w", describe(r), err)
	}
	y.buf.Reset()
	enc := yaml.NewEncoder(&y.buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}); err != nil {
		return fmt.Errorf("encode %s as yaml: %w", describe(r), err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode %s as yaml: %w", describe(r), err)
	}
	if _, err := y.w.Write(y.buf.Bytes()); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	y.started = true
	return nil
}

// Close writes an empty sequence, [], when no record came.
func (y *yamlWriter) Close() error {
	if y.started {
		return nil
	}
	if _, err := io.WriteString(y.w, "[]\n"); err != nil {
		return fmt.Errorf("write yaml: %w", err)
	}
	return nil
}

// yamlNode reads the next JSON value from dec (which must use UseNumber) and
// returns it as a YAML node, keeping the order of object keys. Strings are
// tagged so that the encoder quotes those that would read back as another
// type; numbers keep their JSON spelling.
func yamlNode(dec *json.Decoder) (*yaml.Node, error) {
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
		for dec.More() {
			if kind == yaml.MappingNode {
				key, err := dec.Token()
				if err != nil {
					return nil, err
				}
				node.Content = append(node.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key.(string)})
			}
			child, err := yamlNode(dec)
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
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}, nil
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: v.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatBool(v)}, nil
	default: // nil, for JSON null
		return &yaml.Node{Kind: yaml.ScalarNode, Value: "null"}, nil
	}
}
