// Package config reads models/<service>/generator.yaml strictly: an unknown
// key is an error that names the file and line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File is one service's generator.yaml.
type File struct {
	// Resources to generate, by kind.
	Resources map[string]*Resource `yaml:"resources" json:"resources"`

	// path and lines locate keys for error messages.
	path  string
	lines map[string]int
}

// Resource configures one kind.
type Resource struct {
	// Operations overrides the inferred operation names.
	Operations Operations `yaml:"operations,omitempty" json:"operations,omitempty"`
	// ShortNames are kubectl short names for the kind.
	ShortNames []string `yaml:"shortNames,omitempty" json:"shortNames,omitempty"`
	// NotFoundCodes are AWS error codes meaning the resource does not exist.
	NotFoundCodes []string `yaml:"notFoundCodes,omitempty" json:"notFoundCodes,omitempty"`
	// TerminalCodes are AWS error codes that only a spec change can fix.
	TerminalCodes []string `yaml:"terminalCodes,omitempty" json:"terminalCodes,omitempty"`
	// Pending names the status field whose values mean AWS is still working.
	Pending *Pending `yaml:"pending,omitempty" json:"pending,omitempty"`
	// Columns are extra kubectl printer columns.
	Columns []Column `yaml:"columns,omitempty" json:"columns,omitempty"`
	// Fields override what inference decided for single fields.
	Fields map[string]*Field `yaml:"fields,omitempty" json:"fields,omitempty"`
	// Because says why the resource needs any of the above.
	Because string `yaml:"because,omitempty" json:"because,omitempty"`
}

// Operations names a resource's operations when their names are irregular.
type Operations struct {
	Create string `yaml:"create,omitempty" json:"create,omitempty"`
	Read   string `yaml:"read,omitempty" json:"read,omitempty"`
	Update string `yaml:"update,omitempty" json:"update,omitempty"`
	Delete string `yaml:"delete,omitempty" json:"delete,omitempty"`
}

// Pending is a transitional-state check on a status field.
type Pending struct {
	Field  string   `yaml:"field" json:"field"`
	Values []string `yaml:"values" json:"values"`
}

// Column is a kubectl printer column showing one field.
type Column struct {
	Name     string `yaml:"name" json:"name"`
	Field    string `yaml:"field" json:"field"`
	Priority int    `yaml:"priority,omitempty" json:"priority,omitempty"`
}

// Field overrides inference for one spec or status field, named by its
// Smithy member name.
type Field struct {
	// ObservedAt is the dotted member path in the read output that holds
	// the field, when it is not a member of the same name.
	ObservedAt string `yaml:"observedAt,omitempty" json:"observedAt,omitempty"`
	// Ignore leaves the field out of the API.
	Ignore bool `yaml:"ignore,omitempty" json:"ignore,omitempty"`
	// Because says why the override is needed.
	Because string `yaml:"because,omitempty" json:"because,omitempty"`
}

// Load reads and strictly decodes a generator.yaml.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse strictly decodes a generator.yaml held in data; path names it in
// errors.
func Parse(data []byte, path string) (*File, error) {
	f := &File{path: path, lines: map[string]int{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	recordLines(&root, "", f.lines)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file decodes to io.EOF: it is an empty config, not an error.
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", path, explain(err))
	}
	return f, nil
}

// Errorf formats an error about the key at keyPath (dot separated, as
// "resources.Table.fields.BillingMode"), naming file and line.
func (f *File) Errorf(keyPath, format string, args ...any) error {
	loc := f.path
	if line, ok := f.lines[keyPath]; ok {
		loc = fmt.Sprintf("%s:%d", f.path, line)
	}
	return fmt.Errorf("%s: %s", loc, fmt.Sprintf(format, args...))
}

// Path is the file the config came from.
func (f *File) Path() string { return f.path }

func recordLines(n *yaml.Node, prefix string, lines map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			recordLines(c, prefix, lines)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if prefix != "" {
				key = prefix + "." + key
			}
			lines[key] = n.Content[i].Line
			recordLines(n.Content[i+1], key, lines)
		}
	}
}

// explain rewrites yaml.v3's type errors ("field x not found in type
// config.Resource") into the user's terms, with a suggestion.
func explain(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	msgs := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		msgs[i] = suggestKey(e)
	}
	return strings.Join(msgs, "; ")
}
