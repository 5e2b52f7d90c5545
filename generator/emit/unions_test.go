package emit

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// unionService is a service whose one kind holds the union Choice (a | b)
// in its spec field Pick, of type pick, directly or through Holder.
func unionService(pick *model.Type, required bool) *model.Service {
	str := func(name string) *model.Field {
		return &model.Field{Member: name, GoName: strings.ToUpper(name), JSONName: name, SDKName: strings.ToUpper(name), Type: &model.Type{Kind: model.String}}
	}
	choice := &model.Type{Kind: model.Structure, Shape: "Choice", GoName: "Choice"}
	return &model.Service{
		Name: "things", SDKPackage: "things", Group: "things.services.k8s.aws", Version: "v1alpha1",
		Structs: map[string]*model.Struct{
			"Choice": {Shape: "Choice", GoName: "Choice", InAPI: true, Union: true, Fields: []*model.Field{str("a"), str("b")}},
			"Holder": {Shape: "Holder", GoName: "Holder", InAPI: true, Fields: []*model.Field{{Member: "Value", GoName: "Value", JSONName: "value", SDKName: "Value", Type: choice}}},
		},
		Resources: []*model.Resource{{Kind: "Thing", Plural: "things", Read: &model.Operation{Name: "GetThing"}, Spec: []*model.Field{
			{Member: "Pick", GoName: "Pick", JSONName: "pick", SDKName: "Pick", Type: pick, Required: required},
		}}},
	}
}

// TestUnionRules pins where the CRD checks that a union sets at most one
// member (and, required, one): everywhere but under two lists or maps,
// where the API server would size the rule past its CEL cost budget.
func TestUnionRules(t *testing.T) {
	choice := &model.Type{Kind: model.Structure, Shape: "Choice", GoName: "Choice"}
	holder := &model.Type{Kind: model.Structure, Shape: "Holder", GoName: "Holder"}
	list := func(t *model.Type) *model.Type { return &model.Type{Kind: model.List, Elem: t} }
	mapOf := func(t *model.Type) *model.Type { return &model.Type{Kind: model.Map, Elem: t} }
	const atMostOne = `+kubebuilder:validation:XValidation:rule="(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1",message="set at most one of a, b"`
	const one = `+kubebuilder:validation:XValidation:rule="has(self.a) || has(self.b)",message="set one of a, b"`
	cases := []struct {
		reason   string
		pick     *model.Type
		required bool
		want     []string // in the API types
		not      []string
	}{
		{"an optional union field: at most one", choice, false, []string{atMostOne}, []string{one}},
		{"a required union field: exactly one", choice, true, []string{atMostOne, one}, nil},
		{"a union in a list: each element at most one", list(choice), false, []string{atMostOne}, nil},
		{"a union in a structure in a list", list(holder), false, []string{atMostOne}, nil},
		{"a union under a list of maps: no rule, past the CEL budget", list(mapOf(holder)), false, nil, []string{atMostOne}},
	}
	for _, c := range cases {
		files, err := New(unionService(c.pick, c.required), "example.com/things").Types()
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		var all strings.Builder
		for _, f := range files {
			all.Write(f.Data)
		}
		for _, w := range c.want {
			if !strings.Contains(all.String(), w) {
				t.Errorf("%s: no %s in\n%s", c.reason, w, all.String())
			}
		}
		for _, n := range c.not {
			if strings.Contains(all.String(), n) {
				t.Errorf("%s: %s, which should not be there", c.reason, n)
			}
		}
	}
}
