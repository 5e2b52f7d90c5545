package emit

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func refField(name string, required, createOnly bool, ref *model.Reference) *model.Field {
	return &model.Field{Member: name, GoName: name, JSONName: strings.ToLower(name[:1]) + name[1:],
		Type: &model.Type{Kind: model.String}, Required: required, CreateOnly: createOnly, Reference: ref}
}

// TestReferenceRules pins the CRD rules of a field a reference can fill.
func TestReferenceRules(t *testing.T) {
	table := &model.Reference{Group: "x.services.k8s.aws", Kind: "Table", Path: ".spec.tableName"}
	cases := []struct {
		reason string
		field  *model.Field
		want   []string
	}{
		{"a required field: exactly one of the two", refField("TableName", true, false, table),
			[]string{`rule="has(self.tableName) != has(self.tableRef)",message="set exactly one of tableName and tableRef"`}},
		{"an optional field: at most one", refField("TableName", false, false, table),
			[]string{`rule="!(has(self.tableName) && has(self.tableRef))"`}},
		{"a create-only field's reference cannot be removed either", refField("TableName", true, true, table),
			[]string{`exactly one of`, `rule="!has(oldSelf.tableRef) || has(self.tableRef)"`}},
		{"no reference, no rule", refField("TableName", true, false, nil), nil},
	}
	for _, c := range cases {
		got := strings.Join(referenceRules(&model.Resource{Spec: []*model.Field{c.field}}), "\n")
		if c.want == nil && got != "" {
			t.Errorf("%s: got %s, want no rule", c.reason, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: rules %s lack %s", c.reason, got, w)
			}
		}
	}
}
