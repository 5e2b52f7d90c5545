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
		{"a @sensitive member of a nested struct stays a string", &model.Field{Secret: true, Type: str}, false},
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
