package model

import (
	"strings"
	"testing"
)

func TestTypeString(t *testing.T) {
	cases := []struct {
		reason string
		typ    *Type
		want   string
	}{
		{"an SDK width", &Type{Kind: Int, Bits: 32}, "int32"},
		{"a value in the SDK", &Type{Kind: Bool, SDKValue: true}, "bool (value)"},
		{"a structure renamed in the API", &Type{Kind: Structure, Shape: "Topic", GoName: "TopicDetail"}, "struct TopicDetail (sdk Topic)"},
		{"nesting", &Type{Kind: Map, Elem: &Type{Kind: List, Elem: &Type{Kind: Enum, Shape: "Mode"}}}, "map[string][]enum Mode"},
		{"a document", &Type{Kind: JSON}, "json"},
	}
	for _, c := range cases {
		if got := TypeString(c.typ); got != c.want {
			t.Errorf("%s: %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestDump(t *testing.T) {
	svc := &Service{Name: "x", SDKPackage: "x", IAMPrefix: "x", Group: "x.services.k8s.aws", Version: "v1alpha1",
		Resources: []*Resource{{
			Name: "Thing", Kind: "Thing", Plural: "things", Source: FromOperationNames,
			Create: &Operation{Name: "CreateThing", Input: []*Member{{Name: "Name", Required: true}}},
			Read:   &Operation{Name: "ListThings", OutputPath: []string{"Things"}, Output: "Thing", Many: true, Filter: &Filter{Member: "Names", List: true, Identifier: "Name"}},
			Spec:   []*Field{{Member: "Name", GoName: "Name", JSONName: "name", Type: &Type{Kind: String}, Required: true, PrimaryKey: true, Class: ClassCreateOnly, Reason: "why"}},
		}},
		Structs: map[string]*Struct{"Unused": {Shape: "Unused"}},
	}
	got := Dump(svc)
	for _, want := range []string{
		"resource Thing: kind Thing (things), from operation names",
		"  create  CreateThing(Name*)",
		"  read    ListThings() -> Things[] Thing filter Names by Name (list)",
		"    Name Name name: string [required, primary-key]",
		"      create-only: why",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("the dump lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Unused") {
		t.Errorf("structures the API does not use are left out")
	}
}
