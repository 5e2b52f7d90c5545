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

// TestRBACReferences: the role may read the kinds that references name in
// other services; this service's kinds are readable already.
func TestRBACReferences(t *testing.T) {
	role := &model.Reference{Service: "iam", Group: "iam.services.k8s.aws", Kind: "Role", Plural: "roles"}
	table := &model.Reference{Group: "x.services.k8s.aws", Kind: "Table", Plural: "tables"}
	svc := &model.Service{Name: "x", Group: "x.services.k8s.aws", Version: "v1alpha1", Resources: []*model.Resource{{
		Kind: "Backup", Plural: "backups",
		Spec: []*model.Field{refField("RoleArn", false, false, role), refField("TableName", true, false, table)},
	}}}
	f, err := New(svc, "example.com/x").RBAC()
	if err != nil {
		t.Fatal(err)
	}
	got := string(f.Data)
	if !strings.Contains(got, "- apiGroups:\n  - iam.services.k8s.aws\n  resources:\n  - roles\n  verbs:\n  - get\n") {
		t.Errorf("the role cannot get iam roles:\n%s", got)
	}
	if strings.Count(got, "x.services.k8s.aws") != 2 {
		t.Errorf("this service's group should appear only in its two own rules:\n%s", got)
	}
}
