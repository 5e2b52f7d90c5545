package infer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestMoves: a moves: entry makes the read's list of associations an
// updatable spec field, compared as a set keyed by the other resource,
// moved here by the replace operation and sent home through the read's
// filters; a wrong entry is an error naming what is wrong.
func TestMoves(t *testing.T) {
	m := loadEC2(t)
	const acl = "resources:\n  NetworkAcl:\n    kind: NetworkACL\n    moves:\n      %s: {member: %s, replace: %s, find: association.subnet-id, home: {%s}}\n"
	cases := []struct {
		reason, yaml string
		want         string // "replace member association replace-association replace-id find home home-from", or the error's text
		wantErr      bool
	}{
		{"ReplaceNetworkAclAssociation takes AssociationId and NetworkAclId; DescribeNetworkAcls lists Associations[] with SubnetId and NetworkAclAssociationId",
			fmt.Sprintf(acl, "Associations", "SubnetId", "ReplaceNetworkAclAssociation", `vpc-id: "{VpcId}", default: "true"`),
			"ReplaceNetworkAclAssociation SubnetId NetworkAclAssociationId AssociationId NetworkAclId association.subnet-id default=true vpc-id=VpcId", false},
		{"a misspelt operation is named, with the likely one",
			fmt.Sprintf(acl, "Associations", "SubnetId", "ReplaceNetworkAclAssociations", `default: "true"`),
			`replace operation "ReplaceNetworkAclAssociations" is not in the model (did you mean "ReplaceNetworkAclAssociation"?)`, true},
		{"the element must hold the member naming the other resource",
			fmt.Sprintf(acl, "Associations", "RouteTableId", "ReplaceNetworkAclAssociation", `default: "true"`),
			"Associations lists NetworkAclAssociation, which has no string members RouteTableId and …AssociationId", true},
		{"the list must be one of structures the read returns",
			fmt.Sprintf(acl, "IsDefault", "SubnetId", "ReplaceNetworkAclAssociation", `default: "true"`),
			"IsDefault is a bool, not a list of structures", true},
		{"the replace must take an association and the resource's identifier",
			fmt.Sprintf(acl, "Associations", "SubnetId", "ReplaceRouteTableAssociation", `default: "true"`),
			"ReplaceRouteTableAssociation requires no string …AssociationId and no identifier of NetworkACL", true},
		{"a home filter in braces names a field of the resource",
			fmt.Sprintf(acl, "Associations", "SubnetId", "ReplaceNetworkAclAssociation", `vpc-id: "{VpcIdentifier}"`),
			"home filter vpc-id takes {VpcIdentifier}, which NetworkACL has no string field for", true},
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
		r := resource(t, res, "NetworkACL")
		f := field(r, "Associations")
		if f == nil || f.Move == nil {
			t.Fatalf("%s: no moved field Associations", c.reason)
		}
		mv := f.Move
		var home []string
		for _, k := range slices.Sorted(maps.Keys(mv.Home)) {
			home = append(home, k+"="+mv.Home[k])
		}
		for _, k := range slices.Sorted(maps.Keys(mv.HomeFrom)) {
			home = append(home, k+"="+mv.HomeFrom[k])
		}
		got := strings.Join(append([]string{mv.Replace.Name, mv.Member, mv.AssociationMember, mv.ReplaceAssociation, mv.ReplaceID, mv.Find}, home...), " ")
		inStatus := slices.ContainsFunc(r.Status, func(s *model.Field) bool { return s.Member == "Associations" })
		if got != c.want || !f.Updatable || f.CreateOnly || f.Required || !f.Compared() || inStatus {
			t.Errorf("%s: move %q (updatable %t, create-only %t, required %t, compared %t, still in status %t), want %q, updatable, optional, compared, in spec only", c.reason, got, f.Updatable, f.CreateOnly, f.Required, f.Compared(), inStatus, c.want)
		}
	}
}
