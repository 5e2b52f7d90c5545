package model

import "testing"

func TestTagMembers(t *testing.T) {
	str := &Type{Kind: String}
	field := func(member string, typ *Type) *Field { return &Field{Member: member, Type: typ} }
	cases := []struct {
		reason     string
		s          *Struct
		key, value string // "" for no tag structure
	}{
		{"Key and Value", &Struct{Fields: []*Field{field("Key", str), field("Value", str)}}, "Key", "Value"},
		{"TagKey and TagValue", &Struct{Fields: []*Field{field("TagKey", str), field("TagValue", str)}}, "TagKey", "TagValue"},
		{"lower-case REST-JSON members, as Personalize's Tag", &Struct{Fields: []*Field{field("tagKey", str), field("tagValue", str)}}, "tagKey", "tagValue"},
		{"key and value from one pair only", &Struct{Fields: []*Field{field("Key", str), field("TagValue", str)}}, "", ""},
		{"a key that is not a string", &Struct{Fields: []*Field{field("Key", &Type{Kind: Int}), field("Value", str)}}, "", ""},
		{"no structure", nil, "", ""},
	}
	for _, c := range cases {
		key, value := c.s.TagMembers()
		if name(key) != c.key || name(value) != c.value {
			t.Errorf("%s: got %q, %q; want %q, %q", c.reason, name(key), name(value), c.key, c.value)
		}
	}
}

func name(f *Field) string {
	if f == nil {
		return ""
	}
	return f.Member
}
