package infer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestKeepEmpty: a keepEmpty: entry adds an updatable boolean, compared
// with what the list finds, whose collections are each emptied by their
// delete, sent the related resource's identifier and the entries as
// listed; a wrong entry is an error naming what is wrong.
func TestKeepEmpty(t *testing.T) {
	m := loadEC2(t)
	const vpc = "resources:\n  Vpc:\n    keepEmpty:\n      %s: {list: %s, filter: vpc-id, filters: {group-name: default}, observedAt: %s, empty: {%s}}\n"
	const rules = "IpPermissions: RevokeSecurityGroupIngress, IpPermissionsEgress: RevokeSecurityGroupEgress"
	cases := []struct {
		reason, yaml string
		want         string // "list filter id fixed path; member delete id list; …", or the error's text
		wantErr      bool
	}{
		{"the default security group's rules: revoked by GroupId with the IpPermissions listed",
			fmt.Sprintf(vpc, "DisallowSecurityGroupDefaultRules", "DescribeSecurityGroups", "SecurityGroups", rules),
			"DescribeSecurityGroups vpc-id VpcId group-name=default SecurityGroups; IpPermissions RevokeSecurityGroupIngress GroupId IpPermissions; IpPermissionsEgress RevokeSecurityGroupEgress GroupId IpPermissions", false},
		{"a misspelt list operation is named, with the likely one",
			fmt.Sprintf(vpc, "DisallowSecurityGroupDefaultRules", "DescribeSecurityGroup", "SecurityGroups", rules),
			`list operation "DescribeSecurityGroup" is not in the model (did you mean "DescribeSecurityGroups"?)`, true},
		{"observedAt must lead through lists of structures in the list's output",
			fmt.Sprintf(vpc, "DisallowSecurityGroupDefaultRules", "DescribeSecurityGroups", "Groups", rules),
			`DescribeSecurityGroups output has no list of structures "Groups" at "Groups"`, true},
		{"a collection the related resource does not list",
			fmt.Sprintf(vpc, "DisallowSecurityGroupDefaultRules", "DescribeSecurityGroups", "SecurityGroups", "Rules: RevokeSecurityGroupIngress"),
			"SecurityGroup has no list of structures Rules", true},
		{"a delete that takes no list of the entries' structure",
			fmt.Sprintf(vpc, "DisallowSecurityGroupDefaultRules", "DescribeSecurityGroups", "SecurityGroups", "IpPermissions: DeleteSecurityGroup"),
			"DeleteSecurityGroup takes no list of IpPermission, as SecurityGroup.IpPermissions lists", true},
		{"a member the resource already has is no keep-empty field",
			fmt.Sprintf(vpc, "CidrBlock", "DescribeSecurityGroups", "SecurityGroups", rules),
			"Vpc already has a field CidrBlock", true},
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
		f := field(resource(t, res, "Vpc"), "DisallowSecurityGroupDefaultRules")
		if f == nil || f.KeepsEmpty == nil {
			t.Fatalf("%s: no keep-empty field DisallowSecurityGroupDefaultRules", c.reason)
		}
		if got := keepsEmptyString(f.KeepsEmpty); got != c.want || f.Type.Kind != model.Bool || !f.Updatable || f.CreateOnly || !f.Compared() {
			t.Errorf("%s: %q (type %s, updatable %t, create-only %t, compared %t), want %q, an updatable compared boolean", c.reason, got, model.TypeString(f.Type), f.Updatable, f.CreateOnly, f.Compared(), c.want)
		}
	}
}

func keepsEmptyString(k *model.KeepsEmpty) string {
	parts := []string{k.List.Name, k.Filter, k.IDMember}
	for _, x := range k.Fixed {
		parts = append(parts, x.Name+"="+x.Value)
	}
	out := strings.Join(append(parts, strings.Join(k.ObservedAt, ".")), " ")
	for _, c := range k.Collections {
		out += "; " + strings.Join([]string{c.Member, c.Delete.Name, c.IDMember, c.ListMember}, " ")
	}
	return out
}
