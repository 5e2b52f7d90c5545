package smithy

import "encoding/json"

// unitID is the prelude's empty structure, the target of enum members and of
// absent operation input or output.
const unitID ShapeID = "smithy.api#Unit"

// preludeShape is a smithy.api shape models may target without defining it;
// def is the @default of the Primitive* shapes.
type preludeShape struct {
	name string
	typ  ShapeType
	def  string
}

func preludeShapes() []preludeShape {
	return []preludeShape{
		{"String", TypeString, ""},
		{"Blob", TypeBlob, ""},
		{"BigInteger", TypeBigInteger, ""},
		{"BigDecimal", TypeBigDecimal, ""},
		{"Timestamp", TypeTimestamp, ""},
		{"Document", TypeDocument, ""},
		{"Boolean", TypeBoolean, ""},
		{"PrimitiveBoolean", TypeBoolean, "false"},
		{"Byte", TypeByte, ""},
		{"PrimitiveByte", TypeByte, "0"},
		{"Short", TypeShort, ""},
		{"PrimitiveShort", TypeShort, "0"},
		{"Integer", TypeInteger, ""},
		{"PrimitiveInteger", TypeInteger, "0"},
		{"Long", TypeLong, ""},
		{"PrimitiveLong", TypeLong, "0"},
		{"Float", TypeFloat, ""},
		{"PrimitiveFloat", TypeFloat, "0"},
		{"Double", TypeDouble, ""},
		{"PrimitiveDouble", TypeDouble, "0"},
		{"Unit", TypeStructure, ""},
	}
}

// addPrelude adds fresh prelude shapes to the model; files may not redefine them.
func (r *resolver) addPrelude() error {
	for _, p := range preludeShapes() {
		id := ShapeID("smithy.api#" + p.name)
		if s, ok := r.m.Shapes[id]; ok {
			return r.errorAt(s.pos, id, "", "redefines a prelude shape")
		}
		s := &Shape{ID: id, Type: p.typ, pos: -1}
		switch {
		case p.def != "":
			def := json.RawMessage(p.def)
			s.Traits = Traits{Raw: map[string]json.RawMessage{"smithy.api#default": def}, Default: def}
		case id == unitID:
			s.Traits = Traits{Raw: map[string]json.RawMessage{"smithy.api#unitType": json.RawMessage("{}")}}
		}
		r.m.Shapes[id] = s
	}
	return nil
}
