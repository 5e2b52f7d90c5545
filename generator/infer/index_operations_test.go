package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestIndexOperations(t *testing.T) {
	cases := []struct {
		reason string
		model  string
		op     string
	}{
		{"an operation the service binds", "names.json", "CreateTable"},
		{"a resource's lifecycle operation", "shapes.json", "CreateNetwork"},
		{"an operation of a child resource", "shapes.json", "GetListener"},
		{"a list operation", "shapes.json", "ListNetworks"},
	}
	for _, c := range cases {
		st := &state{name: "fixture", m: loadModel(t, c.model), cfg: config.Empty("g.yaml")}
		if err := indexOperations(st); err != nil {
			t.Fatal(err)
		}
		if st.ops[c.op] == nil {
			t.Errorf("%s: %s is not indexed", c.reason, c.op)
		}
	}
	st := &state{name: "fixture", m: loadModel(t, "shapes.json"), cfg: config.Empty("g.yaml")}
	if err := indexOperations(st); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range st.resourceShapes {
		names = append(names, r.ID.Name())
	}
	if got := strings.Join(names, " "); got != "Network Listener Policy Gateway" {
		t.Errorf("resource shapes are listed parents first, in binding order: got %s", got)
	}
}

func TestIndexOperationsNeedsAWSService(t *testing.T) {
	m, err := smithy.Parse([]byte(`{"smithy": "2.0", "shapes": {"example#S": {"type": "service", "version": "1"}}}`), "bare.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run("bare", m, config.Empty("g.yaml"), Options{All: true})
	if err == nil || !strings.Contains(err.Error(), "bare.json: service example#S has no aws.api#service trait") {
		t.Errorf("a service without aws.api#service: got %v, want an error naming the model file", err)
	}
	none, err := smithy.Parse([]byte(`{"smithy": "2.0"}`), "none.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run("none", none, config.Empty("g.yaml"), Options{All: true})
	if err == nil || !strings.Contains(err.Error(), "none.json: model has no service shape") {
		t.Errorf("a model without a service shape: got %v, want an error naming the model file", err)
	}
}
