package pipeline

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

func TestInferResources(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		yaml    string
		want    map[string][4]string // kind: create, read, update, delete operation names
		wantErr string
	}{
		{
			reason: "an awsJson1_1 service with an update operation", service: "widgets", yaml: "resources:\n  Widget: {}\n",
			want: map[string][4]string{"Widget": {"CreateWidget", "DescribeWidget", "UpdateWidget", "DeleteWidget"}},
		},
		{
			reason: "a restJson1 service without an update operation", service: "gadgets", yaml: "resources:\n  Gadget: {}\n",
			want: map[string][4]string{"Gadget": {"CreateGadget", "GetGadget", "", "DeleteGadget"}},
		},
		{
			reason: "generator.yaml naming a resource the model lacks is an error", service: "widgets", yaml: "resources:\n  Sprocket: {}\n",
			wantErr: "Sprocket",
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, c.service, "load_model")
			cfg, err := config.Parse([]byte(c.yaml), "generator.yaml")
			if err != nil {
				t.Fatal(err)
			}
			s.Config = cfg
			err = inferResources(s)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][4]string{}
			for _, r := range s.Model.Resources {
				got[r.Kind] = [4]string{opName(r.Create), opName(r.Read), opName(r.Update), opName(r.Delete)}
			}
			if len(got) != len(c.want) {
				t.Fatalf("kinds %v, want %v", got, c.want)
			}
			for k, w := range c.want {
				if got[k] != w {
					t.Errorf("%s operations %q, want %q", k, got[k], w)
				}
			}
		})
	}
}

func TestInferResourcesKeepsAGivenModel(t *testing.T) {
	given := &model.Service{Name: "given"}
	s := &State{Service: "widgets", Model: given}
	if err := inferResources(s); err != nil {
		t.Fatalf("a given model was inferred again: %v", err)
	}
	if s.Model != given {
		t.Error("a given model was replaced")
	}
}

func opName(op *model.Operation) string {
	if op == nil {
		return ""
	}
	return op.Name
}
