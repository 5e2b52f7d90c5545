// Package config reads models/<service>/generator.yaml strictly: an unknown
// key, a value of the wrong type or a broken rule is an error that names the
// file and line. Whether the names it uses exist in the model is checked by
// inference, which knows the model, through Errorf.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Load reads and strictly decodes a generator.yaml, as Parse does.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// LoadOrEmpty is Load, except that a missing file is an empty config: every
// service can be listed and explained before it has a generator.yaml.
func LoadOrEmpty(path string) (*File, error) {
	f, err := Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Empty(path), nil
	}
	return f, err
}

// Empty is a config with nothing in it, as if path were an empty file.
func Empty(path string) *File { return &File{path: path, lines: map[string]int{}} }

// Parse strictly decodes a generator.yaml held in data; path names it in
// errors. Past mistakes that leave the file readable (unknown keys, wrong
// types, broken rules) it returns the file as read along with the error,
// so that inference can report in the same run the mistakes only the model
// shows. A file that is not YAML returns nil.
func Parse(data []byte, path string) (*File, error) {
	f := Empty(path)
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s", f.yamlError(err))
	}
	recordLines(&root, nil, f.lines)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var errs []error
	// An empty file decodes to io.EOF: it is an empty config, not an error.
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, errors.New(f.yamlError(err))
		}
		// yaml.v3 decodes the rest of the file past unknown keys and wrong
		// types, so the rules below still find the file's other mistakes.
		errs = append(errs, errors.New(f.yamlError(err)))
	}
	errs = append(errs, f.validate())
	return f, errors.Join(errs...)
}

// CheckSelects fails when the file names no resource to generate: an
// empty or kind-less generator.yaml would make a controller with no kinds.
func (f *File) CheckSelects() error {
	if len(f.Include) > 0 || len(f.Resources) > 0 {
		return nil
	}
	return fmt.Errorf("%s: names no resource to generate; name the kinds under resources: (or give include: patterns), "+
		"choosing from what `kubesmith list %s` shows", f.path, filepath.Base(filepath.Dir(f.path)))
}

// Resource returns the configuration of the named resource: its entry, or
// an empty one, which leaves every decision to inference.
func (f *File) Resource(name string) *Resource {
	if r, ok := f.Resources[name]; ok {
		return r
	}
	return &Resource{}
}

// Path is the file the config came from.
func (f *File) Path() string { return f.path }

// Key is the path of keys from the top of the file to one key, as
// Key("resources", "Table", "fields", "BillingMode"). List items are
// keyed by their index.
type Key []string

// At returns the key path below k.
func (k Key) At(keys ...string) Key { return append(k[:len(k):len(k)], keys...) }

func (k Key) String() string { return strings.Join(k, ".") }

func (k Key) id() string { return strings.Join(k, "\x00") }

// Pos is "file:line" of the key, or of the nearest enclosing key that the
// file has, or just the file.
func (f *File) Pos(k Key) string {
	for n := len(k); n > 0; n-- {
		if line, ok := f.lines[k[:n].id()]; ok {
			return fmt.Sprintf("%s:%d", f.path, line)
		}
	}
	return f.path
}

// Line is the line of the key k in the file, 0 when the file lacks it.
func (f *File) Line(k Key) int { return f.lines[k.id()] }

// Errorf formats an error about the key k, prefixed with its position.
func (f *File) Errorf(k Key, format string, args ...any) error {
	return fmt.Errorf("%s: %s", f.Pos(k), fmt.Sprintf(format, args...))
}

// recordLines notes the line of every mapping key and list item.
func recordLines(n *yaml.Node, prefix Key, lines map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			recordLines(c, prefix, lines)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := prefix.At(n.Content[i].Value)
			lines[key.id()] = n.Content[i].Line
			recordLines(n.Content[i+1], key, lines)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			key := prefix.At(fmt.Sprint(i))
			lines[key.id()] = c.Line
			recordLines(c, key, lines)
		}
	}
}
