package infer

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestSplitStatusTypes(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Table: {}\n", Options{})
	table := resource(t, res, "Table")
	summary := field(table, "BillingModeSummary")
	cases := []struct {
		reason string
		got    *model.Field
		enum   bool
	}{
		{"a spec field keeps its Smithy enum", field(table, "BillingMode"), true},
		{"the same enum inside a status structure is not validated", res.Service.Structs[summary.Type.Shape].FieldByMember("BillingMode"), false},
	}
	for _, c := range cases {
		if got := len(c.got.Validation.Enum) > 0; got != c.enum {
			t.Errorf("%s: enum validation %t, want %t", c.reason, got, c.enum)
		}
	}
	if summary.Type.Shape != "BillingModeSummary"+model.StatusSuffix || summary.JSONName != "billingModeSummary" {
		t.Errorf("the status field should use the status-side copy under its own JSON name: %s %s", summary.Type.Shape, summary.JSONName)
	}
}
