package infer

import (
	"fmt"
	"strings"
	"testing"
)

// TestLinkOptions: idMember names the associate's member that takes the
// resource's identifier when it is named otherwise (an internet gateway's
// InternetGatewayId is AssociateRouteTable's GatewayId), and
// disassociateID makes the disassociate a call taking the element and a
// fixed identifier (AssociateDhcpOptions with "default"), whose listed
// entries then need no association identifier; a wrong entry is an error
// naming what is wrong.
func TestLinkOptions(t *testing.T) {
	m := loadEC2(t)
	const igw = "resources:\n  InternetGateway:\n    links:\n      RouteTableId: {associate: AssociateRouteTable, disassociate: %s, list: DescribeRouteTables, filter: association.gateway-id, observedAt: RouteTables.Associations%s}\n"
	const dhcp = "resources:\n  DhcpOptions:\n    links:\n      VpcId: {associate: AssociateDhcpOptions, disassociate: AssociateDhcpOptions, list: DescribeVpcs, filter: dhcp-options-id, observedAt: Vpcs%s}\n"
	cases := []struct {
		reason, yaml, kind, member string
		// want is "idMember identifier associationID disassociateMember
		// disassociateID", or the error's text.
		want    string
		wantErr bool
	}{
		{"idMember: the gateway's identifier goes in AssociateRouteTable's GatewayId, and the listed associations hold GatewayId",
			fmt.Sprintf(igw, "DisassociateRouteTable", ", idMember: GatewayId"), "InternetGateway", "RouteTableId",
			"GatewayId InternetGatewayId RouteTableAssociationId AssociationId -", false},
		{"without idMember an associate taking none of the identifiers is refused, pointing at idMember",
			fmt.Sprintf(igw, "DisassociateRouteTable", ""), "", "",
			"AssociateRouteTable takes none of InternetGateway's identifiers (name the member that does with idMember)", true},
		{"idMember must be a string member of the associate's input",
			fmt.Sprintf(igw, "DisassociateRouteTable", ", idMember: Gateway"), "", "",
			"idMember: AssociateRouteTable has no string input member Gateway", true},
		{"disassociateID: AssociateDhcpOptions with default undoes it; DescribeVpcs' Vpcs hold VpcId and DhcpOptionsId and no association identifier",
			fmt.Sprintf(dhcp, ", disassociateID: default"), "DhcpOptions", "VpcId",
			"DhcpOptionsId DhcpOptionsId - - default", false},
		{"without disassociateID the listed VPCs lack an association identifier",
			fmt.Sprintf(dhcp, ""), "", "",
			"Vpcs lists Vpc, which has no string members VpcId, DhcpOptionsId and …AssociationId", true},
		{"disassociateID needs a disassociate taking the element",
			fmt.Sprintf(igw, "DisassociateRouteTable", ", idMember: GatewayId, disassociateID: none"), "", "",
			"disassociateID: DisassociateRouteTable has no string input member RouteTableId", true},
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
		f := field(resource(t, res, c.kind), c.member)
		if f == nil || f.Links == nil {
			t.Fatalf("%s: no linked field %s", c.reason, c.member)
		}
		l := f.Links
		got := strings.Join([]string{l.IDMember, l.Identifier, or(l.AssociationID, "-"), or(l.DisassociateMember, "-"), or(l.DisassociateID, "-")}, " ")
		if got != c.want || !f.Updatable || !f.Type.Unique {
			t.Errorf("%s: links %q (updatable %t, set %t), want %q, updatable, a set", c.reason, got, f.Updatable, f.Type.Unique, c.want)
		}
	}
}
