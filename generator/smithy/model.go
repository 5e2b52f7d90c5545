package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Model is one JSON AST file, with the prelude added, mixins flattened,
// apply entries applied and every reference checked.
type Model struct {
	File     string // the name Parse was given, for errors about the whole model
	Version  string // the "smithy" property, e.g. "2.0"
	Metadata map[string]json.RawMessage
	// Shapes holds the shapes of the file and the smithy.api prelude shapes.
	Shapes map[ShapeID]*Shape
}

// Load reads and resolves the model file at path.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse reads and resolves a model from JSON AST bytes; name is the file name
// used in errors. Raw trait and metadata values alias data, so data must not
// change afterwards.
func Parse(data []byte, name string) (*Model, error) {
	// Editors on Windows start UTF-8 files with a byte order mark; JSON
	// readers may ignore it (RFC 8259).
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := &decoder{data: data, name: name, strs: make(map[string]string, len(data)/1000)}
	m, applies, err := d.file()
	if err != nil {
		return nil, err
	}
	m.File = name
	r := &resolver{m: m, file: name, data: data}
	for _, step := range []func() error{
		r.addPrelude,
		func() error { return r.apply(applies) },
		r.flattenMixins,
		r.defaultEnumValues,
		r.validate,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Shape returns the shape with the given ID.
func (m *Model) Shape(id ShapeID) (*Shape, bool) {
	s, ok := m.Shapes[id]
	return s, ok
}

// Service returns the model's only service shape. Its errors name the
// model file, since no shape of it is at fault.
func (m *Model) Service() (*Shape, error) {
	var services []*Shape
	for _, s := range m.Shapes {
		if s.Type == TypeService {
			services = append(services, s)
		}
	}
	switch len(services) {
	case 0:
		return nil, &Error{File: m.File, Offset: -1, Msg: "model has no service shape"}
	case 1:
		return services[0], nil
	}
	ids := make([]string, len(services))
	for i, s := range services {
		ids[i] = string(s.ID)
	}
	slices.Sort(ids)
	return nil, &Error{File: m.File, Offset: -1, Msg: fmt.Sprintf("model has %d service shapes: %s", len(ids), strings.Join(ids, ", "))}
}

// Target returns the shape a member targets, or nil for a nil member.
func (m *Model) Target(mem *Member) *Shape {
	if mem == nil {
		return nil
	}
	return m.Shapes[mem.Target]
}

// ShapeIDs returns every shape ID in sorted order, for deterministic iteration.
func (m *Model) ShapeIDs() []ShapeID {
	ids := make([]ShapeID, 0, len(m.Shapes))
	for id := range m.Shapes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Pagination returns the @paginated settings of an operation completed with
// the defaults the service's @paginated gives, or nil when op is not paginated.
func (m *Model) Pagination(op *Shape) *Paginated {
	if op == nil || op.Traits.Paginated == nil {
		return nil
	}
	p := *op.Traits.Paginated
	if svc, err := m.Service(); err == nil && svc.Traits.Paginated != nil {
		def := svc.Traits.Paginated
		for _, f := range []struct {
			dst *string
			def string
		}{
			{&p.InputToken, def.InputToken},
			{&p.OutputToken, def.OutputToken},
			{&p.Items, def.Items},
			{&p.PageSize, def.PageSize},
		} {
			if *f.dst == "" {
				*f.dst = f.def
			}
		}
	}
	return &p
}
