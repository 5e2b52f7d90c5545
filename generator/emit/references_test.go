package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

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
		// An adoption fills the field from AWS, so the CRD cannot demand
		// one of the two: the controller does before a create.
		{"a required field: at most one, like an optional one", refField("TableName", true, false, table),
			[]string{`rule="!(has(self.tableName) && has(self.tableRef))",message="set at most one of tableName and tableRef"`}},
		{"an optional field: at most one", refField("TableName", false, false, table),
			[]string{`rule="!(has(self.tableName) && has(self.tableRef))"`}},
		{"a create-only field's reference cannot be removed either", refField("TableName", true, true, table),
			[]string{`at most one of`, `rule="!has(oldSelf.tableRef) || has(self.tableRef)"`}},
		{"no reference, no rule", refField("TableName", true, false, nil), nil},
	}
	for _, c := range cases {
		got := strings.Join(referenceRules(&model.Resource{Spec: []*model.Field{c.field}}), "\n")
		if strings.Contains(got, "exactly one") {
			t.Errorf("%s: rules %s demand one of the two, which an adoption manifest leaves out", c.reason, got)
		}
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

// TestNestedReferences: a reference on a member inside a spec field's
// structures or list elements is found at its JSON path, with [] for
// each list, and so is the kind it names; a structure that contains
// itself ends the walk.
func TestNestedReferences(t *testing.T) {
	group := &model.Reference{Group: "ec2.services.k8s.aws", Kind: "SecurityGroup", Path: ".status.id"}
	role := &model.Reference{Group: "iam.services.k8s.aws", Kind: "Role", Path: ".status.ackResourceMetadata.arn"}
	str := &model.Type{Kind: model.String}
	structOf := func(shape string) *model.Type { return &model.Type{Kind: model.Structure, Shape: shape} }
	listOf := func(shape string) *model.Type { return &model.Type{Kind: model.List, Elem: structOf(shape)} }
	svc := &model.Service{Structs: map[string]*model.Struct{
		"Pair":        {Shape: "Pair", Fields: []*model.Field{refField("GroupId", false, false, group), {Member: "UserId", GoName: "UserID", JSONName: "userID", Type: str}}},
		"Permission":  {Shape: "Permission", Fields: []*model.Field{{Member: "UserIdGroupPairs", GoName: "UserIDGroupPairs", JSONName: "userIDGroupPairs", Type: listOf("Pair")}}},
		"Replication": {Shape: "Replication", Fields: []*model.Field{refField("Role", false, false, role)}},
		"Node":        {Shape: "Node", Fields: []*model.Field{{Member: "Children", GoName: "Children", JSONName: "children", Type: listOf("Node")}}},
	}}
	g := &Gen{svc: svc}
	cases := []struct {
		reason string
		field  *model.Field
		want   string
	}{
		{"in the elements of a list in the elements of a list", &model.Field{JSONName: "ingressRules", Type: listOf("Permission")},
			"ingressRules[].userIDGroupPairs[].groupId<-ingressRules[].userIDGroupPairs[].groupRef SecurityGroup"},
		{"in a structure", &model.Field{JSONName: "replication", Type: structOf("Replication")},
			"replication.role<-replication.roleRef Role"},
		{"a structure that contains itself, with no reference", &model.Field{JSONName: "tree", Type: listOf("Node")}, ""},
		{"a scalar", &model.Field{JSONName: "name", Type: str}, ""},
	}
	for _, c := range cases {
		var got []string
		for _, n := range g.nestedReferences(c.field, "", map[string]bool{}) {
			got = append(got, n.field+"<-"+n.refField+" "+n.ref.Kind)
		}
		if s := strings.Join(got, "; "); s != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, s, c.want)
		}
	}
}

// TestRequiredReferences: a required field that a reference can fill is
// marked Required in the kind's references, so the controller asks for
// one of the two before a create; an optional one is not.
func TestRequiredReferences(t *testing.T) {
	table := &model.Reference{Group: "x.services.k8s.aws", Kind: "Table", Path: ".spec.tableName"}
	cases := []struct {
		reason string
		field  *model.Field
		want   bool
	}{
		{"a required field", refField("TableName", true, false, table), true},
		{"an optional field", refField("TableName", false, false, table), false},
	}
	for _, c := range cases {
		g := New(&model.Service{Name: "x", Group: "x.services.k8s.aws", Version: "v1alpha1"}, "example.com/generated/x")
		m := &managerWriter{Gen: g, r: &model.Resource{Kind: "Backup", Spec: []*model.Field{c.field}}, c: g.newConverter(), d: g.newDiffer()}
		code := squash(fmt.Sprintf("%#v", jen.Values(m.kindOptions())))
		if got := strings.Contains(code, "Required: true"); got != c.want {
			t.Errorf("%s: Required: true in the kind's references is %t, want %t:\n%s", c.reason, got, c.want, code)
		}
	}
}
