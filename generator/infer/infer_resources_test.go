package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestInferResources(t *testing.T) {
	cases := []struct {
		reason      string
		model, name string
		source      string
		ops         string // create read update delete list, "-" for none
		readMany    bool
		missing     string
	}{
		{"Create, Describe, Update, Delete and List<R>s by name", "names.json", "Table", model.FromOperationNames,
			"CreateTable DescribeTable UpdateTable DeleteTable ListTables", false, ""},
		{"a filtered Describe<R>s reads when no Describe<R> does", "names.json", "Repository", model.FromOperationNames,
			"CreateRepository DescribeRepositories - DeleteRepository DescribeRepositories", true, ""},
		{"Get and Set<R>Attributes read and update; List<R>s lists", "names.json", "Queue", model.FromOperationNames,
			"CreateQueue GetQueueAttributes SetQueueAttributes DeleteQueue ListQueues", false, ""},
		{"a resource without a delete is incomplete", "names.json", "Widget", model.FromOperationNames,
			"CreateWidget DescribeWidget - - -", false, "delete"},
		{"a resource shape's bindings", "shapes.json", "Network", model.FromResourceShape,
			"CreateNetwork GetNetwork UpdateNetwork DeleteNetwork ListNetworks", false, ""},
		{"put creates and updates when the shape has no create or update", "shapes.json", "Policy", model.FromResourceShape,
			"PutPolicy GetPolicy PutPolicy DeletePolicy -", false, ""},
		{"names fill what a resource shape lacks", "shapes.json", "Gateway", model.FromResourceShape,
			"CreateGateway GetGateway - DeleteGateway -", false, ""},
	}
	for _, c := range cases {
		res := mustRun(t, c.model, "", Options{All: true})
		var got *Candidate
		for _, cand := range res.Candidates {
			if cand.Name == c.name {
				got = cand
			}
		}
		if got == nil {
			t.Errorf("%s: no candidate %s", c.reason, c.name)
			continue
		}
		var ops []string
		for _, role := range Roles() {
			ops = append(ops, or(got.Op(role), "-"))
		}
		if got.Source != c.source || strings.Join(ops, " ") != c.ops || got.ReadMany != c.readMany || strings.Join(got.Missing(), " ") != c.missing {
			t.Errorf("%s: got %s %s readMany=%t missing=%v", c.reason, got.Source, strings.Join(ops, " "), got.ReadMany, got.Missing())
		}
	}
}

func TestInferResourcesIgnoresOtherCreates(t *testing.T) {
	res := mustRun(t, "names.json", "", Options{All: true})
	for _, c := range res.Candidates {
		if c.Name == "Gizmo" {
			t.Errorf("Gizmo has no Create<R>, so names alone must not find it")
		}
	}
}

func TestPlurals(t *testing.T) {
	cases := []struct{ reason, in, want string }{
		{"an s", "Table", "Tables Tablees"},
		{"es", "Address", "Addresss Addresses"},
		{"y to ies", "Repository", "Repositorys Repositoryes Repositories"},
	}
	for _, c := range cases {
		if got := strings.Join(plurals(c.in), " "); got != c.want {
			t.Errorf("%s: plurals(%s) = %s, want %s", c.reason, c.in, got, c.want)
		}
	}
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
