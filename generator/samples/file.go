// Package samples reads models/<service>/samples.yaml, the manifests that
// show each kind at work, checks each against the CRD the generator makes
// for its kind as the API server's strict validation would, and renders
// them as generated/<service>/samples/<kind>.yaml.
package samples

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"go.yaml.in/yaml/v3"
)

// File is one service's samples.yaml: for each kind, one manifest or a
// list of them (a VPC peering needs two VPCs), each a mapping of metadata
// and spec; apiVersion and kind are the generator's.
type File struct {
	Path  string
	Kinds map[string]*Kind
}

// Kind is the samples of one kind.
type Kind struct {
	Name    string
	Line    int
	Objects []*Object
	// EmulatorGap says why the end-to-end tests' emulator cannot run the
	// kind: its samples are checked here only, and written apart from
	// the ones the tests apply.
	EmulatorGap string
}

// Object is one sample manifest: metadata and spec as written.
type Object struct {
	Line  int
	Name  string
	Value map[string]any // metadata and spec
	node  *yaml.Node
}

// objectKeys are the keys a sample may have; emulatorGap is not part of
// the manifest.
var objectKeys = []string{"metadata", "spec", "emulatorGap"}

// Load reads the samples.yaml at path, naming it name in errors; a
// missing file has no samples, which the check of every kind reports with
// the file to write.
func Load(path, name string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{Path: name, Kinds: map[string]*Kind{}}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(data, name)
}

// Parse reads a samples.yaml held in data; path names it in errors.
func Parse(data []byte, path string) (*File, error) {
	f := &File{Path: path, Kinds: map[string]*Kind{}}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return f, nil
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of kind to sample manifest", path, root.Line)
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		k, err := f.kind(key, val)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f.Kinds[k.Name] = k
	}
	return f, errors.Join(errs...)
}

// kind reads the samples of one kind: one mapping or a list of them.
func (f *File) kind(key, val *yaml.Node) (*Kind, error) {
	k := &Kind{Name: key.Value, Line: key.Line}
	items := []*yaml.Node{val}
	if val.Kind == yaml.SequenceNode {
		items = val.Content
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s:%d: %s: no sample manifest", f.Path, key.Line, k.Name)
	}
	for _, n := range items {
		o, gap, err := f.object(k.Name, n)
		if err != nil {
			return nil, err
		}
		if gap != "" {
			k.EmulatorGap = gap
		}
		k.Objects = append(k.Objects, o)
	}
	return k, nil
}

// object reads one manifest, keeping its node to find the line of a field
// an error names.
func (f *File) object(kind string, n *yaml.Node) (*Object, string, error) {
	if n.Kind != yaml.MappingNode {
		return nil, "", fmt.Errorf("%s:%d: %s: want a manifest with metadata and spec", f.Path, n.Line, kind)
	}
	var v map[string]any
	if err := n.Decode(&v); err != nil {
		return nil, "", fmt.Errorf("%s:%d: %s: %w", f.Path, n.Line, kind, err)
	}
	for _, key := range sortedKeys(v) {
		if !contains(objectKeys, key) {
			return nil, "", fmt.Errorf("%s:%d: %s: unknown key %q; a sample has %v (apiVersion and kind are the generator's)", f.Path, line(n, key), kind, key, objectKeys)
		}
	}
	gap, _ := v["emulatorGap"].(string)
	delete(v, "emulatorGap")
	o := &Object{Line: n.Line, Value: v, node: n}
	if meta, ok := v["metadata"].(map[string]any); ok {
		o.Name, _ = meta["name"].(string)
	}
	return o, gap, nil
}

// Names are the kinds that have samples, sorted.
func (f *File) Names() []string { return sortedKeys(f.Kinds) }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// line is the line of a key of the mapping n, or n's own.
func line(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i].Line
		}
	}
	return n.Line
}
