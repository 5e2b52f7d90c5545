package infer

import (
	"encoding/json"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestValueInSDK(t *testing.T) {
	cases := []struct {
		reason    string
		def       string // @default on the member, "" for none
		box       bool
		wantValue bool
	}{
		{"a zero default", "0", false, true},
		{"a false default", "false", false, true},
		{"a non-zero default stays a pointer", "5", false, false},
		{"no default stays a pointer", "", false, false},
		{"@box keeps a pointer", "0", true, false},
	}
	for _, c := range cases {
		mem := &smithy.Member{Traits: smithy.Traits{Box: c.box}}
		if c.def != "" {
			mem.Traits.Default = json.RawMessage(c.def)
		}
		if got := valueInSDK(mem, &smithy.Shape{}); got != c.wantValue {
			t.Errorf("%s: valueInSDK = %t, want %t", c.reason, got, c.wantValue)
		}
	}
}

func TestGoNameAvoidsKinds(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Topic: {}\n", Options{})
	s := res.Service.Structs["Topic"]
	if s == nil || s.GoName != "TopicDetail" {
		t.Fatalf("the Topic structure must not take the Topic kind's name: %+v", s)
	}
	res = mustRun(t, "names.json", "resources:\n  Topic: {kind: SNSTopic}\n", Options{})
	if s := res.Service.Structs["Topic"]; s.GoName != "Topic" {
		t.Errorf("with the kind renamed, the structure keeps its name: got %s", s.GoName)
	}
}

func TestListsKnowWhetherOrderMatters(t *testing.T) {
	str := &smithy.Shape{ID: "smithy.api#String", Type: smithy.TypeString}
	m := &smithy.Model{Shapes: map[smithy.ShapeID]*smithy.Shape{str.ID: str}}
	cases := []struct {
		reason     string
		shape      *smithy.Shape
		wantUnique bool
	}{
		{"a plain list keeps its order", &smithy.Shape{Type: smithy.TypeList}, false},
		{"@uniqueItems makes a set", &smithy.Shape{Type: smithy.TypeList, Traits: smithy.Traits{UniqueItems: true}}, true},
		{"a Smithy 1 set is a set", &smithy.Shape{Type: smithy.TypeSet}, true},
	}
	for _, c := range cases {
		c.shape.Member = &smithy.Member{Name: "member", Target: str.ID}
		typ, err := (&typer{m: m}).shapeType(c.shape)
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if typ.Unique != c.wantUnique {
			t.Errorf("%s: Unique = %t, want %t", c.reason, typ.Unique, c.wantUnique)
		}
	}
}
