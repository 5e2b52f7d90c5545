package infer

import (
	"encoding/json"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// gizmosModel is an EC2-like service: CreateGizmo returns the GizmoId AWS
// assigns, DescribeGizmos lists gizmos filtered by GizmoIds or GizmoNames,
// and DeleteGizmo takes GizmoId or GizmoName; deleteRequired are the
// delete members it requires.
func gizmosModel(t *testing.T, deleteRequired ...string) *smithy.Model {
	t.Helper()
	const ns, str = "example.gizmos#", "smithy.api#String"
	structure := func(m map[string]string, required ...string) map[string]any {
		members := map[string]any{}
		for name, target := range m {
			members[name] = map[string]any{"target": target}
		}
		for _, name := range required {
			members[name].(map[string]any)["traits"] = map[string]any{"smithy.api#required": map[string]any{}}
		}
		return map[string]any{"type": "structure", "members": members}
	}
	op := func(name string) map[string]any {
		return map[string]any{"type": "operation", "input": map[string]string{"target": ns + name + "Input"}, "output": map[string]string{"target": ns + name + "Output"}}
	}
	shapes := map[string]any{
		ns + "Gizmos": map[string]any{
			"type": "service", "version": "1",
			"traits":     map[string]any{"aws.api#service": map[string]string{"sdkId": "Gizmos"}, "aws.protocols#awsJson1_0": map[string]any{}},
			"operations": []map[string]string{{"target": ns + "CreateGizmo"}, {"target": ns + "DescribeGizmos"}, {"target": ns + "DeleteGizmo"}},
		},
		ns + "CreateGizmo":          op("CreateGizmo"),
		ns + "CreateGizmoInput":     structure(map[string]string{"GizmoName": str, "Description": str}, "GizmoName"),
		ns + "CreateGizmoOutput":    structure(map[string]string{"GizmoId": str, "GizmoArn": str}),
		ns + "DescribeGizmos":       op("DescribeGizmos"),
		ns + "DescribeGizmosInput":  structure(map[string]string{"GizmoIds": ns + "Strings", "GizmoNames": ns + "Strings"}),
		ns + "DescribeGizmosOutput": structure(map[string]string{"Gizmos": ns + "GizmoList"}),
		ns + "GizmoList":            map[string]any{"type": "list", "member": map[string]string{"target": ns + "Gizmo"}},
		ns + "Gizmo":                structure(map[string]string{"GizmoId": str, "GizmoName": str, "Description": str}),
		ns + "Strings":              map[string]any{"type": "list", "member": map[string]string{"target": str}},
		ns + "DeleteGizmo":          op("DeleteGizmo"),
		ns + "DeleteGizmoInput":     structure(map[string]string{"GizmoId": str, "GizmoName": str, "DryRun": "smithy.api#Boolean"}, deleteRequired...),
		ns + "DeleteGizmoOutput":    structure(nil),
	}
	data, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Parse(data, "gizmos.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCreatedIdentifiers: a read that lists is filtered by the identifier
// the delete requires, else by the one the create returns and the delete
// takes.
func TestCreatedIdentifiers(t *testing.T) {
	cases := []struct {
		reason         string
		deleteRequired []string
		wantFilter     string
		wantID         string
		wantStatus     bool
	}{
		{"the delete requires nothing: GizmoId, which the create returns and the delete takes", nil, "GizmoIds", "GizmoId", true},
		{"the delete requires GizmoName: that one, as before", []string{"GizmoName"}, "GizmoNames", "GizmoName", false},
	}
	const cfg = "resources:\n  Gizmo:\n    operations: {read: DescribeGizmos}\n"
	for _, c := range cases {
		res, err := Run("gizmos", gizmosModel(t, c.deleteRequired...), parseConfig(t, cfg), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Gizmo")
		if f := r.Read.Filter; f == nil || f.Member != c.wantFilter || f.Identifier != c.wantID {
			t.Errorf("%s: DescribeGizmos filter %+v, want %s by %s", c.reason, f, c.wantFilter, c.wantID)
		}
		if len(r.Identifiers) != 1 || r.Identifiers[0].Member != c.wantID || r.Identifiers[0].Status != c.wantStatus {
			t.Errorf("%s: identifiers %+v, want %s (status %v)", c.reason, r.Identifiers, c.wantID, c.wantStatus)
		}
	}
}
