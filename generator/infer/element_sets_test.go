package infer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/model"
)

// runRuleGadgets infers testdata/gadgets with rules like a security
// group's: AuthorizeGadgetRules adds and RevokeGadgetRules removes the
// Permissions it lists, each {Protocol, Ranges: [{Cidr}]}, and
// DescribeGadgets returns them as Gadget.Permissions.
func runRuleGadgets(t *testing.T, yaml string) (*Result, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "gadgets", "2020-01-01", "service-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	ops, shapes := doc["operations"].(map[string]any), doc["shapes"].(map[string]any)
	for _, op := range []string{"AuthorizeGadgetRules", "RevokeGadgetRules"} {
		ops[op] = map[string]any{"name": op, "http": map[string]any{"method": "POST", "requestUri": "/"}, "input": map[string]any{"shape": op + "Request"}}
		shapes[op+"Request"] = map[string]any{"type": "structure", "required": []string{"GadgetId"}, "members": map[string]any{
			"GadgetId": map[string]any{"shape": "GadgetId"}, "Permissions": map[string]any{"shape": "PermissionList"},
		}}
	}
	shapes["Range"] = map[string]any{"type": "structure", "members": map[string]any{"Cidr": map[string]any{"shape": "String"}}}
	shapes["RangeList"] = map[string]any{"type": "list", "member": map[string]any{"shape": "Range", "locationName": "item"}}
	shapes["Permission"] = map[string]any{"type": "structure", "members": map[string]any{
		"Protocol": map[string]any{"shape": "String"}, "Ranges": map[string]any{"shape": "RangeList"},
	}}
	shapes["PermissionList"] = map[string]any{"type": "list", "member": map[string]any{"shape": "Permission", "locationName": "item"}}
	shapes["Gadget"].(map[string]any)["members"].(map[string]any)["Permissions"] = map[string]any{"shape": "PermissionList"}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "service-2.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := awsjson.Load(path)
	if err != nil {
		t.Fatalf("loading rule gadgets: %v", err)
	}
	return Run("gadgets", m, parseConfig(t, yaml), Options{})
}

// TestElementSets: a sub-resource with elements: true is a list of the
// put member's structure, added by the put and removed by the delete,
// read with the resource; what cannot work that way is refused.
func TestElementSets(t *testing.T) {
	const rules = "Rules: {put: AuthorizeGadgetRules, member: Permissions"
	cases := []struct {
		reason  string
		sub     string
		wantErr string
	}{
		{reason: "added by the put, removed by the delete, read back by DescribeGadgets at Permissions",
			sub: rules + ", delete: RevokeGadgetRules, observedAt: Permissions, elements: true}"},
		{reason: "without a delete nothing removes an element",
			sub: rules + ", observedAt: Permissions, elements: true}", wantErr: "elements needs a delete operation"},
		{reason: "a delete that does not take the elements",
			sub: rules + ", delete: DeleteGadget, observedAt: Permissions, elements: true}", wantErr: "DeleteGadget has no member Permissions"},
		{reason: "elements never read back cannot be compared",
			sub: rules + ", delete: RevokeGadgetRules, elements: true}", wantErr: "elements needs the elements read back"},
		{reason: "a value that is no list of structures",
			sub: "FooKind: {put: ModifyGadgetAttribute, member: FooKindOnLaunch, observedAt: FooOptions.Kind, delete: RevokeGadgetRules, elements: true}", wantErr: "elements needs a list of structures"},
	}
	for _, c := range cases {
		res, err := runRuleGadgets(t, "resources:\n  Gadget:\n    subResources:\n      "+c.sub+"\n")
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		f := field(resource(t, res, "Gadget"), "Rules")
		if f == nil || f.SubResource == nil || !f.SubResource.Elements || !f.SubResource.ReadWithResource {
			t.Errorf("%s: Rules is no element set read with the resource: %+v", c.reason, f)
			continue
		}
		if got := model.TypeString(f.Type); !strings.Contains(got, "Permission") || f.Type.Kind != model.List {
			t.Errorf("%s: Rules is %s, want a list of Permission", c.reason, got)
		}
		if !strings.Contains(f.Reason, "one RevokeGadgetRules call removes those the spec lacks, then one AuthorizeGadgetRules call adds those AWS lacks") {
			t.Errorf("%s: explain does not say how the set changes: %q", c.reason, f.Reason)
		}
	}
}
