package infer

import (
	"strings"
	"testing"
)

func TestIgnoreShapes(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Table: {}\nshapes:\n  BillingModeSummary: {ignore: true}\n  Tag: {ignore: true}\n", Options{})
	r := resource(t, res, "Table")
	cases := []struct {
		reason string
		member string
	}{
		{"a status field whose shape is ignored", "BillingModeSummary"},
		{"a spec field whose list elements are ignored", "Tags"},
	}
	for _, c := range cases {
		if field(r, c.member) != nil {
			t.Errorf("%s: %s is still a field", c.reason, c.member)
		}
		found := false
		for _, s := range r.Skipped {
			found = found || s.Member == c.member && strings.Contains(s.Reason, "in generator.yaml")
		}
		if !found {
			t.Errorf("%s: %s is not listed as skipped: %v", c.reason, c.member, r.Skipped)
		}
	}
}
