package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

func TestElementKey(t *testing.T) {
	str := &model.Type{Kind: model.String}
	member := func(name string) *model.Field { return &model.Field{Member: name, Type: str} }
	cases := []struct {
		reason string
		s      *model.Struct
		want   string
	}{
		{"an attribute definition is named by its attribute's name", &model.Struct{Shape: "AttributeDefinition", Fields: []*model.Field{member("AttributeName"), member("AttributeType")}}, "AttributeName"},
		{"an index is named by its index name", &model.Struct{Shape: "GlobalSecondaryIndex", Fields: []*model.Field{member("IndexName")}}, "IndexName"},
		{"a plain Name names the element", &model.Struct{Shape: "ContainerDefinition", Fields: []*model.Field{member("Image"), member("Name")}}, "Name"},
		{"a key schema element's AttributeName names an attribute, not the element: order kept", &model.Struct{Shape: "KeySchemaElement", Fields: []*model.Field{member("AttributeName"), member("KeyType")}}, ""},
		{"a name that is not a string is no key", &model.Struct{Shape: "Rule", Fields: []*model.Field{{Member: "RuleId", Type: &model.Type{Kind: model.Int}}}}, ""},
	}
	for _, c := range cases {
		if got := elementKey(c.s); got != c.want {
			t.Errorf("%s: key %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestOrderList(t *testing.T) {
	str := &model.Type{Kind: model.String}
	st := &state{svc: &model.Service{Structs: map[string]*model.Struct{}}}
	cases := []struct {
		reason string
		f      *model.Field
		set    bool
	}{
		{"identifiers come back in AWS's order", &model.Field{Member: "SubnetIds", Type: &model.Type{Kind: model.List, Elem: str}}, true},
		{"@uniqueItems stays a set", &model.Field{Member: "Modes", Type: &model.Type{Kind: model.List, Elem: str, Unique: true}}, true},
		{"other scalar lists keep their order", &model.Field{Member: "Layers", Type: &model.Type{Kind: model.List, Elem: str}}, false},
	}
	for _, c := range cases {
		st.orderList(c.f)
		if c.f.Type.Unique != c.set {
			t.Errorf("%s: set %t, want %t", c.reason, c.f.Type.Unique, c.set)
		}
	}
}

func TestInferListOrder(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		set    bool
		note   string
	}{
		{"KeyElement's AttributeName names an attribute: the key schema keeps its order", "resources:\n  Table: {}\n", false, "compared in order"},
		{"listOrder: set in generator.yaml overrides the inference", "resources:\n  Table:\n    fields:\n      KeySchema: {listOrder: set}\n", true, "listOrder: set in generator.yaml"},
	}
	for _, c := range cases {
		f := field(resource(t, mustRun(t, "names.json", c.yaml, Options{}), "Table"), "KeySchema")
		if f.Type.Unique != c.set || !strings.Contains(f.Reason, c.note) {
			t.Errorf("%s: set %t (reason %q), want %t and %q", c.reason, f.Type.Unique, f.Reason, c.set, c.note)
		}
	}
	for _, c := range []struct{ reason, yaml, want string }{
		{"a field that is no list", "resources:\n  Table:\n    fields:\n      BillingMode: {listOrder: set}\n", "generator.yaml:4: BillingMode is not a list, so it has no order to compare"},
	} {
		if _, err := run(t, "names.json", c.yaml, Options{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.reason, err, c.want)
		}
	}
	_, err := config.Parse([]byte("resources:\n  Table:\n    fields:\n      KeySchema: {listOrder: sorted}\n"), "generator.yaml")
	if want := `generator.yaml:4: listOrder: "sorted" does not match ^(set|ordered)$`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("an order that is neither set nor ordered: got %v, want %q", err, want)
	}
}
