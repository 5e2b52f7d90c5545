package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// resolver turns the shapes as written into the model consumers see.
type resolver struct {
	m    *Model
	file string
	data []byte

	// pending holds applies to members a shape only gets from its mixins,
	// by shape, until that shape is flattened.
	pending map[ShapeID][]apply
	// state tracks flattening: absent, flattening (on the stack) or flattened.
	state map[ShapeID]flattenState
}

type flattenState int8

const (
	flattening flattenState = iota + 1
	flattened
)

func (r *resolver) errorAt(pos int, shape ShapeID, member, format string, args ...any) error {
	e := newError(r.file, r.data, pos, fmt.Sprintf(format, args...))
	e.Shape, e.Member = shape, member
	return e
}

// apply merges apply entries into their targets. Applies to members inherited
// from mixins wait in r.pending until the mixins are flattened.
func (r *resolver) apply(applies []apply) error {
	for _, a := range applies {
		root, member := a.target.Root(), a.target.Member()
		s := r.m.Shapes[root]
		if s == nil {
			return r.errorAt(a.pos, root, "", "apply: shape not found")
		}
		switch mem := s.MemberByName(member); {
		case member == "":
			if err := r.applyTraits(&s.Traits, a); err != nil {
				return err
			}
		case mem != nil:
			if err := r.applyTraits(&mem.Traits, a); err != nil {
				return err
			}
		case len(s.Mixins) > 0:
			if r.pending == nil {
				r.pending = map[ShapeID][]apply{}
			}
			r.pending[root] = append(r.pending[root], a)
		default:
			return r.errorAt(a.pos, root, "", "apply: no member %q", member)
		}
	}
	return nil
}

// applyTraits adds the traits of an apply entry to t. A trait already present
// must have the same value, except that list values are concatenated, as
// Smithy merges traits applied more than once.
func (r *resolver) applyTraits(t *Traits, a apply) error {
	for _, id := range slices.Sorted(maps.Keys(a.traits.Raw)) {
		value := a.traits.Raw[id]
		if old, ok := t.Raw[id]; ok {
			switch {
			case isArray(old) && isArray(value):
				value = concatArrays(old, value)
			case jsonEqual(old, value):
				continue
			default:
				return r.errorAt(a.pos, a.target.Root(), a.target.Member(), "apply: trait %q conflicts with the value already set", id)
			}
		}
		if err := t.set(r.file, id, value); err != nil {
			return err
		}
	}
	return nil
}

func isArray(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && v[0] == '['
}

// concatArrays joins two JSON arrays.
func concatArrays(a, b json.RawMessage) json.RawMessage {
	a, b = bytes.TrimSpace(a), bytes.TrimSpace(b)
	inA, inB := bytes.TrimSpace(a[1:len(a)-1]), bytes.TrimSpace(b[1:len(b)-1])
	switch {
	case len(inA) == 0:
		return b
	case len(inB) == 0:
		return a
	}
	out := make([]byte, 0, len(inA)+len(inB)+3)
	out = append(append(append(out, '['), inA...), ',')
	return append(append(out, inB...), ']')
}

func jsonEqual(a, b json.RawMessage) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// flattenMixins copies mixin members, traits and properties into every shape
// that uses mixins, mixins first, so consumers never look at mixins.
func (r *resolver) flattenMixins() error {
	var ids []ShapeID
	for id, s := range r.m.Shapes {
		if len(s.Mixins) > 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	r.state = make(map[ShapeID]flattenState, len(ids))
	for _, id := range ids {
		if err := r.flatten(r.m.Shapes[id], nil); err != nil {
			return err
		}
	}
	return nil
}

// flatten flattens the mixins of s, then s. path is the chain of shapes
// being flattened, to report cycles.
func (r *resolver) flatten(s *Shape, path []ShapeID) error {
	switch r.state[s.ID] {
	case flattened:
		return nil
	case flattening:
		var chain []string
		for _, id := range path[slices.Index(path, s.ID):] {
			chain = append(chain, string(id))
		}
		return r.errorAt(s.pos, s.ID, "", "mixin cycle: %s -> %s", strings.Join(chain, " -> "), s.ID)
	}
	if len(s.Mixins) == 0 {
		r.state[s.ID] = flattened
		return nil
	}
	r.state[s.ID] = flattening
	path = append(path, s.ID)

	// Merge the mixins in order, each over the ones before it, then s over them all.
	acc := &Shape{ID: s.ID}
	for _, id := range s.Mixins {
		mixin := r.m.Shapes[id]
		switch {
		case mixin == nil:
			return r.errorAt(s.pos, s.ID, "", "mixin %q not found", id)
		case mixin.Type != s.Type:
			return r.errorAt(s.pos, s.ID, "", "mixin %q is %s, not %s", id, article(mixin.Type), article(s.Type))
		case !mixin.Traits.Mixin:
			return r.errorAt(s.pos, s.ID, "", "%q is used as a mixin but has no smithy.api#mixin trait", id)
		}
		if err := r.flatten(mixin, path); err != nil {
			return err
		}
		if err := r.merge(acc, mixin, false); err != nil {
			return err
		}
	}
	if err := r.merge(acc, s, true); err != nil {
		return err
	}
	s.Traits, s.Members, s.Member, s.Key, s.Value = acc.Traits, acc.Members, acc.Member, acc.Key, acc.Value
	s.Input, s.Output, s.Errors = acc.Input, acc.Output, acc.Errors
	s.Version, s.Rename, s.Operations, s.Resources = acc.Version, acc.Rename, acc.Operations, acc.Resources
	s.Identifiers, s.Properties, s.CollectionOperations = acc.Identifiers, acc.Properties, acc.CollectionOperations
	s.Create, s.Put, s.Read, s.Update, s.Delete, s.List = acc.Create, acc.Put, acc.Read, acc.Update, acc.Delete, acc.List

	for _, a := range r.pending[s.ID] {
		mem := s.MemberByName(a.target.Member())
		if mem == nil {
			return r.errorAt(a.pos, s.ID, "", "apply: no member %q", a.target.Member())
		}
		if err := r.applyTraits(&mem.Traits, a); err != nil {
			return err
		}
	}
	delete(r.pending, s.ID)
	r.state[s.ID] = flattened
	return nil
}

// merge merges top into acc, top winning: its traits and scalar properties
// replace those in acc, its members and list entries come after acc's.
// A mixin's members are copied, renamed into acc's shape; its mixin trait
// and local traits are not inherited. local marks s itself, whose members
// and traits are kept rather than copied.
func (r *resolver) merge(acc, top *Shape, local bool) error {
	if local {
		if err := top.Traits.fill(r.file, acc.Traits, nil); err != nil {
			return err
		}
		acc.Traits = top.Traits
	} else {
		var t Traits
		notInherited := func(id string) bool {
			return id == "smithy.api#mixin" || slices.Contains(top.Traits.LocalTraits, id)
		}
		if err := t.fill(r.file, top.Traits, notInherited); err != nil {
			return err
		}
		if err := t.fill(r.file, acc.Traits, nil); err != nil {
			return err
		}
		acc.Traits = t
	}

	for _, tm := range top.Members {
		i := slices.IndexFunc(acc.Members, func(m *Member) bool { return strings.EqualFold(m.Name, tm.Name) })
		if i < 0 {
			m, err := r.mergeMember(acc.ID, nil, tm, local)
			if err != nil {
				return err
			}
			acc.Members = append(acc.Members, m)
			continue
		}
		if acc.Members[i].Name != tm.Name {
			return r.errorAt(tm.pos, acc.ID, tm.Name, "conflicts with inherited member %q (names must be case-insensitively unique)", acc.Members[i].Name)
		}
		m, err := r.mergeMember(acc.ID, acc.Members[i], tm, local)
		if err != nil {
			return err
		}
		acc.Members[i] = m
	}
	var err error
	if acc.Member, err = r.mergeMember(acc.ID, acc.Member, top.Member, local); err != nil {
		return err
	}
	if acc.Key, err = r.mergeMember(acc.ID, acc.Key, top.Key, local); err != nil {
		return err
	}
	if acc.Value, err = r.mergeMember(acc.ID, acc.Value, top.Value, local); err != nil {
		return err
	}

	for _, p := range []struct {
		dst *ShapeID
		v   ShapeID
	}{
		{&acc.Input, top.Input}, {&acc.Output, top.Output},
		{&acc.Create, top.Create}, {&acc.Put, top.Put}, {&acc.Read, top.Read},
		{&acc.Update, top.Update}, {&acc.Delete, top.Delete}, {&acc.List, top.List},
	} {
		if p.v != "" {
			*p.dst = p.v
		}
	}
	if top.Version != "" {
		acc.Version = top.Version
	}
	if len(top.Rename) > 0 {
		if acc.Rename == nil {
			acc.Rename = map[ShapeID]string{}
		}
		maps.Copy(acc.Rename, top.Rename)
	}
	acc.Errors = union(acc.Errors, top.Errors)
	acc.Operations = union(acc.Operations, top.Operations)
	acc.Resources = union(acc.Resources, top.Resources)
	acc.CollectionOperations = union(acc.CollectionOperations, top.CollectionOperations)
	acc.Identifiers = mergeBindings(acc.Identifiers, top.Identifiers)
	acc.Properties = mergeBindings(acc.Properties, top.Properties)
	return nil
}

// mergeMember merges member top over base (either may be nil); both must
// have the same target. A mixin's member is copied into shape owner.
func (r *resolver) mergeMember(owner ShapeID, base, top *Member, local bool) (*Member, error) {
	if top == nil {
		return base, nil
	}
	m := top
	if !local {
		cp := *top
		cp.ID = owner.WithMember(top.Name)
		cp.Traits = top.Traits.clone()
		m = &cp
	}
	if base == nil {
		return m, nil
	}
	if base.Target != top.Target {
		return nil, r.errorAt(top.pos, owner, top.Name, "targets %q, but the member it redefines from a mixin targets %q", top.Target, base.Target)
	}
	return m, m.Traits.fill(r.file, base.Traits, nil)
}

// fill sets on t each trait of from that t lacks and skip (if any) allows.
func (t *Traits) fill(file string, from Traits, skip func(string) bool) error {
	for _, id := range slices.Sorted(maps.Keys(from.Raw)) {
		if _, ok := t.Raw[id]; ok || skip != nil && skip(id) {
			continue
		}
		if err := t.set(file, id, from.Raw[id]); err != nil {
			return err
		}
	}
	return nil
}

// union appends the IDs of b missing from a.
func union(a, b []ShapeID) []ShapeID {
	for _, id := range b {
		if !slices.Contains(a, id) {
			a = append(a, id)
		}
	}
	return a
}

// mergeBindings replaces or appends the bindings of b into a, by name.
func mergeBindings(a, b []Binding) []Binding {
	for _, x := range b {
		if i := slices.IndexFunc(a, func(y Binding) bool { return y.Name == x.Name }); i >= 0 {
			a[i] = x
		} else {
			a = append(a, x)
		}
	}
	return a
}

// defaultEnumValues gives enum members without @enumValue their name as value,
// as the spec defines, so consumers can rely on EnumValue.
func (r *resolver) defaultEnumValues() error {
	for _, s := range r.m.Shapes {
		if s.Type != TypeEnum {
			continue
		}
		for _, mem := range s.Members {
			if mem.Traits.EnumValue == nil {
				if err := mem.Traits.set(r.file, "smithy.api#enumValue", json.RawMessage(strconv.Quote(mem.Name))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
