package infer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/model"
)

// mustRunGadgets infers testdata/gadgets, an AWS JSON model shaped like
// EC2's VPC operations, with the config text.
func mustRunGadgets(t *testing.T, yaml string) *model.Resource {
	t.Helper()
	m, err := awsjson.Load(filepath.Join("testdata", "gadgets", "2020-01-01", "service-2.json"))
	if err != nil {
		t.Fatalf("loading gadgets: %v", err)
	}
	res, err := Run("gadgets", m, parseConfig(t, yaml), Options{})
	if err != nil {
		t.Fatalf("inferring gadgets: %v", err)
	}
	return resource(t, res, "Gadget")
}

func TestAttributeSubResources(t *testing.T) {
	r := mustRunGadgets(t, `resources:
  Gadget:
    subResources:
      EnableFoo: {put: ModifyGadgetAttribute, get: DescribeGadgetAttribute}
      EnableBar: {put: ModifyGadgetAttribute, get: DescribeGadgetAttribute}
`)
	cases := []struct {
		reason string
		field  string
		want   string // put.member.value get(args)@path type
	}{
		{"the put sets one of several attributes, each wrapped in {Value}; the get names the attribute it reads", "EnableFoo",
			"ModifyGadgetAttribute.EnableFoo.Value DescribeGadgetAttribute(Attribute=enableFoo)@EnableFoo.Value bool"},
		{"a second attribute of the same operations", "EnableBar",
			"ModifyGadgetAttribute.EnableBar.Value DescribeGadgetAttribute(Attribute=enableBar)@EnableBar.Value bool"},
	}
	for _, c := range cases {
		f := field(r, c.field)
		if f == nil || f.SubResource == nil {
			t.Errorf("%s: no sub-resource field %s", c.reason, c.field)
			continue
		}
		sr := f.SubResource
		var args []string
		for _, a := range sr.GetArgs {
			args = append(args, a.Member+"="+a.Value)
		}
		got := sr.Put.Name + "." + sr.PutMember + "." + sr.ValueMember + " " + sr.Get.Name + "(" + strings.Join(args, ",") + ")@" +
			strings.Join(sr.ObservedPath, ".") + " " + model.TypeString(f.Type)
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, got, c.want)
		}
	}
	if len(r.Problems) > 0 {
		t.Errorf("the get's Attribute member is sent as a constant, no problem: %v", r.Problems)
	}
}
