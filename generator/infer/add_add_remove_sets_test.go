package infer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestAddRemoveSets: an addRemoveSets: entry adds an updatable set of
// strings, changed by the modify's Add<Field> and Remove<Field> and read
// from the list's output path; a wrong entry is an error naming what is
// wrong.
func TestAddRemoveSets(t *testing.T) {
	m := loadEC2(t)
	const svc = "resources:\n  VpcEndpointServiceConfiguration:\n    addRemoveSets:\n      %s: {modify: %s, list: DescribeVpcEndpointServicePermissions, observedAt: %s}\n"
	cases := []struct {
		reason, yaml string
		want         string // "modify list id add remove path", or the error's text
		wantErr      bool
	}{
		{"allowed principals: ModifyVpcEndpointServicePermissions' AddAllowedPrincipals and RemoveAllowedPrincipals, listed as AllowedPrincipals[].Principal",
			fmt.Sprintf(svc, "AllowedPrincipals", "ModifyVpcEndpointServicePermissions", "AllowedPrincipals.Principal"),
			"ModifyVpcEndpointServicePermissions DescribeVpcEndpointServicePermissions ServiceId AddAllowedPrincipals RemoveAllowedPrincipals AllowedPrincipals.Principal", false},
		{"a misspelt modify operation is named, with the likely one",
			fmt.Sprintf(svc, "AllowedPrincipals", "ModifyVpcEndpointServicePermission", "AllowedPrincipals.Principal"),
			`modify operation "ModifyVpcEndpointServicePermission" is not in the model (did you mean "ModifyVpcEndpointServicePermissions"?)`, true},
		{"the modify must take Add<Field> and Remove<Field>",
			fmt.Sprintf(svc, "Principals", "ModifyVpcEndpointServicePermissions", "AllowedPrincipals.Principal"),
			"ModifyVpcEndpointServicePermissions has no list of strings AddPrincipals", true},
		{"observedAt must end in a string below lists of structures",
			fmt.Sprintf(svc, "AllowedPrincipals", "ModifyVpcEndpointServicePermissions", "AllowedPrincipals"),
			`DescribeVpcEndpointServicePermissions output has no lists of structures down to a string at "AllowedPrincipals"`, true},
	}
	for _, c := range cases {
		res, err := Run("ec2", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "VpcEndpointServiceConfiguration"), "AllowedPrincipals")
		if f == nil || f.AddRemoveSet == nil {
			t.Fatalf("%s: no add-remove set AllowedPrincipals", c.reason)
		}
		s := f.AddRemoveSet
		got := strings.Join([]string{s.Modify.Name, s.List.Name, s.IDMember, s.Add, s.Remove, strings.Join(s.ObservedAt, ".")}, " ")
		if got != c.want || f.Type.Kind != model.List || !f.Type.Unique || !f.Updatable || f.CreateOnly || !f.Compared() {
			t.Errorf("%s: %q (type %s, set %t, updatable %t, create-only %t, compared %t), want %q, an updatable compared set", c.reason, got, model.TypeString(f.Type), f.Type.Unique, f.Updatable, f.CreateOnly, f.Compared(), c.want)
		}
	}
}
