package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// attributeKind builds a kind with an attribute map like SNS's Topic:
// DisplayName updatable, FifoTopic create-only, TopicArn read-only, set by
// an operation whose input is set.
func attributeKind(set []*model.Member) *model.Resource {
	str := &model.Type{Kind: model.String}
	attr := func(name, json, class string) *model.Field {
		return &model.Field{Member: name, SDKName: name, GoName: name, JSONName: json, Type: str, Class: class,
			Updatable: class == model.ClassSpec, CreateOnly: class == model.ClassCreateOnly, ObservedPath: []string{"Attributes", name}}
	}
	display, fifo := attr("DisplayName", "displayName", model.ClassSpec), attr("FifoTopic", "fifoTopic", model.ClassCreateOnly)
	arn := attr("TopicArn", "topicARN", model.ClassStatus)
	return &model.Resource{
		Kind: "Topic", Spec: []*model.Field{display, fifo}, Status: []*model.Field{arn},
		Identifiers: []*model.Identifier{{Member: "TopicArn", Field: "TopicArn", Status: true}},
		Read:        &model.Operation{Name: "GetTopicAttributes", Input: []*model.Member{{Name: "TopicArn", GoName: "TopicArn", Type: str, Required: true}}, Output: "GetTopicAttributesOutput"},
		Attributes: &model.AttributeMap{Map: "Attributes", Set: &model.Operation{Name: "SetTopicAttributes", Input: set},
			Spec: []*model.Field{display, fifo}, Status: []*model.Field{arn}},
	}
}

func TestUpdateAttributes(t *testing.T) {
	str := &model.Type{Kind: model.String}
	topicARN := &model.Member{Name: "TopicArn", GoName: "TopicArn", Type: str, Required: true}
	cases := []struct {
		reason           string
		set              []*model.Member
		setMap, name     string
		want, wantAbsent []string
	}{
		{
			reason: "a set taking one name and value (SNS's SetTopicAttributes) is called once per changed attribute, in name order",
			set: []*model.Member{topicARN,
				{Name: "AttributeName", GoName: "AttributeName", Type: str, Required: true},
				{Name: "AttributeValue", GoName: "AttributeValue", Type: str}},
			want: []string{`range slices.Sorted(maps.Keys(attrs))`, `AttributeName: conv.Of(name)`, `AttributeValue: conv.Of(attrs[name])`,
				`TopicArn: cr.Status.TopicArn`, `if obs.Changed("displayName")`},
			wantAbsent: []string{`obs.Changed("fifoTopic")`, `obs.Changed("topicARN")`},
		},
		{
			reason: "a set taking a map (SQS's SetQueueAttributes) gets every changed attribute in one call",
			set: []*model.Member{topicARN,
				{Name: "Attributes", GoName: "Attributes", Type: &model.Type{Kind: model.Map, Elem: str}}},
			setMap:     "Attributes",
			want:       []string{`Attributes: attrs`, `TopicArn: cr.Status.TopicArn`, `if obs.Changed("displayName")`},
			wantAbsent: []string{`range`, `obs.Changed("fifoTopic")`},
		},
	}
	for _, c := range cases {
		r := attributeKind(c.set)
		r.Attributes.SetMap = c.setMap
		if c.setMap == "" {
			r.Attributes.SetName, r.Attributes.SetValue = "AttributeName", "AttributeValue"
		}
		r.Status = append(r.Status, &model.Field{Member: "TopicArn", GoName: "TopicArn", Type: str, Class: model.ClassStatus})
		g := New(&model.Service{Name: "sns"}, "example.com/generated/sns")
		m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
		code := squash(fmt.Sprintf("%#v", jen.Block(m.updateAttributes()...)))
		for _, s := range c.want {
			if !strings.Contains(code, s) {
				t.Errorf("%s: no %q in\n%s", c.reason, s, code)
			}
		}
		for _, s := range c.wantAbsent {
			if strings.Contains(code, s) {
				t.Errorf("%s: %q in\n%s", c.reason, s, code)
			}
		}
	}
}

// TestCreateAndReadAttributes: the create sends the spec's attributes,
// create-only ones included, and the read asks by name for the read-only
// attributes and those the spec sets (a read asking for none returns
// none), and for all while the object owns nothing.
func TestCreateAndReadAttributes(t *testing.T) {
	str := &model.Type{Kind: model.String}
	r := attributeKind(nil)
	r.Attributes.Names = "AttributeNames"
	r.Read.Input = append(r.Read.Input, &model.Member{Name: "AttributeNames", GoName: "AttributeNames", Type: &model.Type{Kind: model.List, Elem: str}})
	g := New(&model.Service{Name: "sns"}, "example.com/generated/sns")
	m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
	create := squash(fmt.Sprintf("%#v", m.createAttributes(&model.Member{Name: "Attributes"})))
	for _, s := range []string{`"DisplayName": cr.Spec.DisplayName`, `"FifoTopic": cr.Spec.FifoTopic`} {
		if !strings.Contains(create, s) {
			t.Errorf("the create's map lacks %q:\n%s", s, create)
		}
	}
	if strings.Contains(create, "TopicArn") {
		t.Errorf("the create sends a read-only attribute:\n%s", create)
	}
	read := squash(fmt.Sprintf("%#v", m.attributeNamesFunc()))
	for _, want := range []string{`names := []string{"TopicArn"}`, `all := !managed.Owned(cr)`,
		`if all || cr.Spec.DisplayName != nil { names = append(names, "DisplayName") }`,
		`if all || cr.Spec.FifoTopic != nil { names = append(names, "FifoTopic") }`} {
		if !strings.Contains(read, want) {
			t.Errorf("the read's names: want %s in %s", want, read)
		}
	}
}

// squash collapses the white space gofmt aligns with.
func squash(code string) string { return strings.Join(strings.Fields(code), " ") }

// TestAttributesCompareAsAWSNormalises: an attribute field compares with
// compare.Attribute (numbers, booleans and JSON as AWS rewrites them), even
// one named like a policy; the same field outside an attribute map does not.
func TestAttributesCompareAsAWSNormalises(t *testing.T) {
	r := attributeKind(nil)
	g := New(&model.Service{Name: "sns"}, "example.com/generated/sns")
	for _, c := range []struct {
		reason string
		attrs  *model.AttributeMap
		want   string
	}{
		{"an attribute", r.Attributes, "compare.Attribute(*desired.DisplayName, conv.Value(observed.DisplayName))"},
		{"a plain string field", nil, "*desired.DisplayName != *observed.DisplayName"},
	} {
		d := g.newDiffer()
		d.attrs = c.attrs
		code := squash(fmt.Sprintf("%#v", d.field(r.Spec[0], jen.Lit("displayName"))))
		if !strings.Contains(code, c.want) {
			t.Errorf("%s: want %s in %s", c.reason, c.want, code)
		}
	}
}
