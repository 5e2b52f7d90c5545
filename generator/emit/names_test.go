package emit

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestAPITypeNames(t *testing.T) {
	svc := &model.Service{
		Resources: []*model.Resource{{Kind: "Table"}},
		Structs: map[string]*model.Struct{
			"Table":      {Shape: "Table", GoName: "Table", InAPI: true},
			"TableSpec":  {Shape: "TableSpec", GoName: "TableSpec", InAPI: true},
			"Column":     {Shape: "Column", GoName: "Column", InAPI: true},
			"lowerShape": {Shape: "lowerShape", GoName: "lowerShape", InAPI: true},
			"Unused":     {Shape: "Unused", GoName: "Unused"},
		},
	}
	got := apiTypeNames(svc)
	cases := []struct {
		shape, want, reason string
	}{
		{"Table", "Table_SDK", "a struct named like the kind takes the incumbent's _SDK suffix"},
		{"TableSpec", "TableSpec_SDK", "the kind's spec type is taken too"},
		{"Column", "Column", "a free name stays"},
		{"lowerShape", "LowerShape", "API types are exported"},
		{"Unused", "", "structs outside the API get no type"},
	}
	for _, c := range cases {
		if got[c.shape] != c.want {
			t.Errorf("%s: got %q, want %q (%s)", c.shape, got[c.shape], c.want, c.reason)
		}
	}
}

func TestNames(t *testing.T) {
	str := &model.Type{Kind: model.String}
	list := &model.Type{Kind: model.List, Elem: str}
	cases := []struct {
		name, got, want, reason string
	}{
		{"package of a plain kind", packageName("Table"), "table", "the kind in lower case"},
		{"package of a keyword kind", packageName("Select"), "selectkind", "select is a Go keyword"},
		{"ref of an ID", first(refNames(&model.Field{GoName: "KMSKeyID", JSONName: "kmsKeyID", Type: str})), "kmsKeyRef", "the incumbent's name"},
		{"ref of IDs", first(refNames(&model.Field{GoName: "SubnetIDs", JSONName: "subnetIDs", Type: list})), "subnetRefs", "lists take Refs"},
		{"ref of a plural", first(refNames(&model.Field{GoName: "RouteTables", JSONName: "routeTables", Type: list})), "routeTableRefs", "a list named by its elements drops the plural s, as the incumbent's routeTableRefs"},
		{"ref of a plural in -ies", first(refNames(&model.Field{GoName: "Policies", JSONName: "policies", Type: list})), "policyRefs", "-ies is -y, as the incumbent's policyRefs"},
		{"ref of an ARN", first(refNames(&model.Field{GoName: "RoleARN", JSONName: "roleARN", Type: str})), "roleRef", "ARN is stripped"},
		{"ref of a bare name", first(refNames(&model.Field{GoName: "Role", JSONName: "role", Type: str})), "roleRef", "nothing to strip"},
		{"CEL keyword", celName("namespace"), "__namespace__", "Kubernetes CEL escapes reserved names"},
		{"CEL plain", celName("tableName"), "tableName", "other names stay"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q (%s)", c.name, c.got, c.want, c.reason)
		}
	}
}

func first(_, json string) string { return json }
