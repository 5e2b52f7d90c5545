package infer

import "testing"

func TestMarkAPIStructs(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Table: {}\n", Options{})
	cases := []struct {
		reason string
		shape  string
		inAPI  bool
	}{
		{"a spec list's elements", "KeyElement", true},
		{"a status structure, as its status-side copy", "BillingModeSummary@status", true},
		{"a structure only status uses has no spec-side type", "BillingModeSummary", false},
		{"the read output's description, whose members are the fields", "TableDescription", false},
		{"a structure of a resource not generated", "ScanConfig", false},
	}
	for _, c := range cases {
		s := res.Service.Structs[c.shape]
		if got := s != nil && s.InAPI; got != c.inAPI {
			t.Errorf("%s: %s InAPI = %t, want %t", c.reason, c.shape, got, c.inAPI)
		}
	}
}
