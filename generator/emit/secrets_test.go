package emit

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestSecretRef: only a top-level spec string of class secret becomes a
// SecretKeyReference, and its string constraints leave the CRD, where
// they would wrongly constrain the reference object.
func TestSecretRef(t *testing.T) {
	min := int64(8)
	str := &model.Type{Kind: model.String}
	cases := []struct {
		reason string
		field  *model.Field
		want   bool
	}{
		{"a @sensitive create input member", &model.Field{Secret: true, Class: model.ClassSecret, Type: str, Validation: model.Validation{MinLength: &min}}, true},
		{"a @sensitive member of a nested struct is no top-level reference (secretPaths finds it)", &model.Field{Secret: true, Type: str}, false},
		{"a @sensitive status field is left out of status instead", &model.Field{Secret: true, Class: model.ClassStatus, Type: str}, false},
		{"secret: false in generator.yaml makes it plain spec", &model.Field{Class: model.ClassSpec, Type: str}, false},
	}
	for _, c := range cases {
		c.field.JSONName = "password"
		if got := secretRef(c.field); got != c.want {
			t.Errorf("%s: secretRef = %t, want %t", c.reason, got, c.want)
		}
		markers := strings.Join(fieldMarkers(c.field), "\n")
		if c.want && strings.Contains(markers, "MinLength") {
			t.Errorf("%s: the value's constraints are on the reference: %s", c.reason, markers)
		}
	}
}

// TestRemovable: removing a sub-resource from the spec deletes it only
// when a get can tell AWS has it and there is a delete to call.
func TestRemovable(t *testing.T) {
	op := &model.Operation{Name: "Op"}
	cases := []struct {
		reason string
		sub    *model.SubResource
		ignore bool
		want   bool
	}{
		{"put, get and delete", &model.SubResource{Put: op, Get: op, Delete: op}, false, true},
		{"no delete: the configuration stays", &model.SubResource{Put: op, Get: op}, false, false},
		{"no get: whether AWS has it is unknown", &model.SubResource{Put: op, Delete: op}, false, false},
		{"compareIgnore: drift, removal included, is not acted on", &model.SubResource{Put: op, Get: op, Delete: op}, true, false},
	}
	for _, c := range cases {
		s := subResource{c.sub, &model.Field{CompareIgnore: c.ignore}}
		if got := s.removable(); got != c.want {
			t.Errorf("%s: removable = %t, want %t", c.reason, got, c.want)
		}
	}
}

// TestSecretPaths: the runtime is told every secret at any depth, with *
// for list elements and map values, and a secret map by its From field.
func TestSecretPaths(t *testing.T) {
	str := &model.Type{Kind: model.String}
	secretMap := &model.Type{Kind: model.Map, Elem: str}
	structOf := func(shape string) *model.Type { return &model.Type{Kind: model.Structure, Shape: shape} }
	svc := &model.Service{Structs: map[string]*model.Struct{
		"Config": {Fields: []*model.Field{{JSONName: "token", Type: str, Secret: true}, {JSONName: "mode", Type: str}}},
		"Rule":   {Fields: []*model.Field{{JSONName: "passphrase", Type: str, Secret: true}}},
		"Env":    {Fields: []*model.Field{{JSONName: "variables", Type: secretMap, Secret: true}}},
		"Plain":  {Fields: []*model.Field{{JSONName: "name", Type: str}}},
	}}
	r := &model.Resource{Spec: []*model.Field{
		{JSONName: "password", Type: str, Secret: true, Class: model.ClassSecret},
		{JSONName: "config", Type: structOf("Config")},
		{JSONName: "rules", Type: &model.Type{Kind: model.List, Elem: structOf("Rule")}},
		{JSONName: "rulesByName", Type: &model.Type{Kind: model.Map, Elem: structOf("Rule")}},
		{JSONName: "environment", Type: structOf("Env")},
		{JSONName: "labels", Type: secretMap, Secret: true, Class: model.ClassSecret},
		{JSONName: "plain", Type: structOf("Plain")},
	}}
	keys, maps := (&Gen{svc: svc}).secretPaths(r)
	cases := []struct {
		reason    string
		got, want string
	}{
		{"key references: top-level, in a struct, in every list element and map value", strings.Join(keys, " "), "password config.token rules.*.passphrase rulesByName.*.passphrase"},
		{"whole-Secret references: a nested and a top-level @sensitive map, by their From field", strings.Join(maps, " "), "environment.variablesFrom labelsFrom"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, c.got, c.want)
		}
	}
}
