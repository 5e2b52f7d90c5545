package emit

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestAdditionRules pins which fields the CRD keeps from being added once
// the resource exists in AWS.
func TestAdditionRules(t *testing.T) {
	lateInit := refField("TableClass", false, true, nil)
	lateInit.LateInitialize = true
	cases := []struct {
		reason string
		field  *model.Field
		want   string
	}{
		{"an optional create-only field cannot be added after create", refField("ResourcePolicy", false, true, nil),
			`rule="!has(oldSelf.status) || !has(oldSelf.status.ackResourceMetadata) || (has(oldSelf.spec) && has(oldSelf.spec.resourcePolicy)) || !has(self.spec) || !has(self.spec.resourcePolicy)",message="spec.resourcePolicy cannot be added once the Table exists in AWS`},
		{"a required create-only field is always set, so the field's own rule covers it", refField("TableName", true, true, nil), ""},
		{"a late-initialized field is added by the controller itself", lateInit, ""},
		{"an updatable field can be added any time", refField("BillingMode", false, false, nil), ""},
	}
	for _, c := range cases {
		got := strings.Join(additionRules(&model.Resource{Kind: "Table", Spec: []*model.Field{c.field}}), "\n")
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: rules %q, want %q", c.reason, got, c.want)
		}
	}
}
