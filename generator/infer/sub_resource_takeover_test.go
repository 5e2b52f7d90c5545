package infer

import (
	"strings"
	"testing"
)

// TestSubResourceTakeOver: a sub-resource with a get of its own named like
// a create-only field replaces it (RunInstances takes
// DisableApiTermination, which ModifyInstanceAttribute changes): one spec
// field, updatable, still in the create input. Without a get, nothing
// would read it back, and the name stays taken.
func TestSubResourceTakeOver(t *testing.T) {
	m := loadEC2(t)
	cases := []struct {
		reason, sub, wantErr string
	}{
		{"with a get, the sub-resource takes the create-only field over",
			"DisableApiTermination: {put: ModifyInstanceAttribute, get: DescribeInstanceAttribute}", ""},
		{"without a get, the name is the create-only field's",
			"DisableApiTermination: {put: ModifyInstanceAttribute}", "already has a create-only field DisableApiTermination"},
	}
	for _, c := range cases {
		yaml := strings.TrimSuffix(instanceYAML, "  EgressOnlyInternetGateway: {}\n") + "    subResources:\n      " + c.sub + "\n"
		res, err := Run("ec2", m, parseConfig(t, yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Instance")
		n := 0
		for _, f := range r.Spec {
			if f.Member == "DisableApiTermination" {
				n++
				if f.SubResource == nil || f.CreateOnly {
					t.Errorf("%s: disableAPITermination is no updatable sub-resource: %s", c.reason, f.Reason)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d spec fields DisableApiTermination, want 1", c.reason, n)
		}
		if inputMember(r.Create, "DisableApiTermination") == nil {
			t.Errorf("%s: RunInstances no longer takes DisableApiTermination, so the create would not send it", c.reason)
		}
	}
}

// TestFixed: fixed makes an integer field optional, defaulted to and
// bounded at its value (MinCount and MaxCount are 1: one instance per
// object); it applies to integers only.
func TestFixed(t *testing.T) {
	m := loadEC2(t)
	cases := []struct {
		reason, fields, wantErr string
	}{
		{"MinCount at 1", "MinCount: {fixed: 1}", ""},
		{"a string cannot be fixed", "ImageId: {fixed: 1}", "fixed applies to integer fields"},
	}
	for _, c := range cases {
		yaml := strings.TrimSuffix(instanceYAML, "  EgressOnlyInternetGateway: {}\n") + "    fields:\n      " + c.fields + "\n"
		res, err := Run("ec2", m, parseConfig(t, yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "Instance"), "MinCount")
		v := f.Validation
		if f.Required || f.Default != "1" || v.Minimum == nil || *v.Minimum != 1 || v.Maximum == nil || *v.Maximum != 1 {
			t.Errorf("%s: required %t, default %q, bounds %v..%v; want optional, 1, 1..1", c.reason, f.Required, f.Default, v.Minimum, v.Maximum)
		}
	}
}
