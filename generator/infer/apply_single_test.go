package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestApplySingle(t *testing.T) {
	cases := []struct {
		reason, yaml string
		err          string
	}{
		{"a list of strings becomes one string, sent as a list of one",
			"resources:\n  Logs:\n    fields:\n      ResourceIds: {rename: ResourceId, single: true}\n", ""},
		{"single refuses a field that is no list of strings",
			"resources:\n  Logs:\n    fields:\n      TrafficType: {single: true}\n", "single applies to top-level spec fields that are lists of strings, and TrafficType is not one"},
	}
	for _, c := range cases {
		res, err := run(t, "plurals.json", c.yaml, Options{})
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want one saying %s", c.reason, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		f := field(resource(t, res, "Logs"), "ResourceIds")
		if f == nil || f.Type.Kind != model.String || !f.Type.Single || f.JSONName != "resourceID" {
			t.Errorf("%s: field %+v, want resourceID, a single string", c.reason, f)
		}
	}
}

func TestCreateAssigns(t *testing.T) {
	cases := []struct {
		reason, name string
		want         *model.Filter
	}{
		{"a create listing the assigned identifiers fills the identifier with the only one", "Logs",
			&model.Filter{Member: "LogIds", List: true, Identifier: "LogId"}},
		{"a create describing the resource assigns nothing of its own", "Endpoint", nil},
	}
	for _, c := range cases {
		r := resource(t, mustRun(t, "plurals.json", "resources:\n  "+c.name+": {}\n", Options{}), c.name)
		got := r.Create.Assigns
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%s: assigns %+v, want %+v", c.reason, got, c.want)
		}
	}
}
