package infer

import (
	"slices"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestDropStatusSecrets(t *testing.T) {
	str := &model.Type{Kind: model.String}
	secretMap := &model.Type{Kind: model.Map, Elem: str}
	structOf := func(shape string) *model.Type { return &model.Type{Kind: model.Structure, Shape: shape} }
	svc := &model.Service{
		Structs: map[string]*model.Struct{
			// Environment is in spec; EnvironmentResponse, behind a list, only in status.
			"Environment":         {Shape: "Environment", Fields: []*model.Field{{Member: "Variables", Type: secretMap, Secret: true}}},
			"EnvironmentResponse": {Shape: "EnvironmentResponse", Fields: []*model.Field{{Member: "Variables", Type: secretMap, Secret: true}, {Member: "Error", Type: str}}},
			// Shared is used by both, so it keeps its secret as a reference.
			"Shared": {Shape: "Shared", Fields: []*model.Field{{Member: "Token", Type: str, Secret: true}}},
		},
		Resources: []*model.Resource{{
			Kind:   "Function",
			Spec:   []*model.Field{{Member: "Environment", Type: structOf("Environment")}, {Member: "Shared", Type: structOf("Shared")}},
			Status: []*model.Field{{Member: "Responses", Type: &model.Type{Kind: model.List, Elem: structOf("EnvironmentResponse")}}, {Member: "Shared", Type: structOf("Shared")}},
		}},
	}
	if err := dropStatusSecrets(&state{svc: svc}); err != nil {
		t.Fatal(err)
	}
	members := func(shape string) []string {
		var out []string
		for _, f := range svc.Structs[shape].Fields {
			out = append(out, f.Member)
		}
		return out
	}
	cases := []struct {
		reason string
		shape  string
		want   []string
	}{
		{"a structure the spec uses keeps its secret, to be given as a reference", "Environment", []string{"Variables"}},
		{"a structure only status uses loses its secret, even behind a list", "EnvironmentResponse", []string{"Error"}},
		{"a structure both use keeps its secret; the status conversion skips it", "Shared", []string{"Token"}},
	}
	for _, c := range cases {
		if got := members(c.shape); !slices.Equal(got, c.want) {
			t.Errorf("%s: %s has %v, want %v", c.reason, c.shape, got, c.want)
		}
	}
	if sk := svc.Structs["EnvironmentResponse"].Skipped; len(sk) != 1 || sk[0].Member != "Variables" || sk[0].Reason != statusSecretNote {
		t.Errorf("the dropped member is not explained: %+v", sk)
	}
}
