package cmd

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fileValues holds a config file's settings as written, as YAML nodes: so
// that decode sees "010" rather than YAML's octal 8, and a list or a
// mapping where one value belongs rather than viper's coercion of it.
type fileValues struct {
	top      map[string]*yaml.Node            // by lower-case key
	profiles map[string]map[string]*yaml.Node // by lower-case profile name, then key
}

// parseFileValues parses data, the config file at path. Keys are matched
// without case, as viper matches them, so two keys of one mapping (two
// profiles among them) that differ only in case are an error, not a silent
// choice.
func parseFileValues(path string, data []byte) (*fileValues, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, configErrorf("config file %s: %w", path, err)
	}
	var err error
	fv := &fileValues{profiles: map[string]map[string]*yaml.Node{}}
	root := resolve(&doc)
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = resolve(root.Content[0])
	}
	if root.Kind != yaml.MappingNode {
		return fv, nil
	}
	if fv.top, err = keyedNodes(root, path, "keys"); err != nil {
		return nil, err
	}
	profiles := fv.top[keyProfiles]
	if profiles == nil || profiles.Kind != yaml.MappingNode {
		return fv, nil
	}
	byName, err := keyedNodes(profiles, path, "profiles")
	if err != nil {
		return nil, err
	}
	for name, p := range byName {
		if p.Kind != yaml.MappingNode {
			continue
		}
		if fv.profiles[name], err = keyedNodes(p, path, fmt.Sprintf("keys of profile %q", name)); err != nil {
			return nil, err
		}
	}
	return fv, nil
}

// keyedNodes maps the keys of a YAML mapping, lower-cased, to their values;
// what names the keys in the error for two that differ only in case.
func keyedNodes(m *yaml.Node, path, what string) (map[string]*yaml.Node, error) {
	nodes := map[string]*yaml.Node{}
	written := map[string]string{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := resolve(m.Content[i]).Value
		lower := strings.ToLower(key)
		if prev, dup := written[lower]; dup {
			return nil, configErrorf("config file %s: %s %q and %q differ only in case (they are matched without case)", path, what, prev, key)
		}
		written[lower] = key
		nodes[lower] = resolve(m.Content[i+1])
	}
	return nodes, nil
}

// resolve follows a YAML alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// node returns the file's node for key when the setting's value came from
// the file (source) or from profile in it, else nil.
func (fv *fileValues) node(key, source, profile string) *yaml.Node {
	if fv == nil {
		return nil
	}
	switch source {
	case sourceFile:
		return fv.top[key]
	case sourceProfile:
		return fv.profiles[profile][key]
	}
	return nil
}
