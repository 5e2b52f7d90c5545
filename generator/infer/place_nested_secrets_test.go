package infer

import (
	"slices"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestPlaceNestedSecrets(t *testing.T) {
	str := &model.Type{Kind: model.String}
	secretMap := &model.Type{Kind: model.Map, Elem: str}
	structOf := func(shape string) *model.Type { return &model.Type{Kind: model.Structure, Shape: shape} }
	svc := &model.Service{
		Structs: map[string]*model.Struct{
			// Environment is in spec; EnvironmentResponse, behind a list, only in status.
			"Environment":         {Shape: "Environment", Fields: []*model.Field{{Member: "Variables", JSONName: "variables", Type: secretMap, Secret: true}}},
			"EnvironmentResponse": {Shape: "EnvironmentResponse", Fields: []*model.Field{{Member: "Variables", Type: secretMap, Secret: true}, {Member: "Error", Type: str}}},
			// Shared is used by both, so it keeps its secret as a reference.
			"Shared": {Shape: "Shared", Fields: []*model.Field{{Member: "Token", JSONName: "token", Type: str, Secret: true}}},
		},
		Resources: []*model.Resource{{
			Kind:   "Function",
			Spec:   []*model.Field{{Member: "Environment", Type: structOf("Environment")}, {Member: "Shared", Type: structOf("Shared")}},
			Status: []*model.Field{{Member: "Responses", Type: &model.Type{Kind: model.List, Elem: structOf("EnvironmentResponse")}}, {Member: "Shared", Type: structOf("Shared")}},
		}},
	}
	if err := placeNestedSecrets(&state{svc: svc}); err != nil {
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
	for _, f := range svc.Resources[0].Spec {
		want := map[string]string{
			"Environment": "; holds @sensitive members, read from Secrets: variables (its entries plus those of the Secret variablesFrom names)",
			"Shared":      "; holds @sensitive members, read from Secrets: token (a Secret key)",
		}[f.Member]
		if f.Reason != want {
			t.Errorf("explain says of spec field %s %q, want %q", f.Member, f.Reason, want)
		}
	}
	if sk := svc.Structs["EnvironmentResponse"].Skipped; len(sk) != 1 || sk[0].Member != "Variables" || sk[0].Reason != statusSecretNote {
		t.Errorf("the dropped member is not explained: %+v", sk)
	}
}
