package smithy

import (
	"encoding/json"
	"strings"
)

// apply is an "apply" entry: traits for a shape or member defined elsewhere.
type apply struct {
	target ShapeID
	traits Traits
	pos    int
}

// property is a shape property read from the file, checked against the type afterwards
// because "type" may come after it.
type property struct {
	name string
	pos  int
}

// file reads the top-level object: the shapes as written, and the apply entries.
func (d *decoder) file() (*Model, []apply, error) {
	m := &Model{Shapes: make(map[ShapeID]*Shape, len(d.data)/2000)}
	var applies []apply
	hasVersion := false
	err := d.object(func(key []byte) (err error) {
		switch string(key) {
		case "smithy":
			hasVersion = true
			d.peek()
			start := d.pos
			if m.Version, err = d.str(); err == nil && !supportedVersion(m.Version) {
				err = d.errorAt(start, "unsupported Smithy version %q (want 1.0 or 2.0)", m.Version)
			}
		case "metadata":
			m.Metadata = map[string]json.RawMessage{}
			err = d.object(func(k []byte) (err error) {
				m.Metadata[string(k)], err = d.raw()
				return err
			})
		case "shapes":
			err = d.object(func(k []byte) error {
				a, err := d.shapeEntry(m, k)
				if a != nil {
					applies = append(applies, *a)
				}
				return err
			})
		default:
			err = d.skip() // Smithy only warns about unknown top-level properties
		}
		return err
	})
	if err == nil {
		err = d.end()
	}
	if err == nil && !hasVersion {
		err = d.errorAt(-1, `missing the "smithy" version property`)
	}
	return m, applies, err
}

func supportedVersion(v string) bool {
	switch v {
	case "1", "1.0", "2", "2.0":
		return true
	}
	return false
}

// shapeEntry reads one entry of "shapes" into m, or returns it when it is an apply entry.
func (d *decoder) shapeEntry(m *Model, key []byte) (*apply, error) {
	keyPos := d.keyPos
	if !validID(key, true) {
		return nil, d.errorAt(keyPos, "invalid shape ID %q", key)
	}
	id := ShapeID(d.intern(key))
	d.atShape = id
	d.peek()
	s := &Shape{ID: id, pos: d.pos}
	typ, typePos, err := d.shapeBody(s)
	if err != nil {
		return nil, err
	}
	switch {
	case typePos < 0:
		return nil, d.errorAt(s.pos, `missing "type"`)
	case typ == "apply":
		if len(d.props) > 0 {
			return nil, d.errorAt(d.props[0].pos, "property %q is not allowed in an apply entry", d.props[0].name)
		}
		d.atShape = ""
		return &apply{target: id, traits: s.Traits, pos: s.pos}, nil
	case !knownType(ShapeType(typ)):
		return nil, d.errorAt(typePos, "unknown shape type %q", typ)
	case id.Member() != "":
		return nil, d.errorAt(keyPos, "%s cannot have a member ID; members are defined inside their shape", article(ShapeType(typ)))
	case m.Shapes[id] != nil:
		return nil, d.errorAt(keyPos, "duplicate shape")
	}
	s.Type = ShapeType(typ)
	for _, p := range d.props {
		if !allowed(s.Type, p.name) {
			return nil, d.errorAt(p.pos, "property %q is not valid for %s shape", p.name, article(ShapeType(typ)))
		}
	}
	m.Shapes[id] = s
	d.atShape = ""
	return nil, nil
}

// shapeBody reads a shape definition into s. Properties that some shape type
// has are recorded in d.props; unknown ones are skipped, as Smithy only warns.
func (d *decoder) shapeBody(s *Shape) (typ string, typePos int, err error) {
	d.props = d.props[:0]
	typePos = -1
	err = d.object(func(k []byte) (err error) {
		keyPos := d.keyPos
		switch string(k) {
		case "type":
			d.peek()
			typePos = d.pos
			typ, err = d.str()
			return err
		case "traits":
			return d.traits(&s.Traits)
		case "members":
			err = d.members(s)
		case "member":
			s.Member, err = d.member(s.ID, "member")
		case "key":
			s.Key, err = d.member(s.ID, "key")
		case "value":
			s.Value, err = d.member(s.ID, "value")
		case "mixins":
			s.Mixins, err = d.refs()
		case "input":
			s.Input, err = d.ref()
			s.Input = unitless(s.Input)
		case "output":
			s.Output, err = d.ref()
			s.Output = unitless(s.Output)
		case "errors":
			s.Errors, err = d.refs()
		case "version":
			s.Version, err = d.str()
		case "rename":
			s.Rename, err = d.rename()
		case "operations":
			s.Operations, err = d.refs()
		case "resources":
			s.Resources, err = d.refs()
		case "collectionOperations":
			s.CollectionOperations, err = d.refs()
		case "identifiers":
			s.Identifiers, err = d.bindings()
		case "properties":
			s.Properties, err = d.bindings()
		case "create":
			s.Create, err = d.ref()
		case "put":
			s.Put, err = d.ref()
		case "read":
			s.Read, err = d.ref()
		case "update":
			s.Update, err = d.ref()
		case "delete":
			s.Delete, err = d.ref()
		case "list":
			s.List, err = d.ref()
		default:
			return d.skip()
		}
		d.props = append(d.props, property{d.intern(k), keyPos})
		return err
	})
	return typ, typePos, err
}

// unitless maps smithy.api#Unit, the "no input/output" marker, to "".
func unitless(id ShapeID) ShapeID {
	if id == unitID {
		return ""
	}
	return id
}

func knownType(t ShapeType) bool {
	switch t {
	case TypeStructure, TypeUnion, TypeList, TypeSet, TypeMap, TypeEnum, TypeIntEnum,
		TypeString, TypeBlob, TypeBoolean, TypeByte, TypeShort, TypeInteger, TypeLong,
		TypeFloat, TypeDouble, TypeBigInteger, TypeBigDecimal, TypeTimestamp, TypeDocument,
		TypeOperation, TypeResource, TypeService:
		return true
	}
	return false
}

// allowed reports whether a shape of type t may have the property.
func allowed(t ShapeType, property string) bool {
	switch property {
	case "mixins":
		return true
	case "members":
		return t.HasMembers()
	case "member":
		return t == TypeList || t == TypeSet
	case "key", "value":
		return t == TypeMap
	case "input", "output":
		return t == TypeOperation
	case "errors":
		return t == TypeOperation || t == TypeService
	case "version", "rename":
		return t == TypeService
	case "operations", "resources":
		return t == TypeService || t == TypeResource
	default: // the resource properties
		return t == TypeResource
	}
}

// members reads the "members" object of s, keeping file order.
func (d *decoder) members(s *Shape) error {
	s.Members = nil
	return d.object(func(k []byte) error {
		keyPos := d.keyPos
		if identLen(k) != len(k) {
			return d.errorAt(keyPos, "invalid member name %q", k)
		}
		name := d.intern(k)
		for _, prev := range s.Members {
			if strings.EqualFold(prev.Name, name) {
				return d.errorAt(keyPos, "member %q conflicts with member %q (names must be case-insensitively unique)", name, prev.Name)
			}
		}
		m, err := d.member(s.ID, name)
		s.Members = append(s.Members, m)
		return err
	})
}

// member reads a member definition: {"target": ..., "traits": ...}.
func (d *decoder) member(parent ShapeID, name string) (*Member, error) {
	d.atMember = name
	d.peek()
	m := &Member{Name: name, ID: ShapeID(string(parent) + "$" + name), pos: d.pos}
	err := d.object(func(k []byte) (err error) {
		switch string(k) {
		case "target":
			m.Target, err = d.id()
		case "traits":
			err = d.traits(&m.Traits)
		default:
			err = d.skip()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if m.Target == "" {
		return nil, d.errorAt(m.pos, `missing "target"`)
	}
	d.atMember = ""
	return m, nil
}

// ref reads a shape reference: {"target": ...}.
func (d *decoder) ref() (ShapeID, error) {
	d.peek()
	start := d.pos
	var id ShapeID
	err := d.object(func(k []byte) (err error) {
		if string(k) == "target" {
			id, err = d.id()
			return err
		}
		return d.skip()
	})
	if err == nil && id == "" {
		err = d.errorAt(start, `missing "target"`)
	}
	return id, err
}

func (d *decoder) refs() (ids []ShapeID, err error) {
	err = d.array(func() error {
		id, err := d.ref()
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// bindings reads resource identifiers or properties, keeping file order.
func (d *decoder) bindings() (list []Binding, err error) {
	err = d.object(func(k []byte) error {
		if identLen(k) != len(k) {
			return d.errorAt(d.keyPos, "invalid name %q", k)
		}
		target, err := d.ref()
		list = append(list, Binding{Name: string(k), Target: target})
		return err
	})
	return list, err
}

func (d *decoder) rename() (map[ShapeID]string, error) {
	names := map[ShapeID]string{}
	return names, d.object(func(k []byte) (err error) {
		id, err := d.idFromKey(k)
		if err == nil {
			names[ShapeID(id)], err = d.str()
		}
		return err
	})
}

// id reads a string holding an absolute shape ID.
func (d *decoder) id() (ShapeID, error) {
	d.peek()
	start := d.pos
	b, err := d.strBytes()
	if err != nil {
		return "", err
	}
	if !validID(b, false) {
		return "", d.errorAt(start, "invalid shape ID %q", b)
	}
	return ShapeID(d.intern(b)), nil
}

// idFromKey checks that the object key just read is a shape ID.
func (d *decoder) idFromKey(key []byte) (string, error) {
	if !validID(key, false) {
		return "", d.errorAt(d.keyPos, "invalid shape ID %q", key)
	}
	return d.intern(key), nil
}

// validID checks the absolute shape ID grammar: namespace "#" identifier ["$" member].
func validID(b []byte, member bool) bool {
	for {
		n := identLen(b)
		if n == 0 || n == len(b) {
			return false
		}
		b = b[n:]
		if b[0] == '#' {
			break
		}
		if b[0] != '.' {
			return false
		}
		b = b[1:]
	}
	b = b[1:]
	n := identLen(b)
	if n == 0 {
		return false
	}
	b = b[n:]
	if len(b) == 0 {
		return true
	}
	return member && b[0] == '$' && len(b) > 1 && identLen(b[1:]) == len(b)-1
}

// identLen returns the length of the Smithy identifier that b starts with, or 0:
// a letter, or underscores then a letter or digit, then letters, digits and underscores.
func identLen(b []byte) int {
	i := 0
	for i < len(b) && b[i] == '_' {
		i++
	}
	if i == len(b) || !(isLetter(b[i]) || i > 0 && isDigit(b[i])) {
		return 0
	}
	for i++; i < len(b) && (isLetter(b[i]) || isDigit(b[i]) || b[i] == '_'); i++ {
	}
	return i
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
