package infer

import (
	"fmt"
	"strings"
	"testing"
)

// TestLinks: a links: entry adds an updatable list of identifiers,
// compared as a set, associated and disassociated one per call and listed
// by another operation filtered on the resource's identifier; a wrong
// entry is an error naming what is wrong.
func TestLinks(t *testing.T) {
	m := loadEC2(t)
	const subnet = "resources:\n  Subnet:\n    links:\n      RouteTableId: {associate: %s, disassociate: DisassociateRouteTable, list: DescribeRouteTables, filter: association.subnet-id, observedAt: %s}\n"
	cases := []struct {
		reason, yaml string
		want         string // the links as "associate disassociate list id association filter path", or the error's text
		wantErr      bool
	}{
		{"AssociateRouteTable takes SubnetId and RouteTableId; DescribeRouteTables lists RouteTables[].Associations[] with RouteTableAssociationId",
			fmt.Sprintf(subnet, "AssociateRouteTable", "RouteTables.Associations"),
			"AssociateRouteTable DisassociateRouteTable DescribeRouteTables SubnetId RouteTableAssociationId AssociationId association.subnet-id RouteTables.Associations", false},
		{"a misspelt operation is named, with the likely one",
			fmt.Sprintf(subnet, "AssociateRouteTables", "RouteTables.Associations"),
			`associate operation "AssociateRouteTables" is not in the model (did you mean "AssociateRouteTable"?)`, true},
		{"observedAt must lead through lists of structures in the list's output",
			fmt.Sprintf(subnet, "AssociateRouteTable", "RouteTables.Routes.Nope"),
			`DescribeRouteTables output has no list of structures "Nope" at RouteTables.Routes.Nope`, true},
		{"the listed elements must hold the element, the identifier and an association identifier",
			fmt.Sprintf(subnet, "AssociateRouteTable", "RouteTables.Routes"),
			"RouteTables.Routes lists Route, which has no string members RouteTableId, SubnetId and …AssociationId", true},
		{"a member the resource already has is no link",
			"resources:\n  Subnet:\n    links:\n      VpcId: {associate: AssociateRouteTable, disassociate: DisassociateRouteTable, list: DescribeRouteTables, filter: association.subnet-id, observedAt: RouteTables.Associations}\n",
			"Subnet already has a field VpcId", true},
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
		f := field(resource(t, res, "Subnet"), "RouteTableId")
		if f == nil || f.Links == nil {
			t.Fatalf("%s: no linked field RouteTableId", c.reason)
		}
		l := f.Links
		got := strings.Join([]string{l.Associate.Name, l.Disassociate.Name, l.List.Name, l.IDMember, l.AssociationID, l.DisassociateMember, l.Filter, strings.Join(l.ObservedAt, ".")}, " ")
		if got != c.want || !f.Updatable || f.CreateOnly || f.Required || !f.Type.Unique || !f.Compared() {
			t.Errorf("%s: links %q (updatable %t, create-only %t, required %t, set %t, compared %t), want %q, updatable, optional, a compared set", c.reason, got, f.Updatable, f.CreateOnly, f.Required, f.Type.Unique, f.Compared(), c.want)
		}
	}
}
