package infer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func loadIAM(t *testing.T) *smithy.Model {
	t.Helper()
	m, err := smithy.Load(filepath.Join(awsModelsDir(t), "iam", "service", "2010-05-08", "iam-2010-05-08.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCallsPerEntry: attachedSets: and stringMaps: entries add updatable
// spec fields (a set of strings; a map of strings whose key and value
// members are found in the operations), and a wrong entry is an error
// naming what is wrong. GetUser requires no UserName, so the User is
// named by what DeleteUser requires.
func TestCallsPerEntry(t *testing.T) {
	m := loadIAM(t)
	const set = "resources:\n  %s:\n    attachedSets:\n      PolicyArn: {attach: Attach%[1]sPolicy, detach: Detach%[1]sPolicy, list: ListAttached%[1]sPolicies, observedAt: %s}\n"
	const maps = "resources:\n  %s:\n    stringMaps:\n      InlinePolicies: {put: Put%[1]sPolicy, delete: %s, list: List%[1]sPolicies, get: Get%[1]sPolicy}\n"
	cases := []struct {
		reason, kind, yaml string
		want               string // the field's operations and members, or the error's text
		wantErr            bool
	}{
		{"a role's managed policies", "Role", fmt.Sprintf(set, "Role", "AttachedPolicies.PolicyArn"),
			"set AttachRolePolicy DetachRolePolicy ListAttachedRolePolicies RoleName PolicyArn AttachedPolicies.PolicyArn paged", false},
		{"a user's, named by DeleteUser's UserName", "User", fmt.Sprintf(set, "User", "AttachedPolicies.PolicyArn"),
			"set AttachUserPolicy DetachUserPolicy ListAttachedUserPolicies UserName PolicyArn AttachedPolicies.PolicyArn paged", false},
		{"a role's inline policies: PolicyName to PolicyDocument, keys in PolicyNames", "Role", fmt.Sprintf(maps, "Role", "DeleteRolePolicy"),
			"map PutRolePolicy DeleteRolePolicy ListRolePolicies GetRolePolicy RoleName PolicyName PolicyDocument PolicyNames paged", false},
		{"observedAt must end in a string", "Role", fmt.Sprintf(set, "Role", "AttachedPolicies"),
			`ListAttachedRolePolicies output has no lists of structures down to a string at "AttachedPolicies"`, true},
		{"a misspelt operation is named, with the likely one", "Group", fmt.Sprintf(maps, "Group", "DeleteGroupPolicies"),
			`delete operation "DeleteGroupPolicies" is not in the model (did you mean "DeleteGroupPolicy"?)`, true},
		{"the delete must take the key the put and get take", "Group", fmt.Sprintf(maps, "Group", "DetachGroupPolicy"),
			"share no required string member naming an entry besides GroupName", true},
	}
	for _, c := range cases {
		res, err := Run("iam", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, c.kind)
		var got string
		var f *model.Field
		if f = field(r, "PolicyArn"); f != nil && f.AttachedSet != nil {
			s := f.AttachedSet
			got = strings.Join([]string{"set", s.Attach.Name, s.Detach.Name, s.List.Name, s.IDMember, s.ValueMember, strings.Join(s.ObservedAt, ".")}, " ")
			if s.Paged {
				got += " paged"
			}
		} else if f = field(r, "InlinePolicies"); f != nil && f.StringMap != nil {
			s := f.StringMap
			got = strings.Join([]string{"map", s.Put.Name, s.Delete.Name, s.List.Name, s.Get.Name, s.IDMember, s.KeyMember, s.ValueMember, s.Keys}, " ")
			if s.Paged {
				got += " paged"
			}
		}
		if got != c.want || !f.Updatable || f.CreateOnly || !f.Compared() {
			t.Errorf("%s: %q (updatable %t, create-only %t, compared %t), want %q, updatable and compared", c.reason, got, f.Updatable, f.CreateOnly, f.Compared(), c.want)
		}
	}
}
