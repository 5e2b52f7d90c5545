package infer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestObservedAtThroughLists: a field's observedAt may go through one list
// of structures, written List[] or List[Member!=a|b], to a string member of
// its elements: a list field collects them, a string field takes one; a
// wrong path is an error naming what is wrong.
func TestObservedAtThroughLists(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := smithy.ModelsDir(wd)
	if !ok {
		t.Skip("Smithy models not found: set AWS_MODELS_DIR")
	}
	m, err := smithy.Load(filepath.Join(dir, "rds", "service", "2014-10-31", "rds-2014-10-31.json"))
	if err != nil {
		t.Fatal(err)
	}
	const yaml = "resources:\n  %s:\n    fields:\n      %s: {observedAt: %q}\n"
	cases := []struct {
		reason, kind, member, at string
		want                     string // the field's observed path, or the error's text
		wantErr                  bool
	}{
		{"a list of strings from a member of each element", "DBSubnetGroup", "SubnetIds", "Subnets[].SubnetIdentifier",
			"Subnets[].SubnetIdentifier", false},
		{"elements whose status is removing are left out", "DBInstance", "VpcSecurityGroupIds", "VpcSecurityGroups[Status!=removing|deleting].VpcSecurityGroupId",
			"VpcSecurityGroups[Status!=removing|deleting].VpcSecurityGroupId", false},
		{"a string from a list", "DBInstance", "DBParameterGroupName", "DBParameterGroups[].DBParameterGroupName",
			"DBParameterGroups[].DBParameterGroupName", false},
		{"through a structure to its list", "DBInstance", "VpcSecurityGroupIds", "DBSubnetGroup.Subnets[].SubnetIdentifier",
			"DBSubnetGroup.Subnets[].SubnetIdentifier", false},
		{"a list without [] says how to write it", "DBSubnetGroup", "SubnetIds", "Subnets.SubnetIdentifier",
			"Subnets is a list: write Subnets[] to read a member of each element", true},
		{"[] after a member that is no list", "DBInstance", "DBParameterGroupName", "DBSubnetGroup[].DBSubnetGroupName",
			"DBSubnetGroup is not a list of structures, so [] cannot follow it", true},
		{"a misspelt element member is named, with the likely one", "DBSubnetGroup", "SubnetIds", "Subnets[].SubnetIdentifer",
			`Subnet has no member "SubnetIdentifer" (did you mean "SubnetIdentifier"?)`, true},
		{"the element member must be a string", "DBSubnetGroup", "SubnetIds", "Subnets[].SubnetAvailabilityZone",
			"member Subnet.SubnetAvailabilityZone is struct AvailabilityZone, not a string", true},
		{"one member follows the list", "DBSubnetGroup", "SubnetIds", "Subnets[].SubnetAvailabilityZone.Name",
			"one member of Subnet's elements must follow Subnets[]", true},
		{"a filter is Member!=value", "DBInstance", "VpcSecurityGroupIds", "VpcSecurityGroups[Status=active].VpcSecurityGroupId",
			`the filter "Status=active" must read Member!=value`, true},
		{"the filter's member is checked", "DBInstance", "VpcSecurityGroupIds", "VpcSecurityGroups[State!=removing].VpcSecurityGroupId",
			`the filter's VpcSecurityGroupMembership has no member "State"`, true},
		{"an unclosed bracket", "DBSubnetGroup", "SubnetIds", "Subnets[.SubnetIdentifier",
			"a list member is written Name[] or Name[Member!=value|value]", true},
		{"the field must hold strings", "DBInstance", "AllocatedStorage", "DBParameterGroups[].DBParameterGroupName",
			"so AllocatedStorage must be a string or a list of strings, not int", true},
	}
	for _, c := range cases {
		res, err := Run("rds", m, parseConfig(t, fmt.Sprintf(yaml, c.kind, c.member, c.at)), Options{Only: c.kind})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, c.kind), c.member)
		if f == nil || f.ObservedEach == nil || f.ObservedAtText() != c.want || f.LastApplied {
			t.Errorf("%s: %s observed at %+v (last applied %v), want %s read back", c.reason, c.member, f, f != nil && f.LastApplied, c.want)
		}
	}
}
