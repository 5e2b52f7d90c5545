package model

import "slices"

// AttributeMap is a resource's settings kept in one string map, each a
// field of its own (generator.yaml's attributes): SQS's CreateQueue and
// GetQueueAttributes carry Attributes, and SetQueueAttributes changes
// them. The read is the resource's own read, asked for every field by
// name where it takes the names.
type AttributeMap struct {
	// Map is the member of the read output and of the create input (if
	// it has one) holding the map.
	Map string
	// Names is the read input member listing the attribute names to
	// read, "" when the read returns every attribute; NamesEnum is its
	// element's enum shape, "" for strings.
	Names, NamesEnum string
	// All is the name that reads every attribute the resource has (SQS's
	// "All"), "" when the names have none: an object that owns nothing
	// yet asks for it rather than for every name the model knows, some
	// of which an emulator or an older region refuses.
	All string
	// Set changes attributes of an existing resource: SetMap is its map
	// member, or else SetName and SetValue take one attribute per call.
	Set                       *Operation
	SetMap, SetName, SetValue string
	// Spec are the spec fields, updatable or create-only; Status the
	// read-only ones. Each field's Member is its attribute name.
	Spec, Status []*Field
	// Defaults are AWS's values of the updatable attributes that declare
	// one, by attribute name: one the spec drops after the controller
	// applied it is set back to its default.
	Defaults map[string]string
	// ARN is the read-only attribute holding the resource's ARN, for a
	// read that has no ARN member of its own; "" for none.
	ARN string
	// Reason says how the map was found, for explain.
	Reason string
}

// Holds reports whether f is one of the map's fields; false on a nil map.
func (a *AttributeMap) Holds(f *Field) bool {
	return a != nil && (slices.Contains(a.Spec, f) || slices.Contains(a.Status, f))
}

// AllNames lists every attribute name the read asks for, spec first.
func (a *AttributeMap) AllNames() []string {
	var out []string
	for _, f := range slices.Concat(a.Spec, a.Status) {
		out = append(out, f.Member)
	}
	return out
}

// Default is AWS's value of the attribute field f when unset, and
// whether the map declares one.
func (a *AttributeMap) Default(f *Field) (string, bool) {
	if a == nil {
		return "", false
	}
	v, ok := a.Defaults[f.Member]
	return v, ok
}
