// Package smithy reads Smithy 2.0 JSON AST models (https://smithy.io/2.0/spec/json-ast.html),
// such as the AWS service models, into a flattened, validated shape graph.
package smithy

import "strings"

// ShapeID is an absolute shape ID such as "com.amazonaws.dynamodb#CreateTableInput",
// or a member ID such as "com.amazonaws.dynamodb#CreateTableInput$TableName".
type ShapeID string

// Namespace returns the part before '#'.
func (id ShapeID) Namespace() string {
	ns, _, _ := strings.Cut(string(id), "#")
	return ns
}

// Name returns the shape name: the part between '#' and '$'.
func (id ShapeID) Name() string {
	_, rest, _ := strings.Cut(string(id), "#")
	name, _, _ := strings.Cut(rest, "$")
	return name
}

// Member returns the member name after '$', or "" for a shape ID.
func (id ShapeID) Member() string {
	_, member, _ := strings.Cut(string(id), "$")
	return member
}

// Root returns the ID without its member part.
func (id ShapeID) Root() ShapeID {
	root, _, _ := strings.Cut(string(id), "$")
	return ShapeID(root)
}

// WithMember returns the member ID "id$name".
func (id ShapeID) WithMember(name string) ShapeID {
	return ShapeID(string(id.Root()) + "$" + name)
}

// ShapeType is the "type" of a shape in the JSON AST.
type ShapeType string

// The shape types of Smithy 2.0 ("set" is the deprecated 1.0 spelling of a unique list).
const (
	TypeStructure  ShapeType = "structure"
	TypeUnion      ShapeType = "union"
	TypeList       ShapeType = "list"
	TypeSet        ShapeType = "set"
	TypeMap        ShapeType = "map"
	TypeEnum       ShapeType = "enum"
	TypeIntEnum    ShapeType = "intEnum"
	TypeString     ShapeType = "string"
	TypeBlob       ShapeType = "blob"
	TypeBoolean    ShapeType = "boolean"
	TypeByte       ShapeType = "byte"
	TypeShort      ShapeType = "short"
	TypeInteger    ShapeType = "integer"
	TypeLong       ShapeType = "long"
	TypeFloat      ShapeType = "float"
	TypeDouble     ShapeType = "double"
	TypeBigInteger ShapeType = "bigInteger"
	TypeBigDecimal ShapeType = "bigDecimal"
	TypeTimestamp  ShapeType = "timestamp"
	TypeDocument   ShapeType = "document"
	TypeOperation  ShapeType = "operation"
	TypeResource   ShapeType = "resource"
	TypeService    ShapeType = "service"
)

// HasMembers reports whether shapes of this type keep named members in Shape.Members.
func (t ShapeType) HasMembers() bool {
	switch t {
	case TypeStructure, TypeUnion, TypeEnum, TypeIntEnum:
		return true
	}
	return false
}

// Shape is one shape of a model. Only the fields that belong to its Type are set.
type Shape struct {
	ID     ShapeID
	Type   ShapeType
	Traits Traits

	// Members of a structure, union, enum or intEnum, in file order
	// (mixin members first, as the spec orders them).
	Members []*Member
	// Member is the element of a list or set.
	Member *Member
	// Key and Value are the members of a map.
	Key, Value *Member

	// Mixins are the mixins as written; their members and traits are
	// already copied into this shape.
	Mixins []ShapeID

	// Operation: Input and Output are "" when absent or smithy.api#Unit.
	Input, Output ShapeID
	// Errors of an operation, or the common errors of a service.
	Errors []ShapeID

	// Service.
	Version string
	Rename  map[ShapeID]string

	// Service and resource bindings.
	Operations []ShapeID
	Resources  []ShapeID

	// Resource.
	Identifiers                             []Binding
	Properties                              []Binding
	Create, Put, Read, Update, Delete, List ShapeID
	CollectionOperations                    []ShapeID

	// pos is the byte offset of the shape's definition in its file, -1 for the prelude.
	pos int
}

// MemberByName returns the named member, or nil. For lists, sets and maps the
// names are "member", "key" and "value".
func (s *Shape) MemberByName(name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	for _, m := range []*Member{s.Member, s.Key, s.Value} {
		if m != nil && m.Name == name {
			return m
		}
	}
	return nil
}

// Binding is a named shape reference: a resource identifier or property.
type Binding struct {
	Name   string
	Target ShapeID
}

// Member is a member of an aggregate shape.
type Member struct {
	Name   string
	ID     ShapeID // "ns#Shape$Name"
	Target ShapeID
	Traits Traits

	pos int // byte offset in the file, -1 when not from a file
}
