package infer

import "testing"

func TestApplyIgnores(t *testing.T) {
	res := mustRun(t, "names.json", `resources:
  Table:
    fields:
      Tags: {ignore: true}
      TableStatus: {ignore: true}
      BillingModeSummary.LastUpdate: {ignore: true, because: noisy}
`, Options{})
	r := resource(t, res, "Table")
	cases := []struct {
		reason string
		gone   bool
	}{
		{"a spec field", field(r, "Tags") == nil},
		{"a status field", field(r, "TableStatus") == nil},
		{"a nested field, from its structure", res.Service.Structs["BillingModeSummary"].FieldByMember("LastUpdate") == nil},
	}
	for _, c := range cases {
		if !c.gone {
			t.Errorf("%s is not ignored", c.reason)
		}
	}
	if s := res.Service.Structs["BillingModeSummary"].Skipped; len(s) != 1 || s[0].Reason != "ignored in generator.yaml: noisy" {
		t.Errorf("a nested field ignored is listed on its structure, with why: %v", s)
	}
}
