package infer

import (
	"strings"
	"testing"
)

func TestSelectResources(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		opts   Options
		want   string // kinds resolved
	}{
		{"resources: lists what is generated", "resources:\n  Table: {}\n  Queue: {}\n", Options{}, "Queue Table"},
		{"nothing configured, nothing generated", "", Options{}, ""},
		{"include * generates every complete resource", "include: [\"*\"]\n", Options{}, "Bucket Queue Repository Table Topic"},
		{"exclude removes from include", "include: [\"*\"]\nexclude: [\"T*\", Bucket]\n", Options{}, "Queue Repository"},
		{"a kind name renames and reorders", "resources:\n  Topic: {kind: ATopic}\n  Table: {}\n", Options{}, "ATopic Table"},
		{"a declared resource, by its operations", "resources:\n  Gizmo:\n    operations: {create: RegisterGizmo, read: DescribeGizmo, delete: DeregisterGizmo}\n", Options{}, "Gizmo"},
		{"operations complete an incomplete resource", "resources:\n  Widget:\n    operations: {delete: RemoveWidget}\n", Options{}, "Widget"},
		{"All resolves every complete resource", "resources:\n  Table: {}\n", Options{All: true}, "Bucket Queue Repository Table Topic"},
		{"Only resolves one, by name", "", Options{Only: "Queue"}, "Queue"},
		{"Only resolves one, by kind", "resources:\n  Topic: {kind: ATopic}\n", Options{Only: "ATopic"}, "ATopic"},
		{"Only resolves an excluded one", "include: [\"*\"]\nexclude: [Table]\n", Options{Only: "Table"}, "Table"},
	}
	for _, c := range cases {
		res := mustRun(t, "names.json", c.yaml, c.opts)
		var kinds []string
		for _, r := range res.Service.Resources {
			kinds = append(kinds, r.Kind)
		}
		if got := strings.Join(kinds, " "); got != c.want {
			t.Errorf("%s: resolved %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestSelectResourcesOnlyUnknown(t *testing.T) {
	cases := []struct {
		reason, only, want string
	}{
		{"a name inference does not know", "Tabel", `fixture has no resource "Tabel" (did you mean "Table"?)`},
		{"an incomplete resource", "Widget", "Widget has no delete operation (candidates in the model: RemoveWidget; ranked: the identifier as only required input, then Verb<R> names, then shortest); name it under resources.Widget.operations in generator.yaml"},
	}
	for _, c := range cases {
		_, err := run(t, "names.json", "", Options{Only: c.only})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.reason, err, c.want)
		}
	}
}

func TestSelectResourcesOperationOverride(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Queue:\n    operations: {update: none, read: GetQueueAttributes}\n", Options{})
	r := resource(t, res, "Queue")
	if r.Update != nil {
		t.Errorf("update: none leaves the resource without an update, got %s", r.Update.Name)
	}
	if got := decision(r, "read"); got != "GetQueueAttributes" {
		t.Errorf("the read named in generator.yaml is recorded, got %q", got)
	}
}
