package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestDiffers pins which comparison each kind of field gets.
func TestDiffers(t *testing.T) {
	str := &model.Type{Kind: model.String}
	svc := &model.Service{Name: "x", Version: "v1alpha1", Structs: map[string]*model.Struct{
		"Tag": {Shape: "Tag", GoName: "Tag", InAPI: true, Fields: []*model.Field{
			{Member: "Key", GoName: "Key", Type: str}, {Member: "Value", GoName: "Value", Type: str},
		}},
	}}
	d := New(svc, "example.com/x").newDiffer()
	cases := []struct {
		reason string
		field  *model.Field
		want   string
	}{
		{"a pointer scalar: nil is a value of its own", &model.Field{Member: "Name", GoName: "Name", Type: str}, "observed.Name == nil || *desired.Name != *observed.Name"},
		{"nil equals zero where inference says so", &model.Field{Member: "Name", GoName: "Name", Type: str, NilEqualsZero: true}, "*desired.Name != conv.Value(observed.Name)"},
		{"an SDK value member cannot tell nil from zero", &model.Field{Member: "Count", GoName: "Count", Type: &model.Type{Kind: model.Int, SDKValue: true}}, "*desired.Count != conv.Value(observed.Count)"},
		{"policies compare as policies", &model.Field{Member: "AssumeRolePolicyDocument", GoName: "AssumeRolePolicyDocument", Type: str}, "compare.Policy("},
		{"a lowerCamel member (AWS JSON models) is a policy too: ECR's policy", &model.Field{Member: "policy", GoName: "Policy", Type: str}, "compare.Policy("},
		{"JSON documents compare as data", &model.Field{Member: "DefinitionJson", GoName: "DefinitionJson", Type: str}, "compare.JSON("},
		{"lists inference calls sets compare in any order", &model.Field{Member: "Modes", GoName: "Modes", Type: &model.Type{Kind: model.List, Elem: str, Unique: true}}, "compare.SameElements("},
		{"other lists keep their order", &model.Field{Member: "Layers", GoName: "Layers", Type: &model.Type{Kind: model.List, Elem: str}}, "slices.Equal("},
		{"tag maps ignore aws: tags", &model.Field{Member: "Tags", GoName: "Tags", Type: &model.Type{Kind: model.Map, Elem: str}}, "compare.Tags("},
		{"tag lists compare as maps", &model.Field{Member: "Tags", GoName: "Tags", Type: &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: "Tag"}}}, "compare.TagList("},
	}
	for _, c := range cases {
		code := d.differs(c.field, jen.Id("desired").Dot(c.field.GoName), jen.Id("observed").Dot(c.field.GoName))
		got := fmt.Sprintf("%#v", code)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: got %s, want it to contain %s", c.reason, got, c.want)
		}
	}
}

// TestStructListOrder: a list of structs the model calls a set compares
// in any order; any other compares element by element.
func TestStructListOrder(t *testing.T) {
	str := &model.Type{Kind: model.String}
	svc := &model.Service{Name: "x", Version: "v1alpha1", Structs: map[string]*model.Struct{
		"AttributeDefinition": {Shape: "AttributeDefinition", GoName: "AttributeDefinition", InAPI: true, Fields: []*model.Field{
			{Member: "AttributeName", GoName: "AttributeName", JSONName: "attributeName", Type: str},
		}},
	}}
	elem := &model.Type{Kind: model.Structure, Shape: "AttributeDefinition"}
	cases := []struct {
		reason string
		unique bool
		want   []string
	}{
		{"a set: any order, through compare.SameSet", true, []string{"diffAttributeDefinitionSet(", "func diffAttributeDefinitionSet(", "compare.SameSet(desired, observed, same)"}},
		{"an ordered list: element by element, by index", false, []string{"diffAttributeDefinitionList(", "func diffAttributeDefinitionList(", "strconv.Itoa(i)"}},
	}
	for _, c := range cases {
		d := New(svc, "example.com/x").newDiffer()
		f := &model.Field{Member: "AttributeDefinitions", GoName: "AttributeDefinitions", JSONName: "attributeDefinitions", Type: &model.Type{Kind: model.List, Elem: elem, Unique: c.unique}}
		file := jen.NewFile("x")
		file.Func().Id("f").Params().Block(d.field(f, jen.Lit(f.JSONName)))
		file.Add(d.funcs()...)
		got := fmt.Sprintf("%#v", file)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the emitted code lacks %s:\n%s", c.reason, w, got)
			}
		}
	}
}
