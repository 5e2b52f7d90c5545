package infer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/model"
)

// runGadgets infers testdata/gadgets, an AWS JSON model shaped like
// EC2's VPC operations, with the config text.
func runGadgets(t *testing.T, yaml string) (*Result, error) {
	t.Helper()
	m, err := awsjson.Load(filepath.Join("testdata", "gadgets", "2020-01-01", "service-2.json"))
	if err != nil {
		t.Fatalf("loading gadgets: %v", err)
	}
	return Run("gadgets", m, parseConfig(t, yaml), Options{})
}

// mustRunGadgets is runGadgets, failing on error, and returns the Gadget.
func mustRunGadgets(t *testing.T, yaml string) *model.Resource {
	t.Helper()
	res, err := runGadgets(t, yaml)
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

func TestTagSpecifications(t *testing.T) {
	r := mustRunGadgets(t, "resources:\n  Gadget: {}\n")
	tags := field(r, "Tags")
	if tags == nil || tags.Class != model.ClassSpec || !tags.Updatable || strings.Join(tags.ObservedPath, ".") != "Tags" {
		t.Fatalf("the read's tags become an updatable spec field observed in the read: %+v", tags)
	}
	if f := field(r, "TagSpecifications"); f != nil {
		t.Errorf("the tag specifications leave the spec, which has tags in their place: %s is %s", f.JSONName, f.Class)
	}
	if r.Tags == nil || r.Tags.ByID == nil {
		t.Fatalf("tags changed by resource identifier: %+v", r.Tags)
	}
	by := r.Tags.ByID
	got := fmt.Sprintf("%s(%s, %s) %s(%s) %s[%s=%s, %s] id %s", by.Tag.Name, by.ResourcesMember, by.TagsMember, by.Untag.Name,
		by.ResourcesMember, by.SpecMember, by.TypeMember, by.ResourceType, by.SpecTagsMember, by.Identifier)
	want := "CreateTags(Resources, Tags) DeleteTags(Resources) TagSpecifications[ResourceType=gadget, Tags] id GadgetId"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestResourceType(t *testing.T) {
	cases := []struct {
		reason, name string
		enum         []string
		want         string
	}{
		{"the name in lower case", "Vpc", []string{"subnet", "vpc"}, "vpc"},
		{"words joined by hyphens", "DhcpOptions", []string{"dhcp-options"}, "dhcp-options"},
		{"words run together", "NatGateway", []string{"natgateway"}, "natgateway"},
		{"no value names the resource", "Address", []string{"elastic-ip"}, ""},
	}
	for _, c := range cases {
		if got := resourceType(c.name, c.enum); got != c.want {
			t.Errorf("%s: resourceType(%s) = %q, want %q", c.reason, c.name, got, c.want)
		}
	}
}

func TestAsList(t *testing.T) {
	r := mustRunGadgets(t, "resources:\n  Gadget:\n    fields:\n      CidrBlock: {rename: CidrBlocks, asList: true, required: true}\n")
	f := field(r, "CidrBlock")
	if f == nil || f.JSONName != "cidrBlocks" {
		t.Fatalf("CidrBlock renamed cidrBlocks: %+v", f)
	}
	if got := model.TypeString(f.Type); got != "[]string" || !f.Type.One {
		t.Errorf("a single string given as a list of one: %s (one %t)", got, f.Type.One)
	}
	if v := f.Validation; v.MaxItems == nil || *v.MaxItems != 1 || v.MinItems == nil || *v.MinItems != 1 {
		t.Errorf("a required list of exactly one element: %+v", v)
	}

	cases := []struct {
		reason, yaml, want string
	}{
		{"a list is a list already", "resources:\n  Gadget:\n    fields:\n      TagSpecifications: {asList: true}\n", "asList applies to a single value"},
		{"a status field takes no input", "resources:\n  Gadget:\n    fields:\n      State: {asList: true}\n", "top-level spec fields only"},
	}
	for _, c := range cases {
		_, err := runGadgets(t, c.yaml)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.want)
		}
	}
}

func TestFindCreatedByTagFilters(t *testing.T) {
	r := mustRunGadgets(t, "resources:\n  Gadget:\n    findCreated: {operation: DescribeGadgets, tagFilters: Filters}\n")
	f := r.Finder
	if f == nil || f.TagFilters == nil {
		t.Fatalf("a finder filtering by default tags: %+v", f)
	}
	got := fmt.Sprintf("%s %s[%s, %s] sets %s, pages %s/%s", f.List.Name, f.TagFilters.Member, f.TagFilters.Name, f.TagFilters.Values, f.Sets[0].Field, f.InputToken, f.OutputToken)
	if want := "DescribeGadgets Filters[Name, Values] sets GadgetId, pages NextToken/NextToken"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	cases := []struct {
		reason, yaml, want string
	}{
		{"neither match nor tagFilters tells what the create made", "resources:\n  Gadget:\n    findCreated: {operation: DescribeGadgets}\n", "needs match, tagFilters or both"},
		{"the filters member must take names and values", "resources:\n  Gadget:\n    findCreated: {operation: DescribeGadgets, tagFilters: GadgetIds}\n", "not a list of filters"},
		{"an unknown member is named with a suggestion", "resources:\n  Gadget:\n    findCreated: {operation: DescribeGadgets, tagFilters: Filter}\n", "did you mean"},
	}
	for _, c := range cases {
		_, err := runGadgets(t, c.yaml)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.want)
		}
	}
}

func TestAssociationsNeedAsList(t *testing.T) {
	cases := []struct {
		reason, yaml, want string
	}{
		{"a field of one value has nothing to associate", "resources:\n  Gadget:\n    fields:\n      CidrBlock: {associations: {associate: CreateTags, disassociate: DeleteTags, observedAt: Tags}}\n",
			"associations apply to an asList field"},
		{"an unknown operation is named with a suggestion", "resources:\n  Gadget:\n    fields:\n      CidrBlock: {asList: true, associations: {associate: CreateTag, disassociate: DeleteTags, observedAt: Tags}}\n",
			"did you mean"},
	}
	for _, c := range cases {
		_, err := runGadgets(t, c.yaml)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.want)
		}
	}
}

func TestTagSpecificationsResourceType(t *testing.T) {
	r := mustRunGadgets(t, "resources:\n  Gadget:\n    tags: {resourceType: widget}\n")
	if r.Tags == nil || r.Tags.ByID == nil || r.Tags.ByID.ResourceType != "widget" {
		t.Errorf("tags.resourceType names the tag specification's resource type: %+v", r.Tags)
	}
	_, err := runGadgets(t, "resources:\n  Gadget:\n    tags: {resourceType: widgit}\n")
	if err == nil || !strings.Contains(err.Error(), `did you mean "widget"`) {
		t.Errorf("a resource type the enum lacks: got %v, want an error suggesting widget", err)
	}
}

// TestAttributeReadWithResource: an attribute the put sets one per call
// and the resource's own read returns (EC2's ModifySubnetAttribute and
// DescribeSubnets) becomes a spec field observed in that read, with no
// get of its own, found by name or at observedAt; identifiers, bad paths
// and conflicting options fail.
func TestAttributeReadWithResource(t *testing.T) {
	cases := []struct {
		reason  string
		sub     string
		want    string // put.member.value observed-path type; "" when an error is wanted
		wantErr string
	}{
		{reason: "the read returns AutoFoo: observed there, the status field becomes spec",
			sub: "AutoFoo: {put: ModifyGadgetAttribute}", want: "ModifyGadgetAttribute.AutoFoo.Value @AutoFoo bool"},
		{reason: "a get named in generator.yaml keeps the old rule: the status field is in the way",
			sub: "AutoFoo: {put: ModifyGadgetAttribute, get: DescribeGadgetAttribute}", wantErr: "Gadget already has a status field AutoFoo"},
		{reason: "the identifier is never a sub-resource",
			sub: "GadgetId: {put: ModifyGadgetAttribute}", wantErr: "already has a status field GadgetId"},
		{reason: "observedAt: the read returns it deeper, under another name than the put's member",
			sub: "FooKind: {put: ModifyGadgetAttribute, member: FooKindOnLaunch, observedAt: FooOptions.Kind}", want: "ModifyGadgetAttribute.FooKindOnLaunch. @FooOptions.Kind string"},
		{reason: "observedAt names a member the read output lacks",
			sub: "FooKind: {put: ModifyGadgetAttribute, member: FooKindOnLaunch, observedAt: FooOptions.Kindd}", wantErr: `FooOptions has no member "Kindd" (did you mean "Kind"?)`},
		{reason: "observedAt and a get of its own contradict each other",
			sub: "FooKind: {put: ModifyGadgetAttribute, get: DescribeGadgetAttribute, observedAt: FooOptions.Kind}", wantErr: "observedAt reads it with the resource, so it takes no get"},
	}
	for _, c := range cases {
		res, err := runGadgets(t, "resources:\n  Gadget:\n    subResources:\n      "+c.sub+"\n")
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Gadget")
		name, _, _ := strings.Cut(c.sub, ":")
		f := field(r, name)
		if f == nil || f.SubResource == nil || f.Class != model.ClassSpec {
			t.Errorf("%s: %s is no spec sub-resource field: %+v", c.reason, name, f)
			continue
		}
		sr := f.SubResource
		got := fmt.Sprintf("%s.%s.%s @%s %s", sr.Put.Name, sr.PutMember, sr.ValueMember, strings.Join(f.ObservedPath, "."), model.TypeString(f.Type))
		if got != c.want || sr.Get != nil || !sr.ReadWithResource {
			t.Errorf("%s: got %q (get %v, read with resource %t), want %q, no get, read with the resource", c.reason, got, sr.Get, sr.ReadWithResource, c.want)
		}
		for _, s := range r.Status {
			if s.Member == name {
				t.Errorf("%s: %s is still a status field too", c.reason, name)
			}
		}
		if !strings.Contains(f.Reason, "read back by DescribeGadgets") {
			t.Errorf("%s: explain does not say where it is read: %q", c.reason, f.Reason)
		}
	}
}
