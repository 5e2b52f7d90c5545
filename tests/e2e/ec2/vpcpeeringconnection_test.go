package ec2

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// peeringManifest peers the manifest's VPC with a second one, both named
// by reference, and lets the requester resolve the peer's DNS names.
const peeringManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCPeeringConnection
metadata:
  name: demo-peering
spec:
  vpcRef:
    from:
      name: vpc-demo
  peerVPCRef:
    from:
      name: vpc-peer
  requesterPeeringConnectionOptions:
    allowDNSResolutionFromRemoteVPC: true
  tags:
    - key: Name
      value: demo-peering
`

// describePeering reads a peering through the SDK; nil when EC2 lists
// none, or lists it as deleted.
func describePeering(t *testing.T, region, id string) *types.VpcPeeringConnection {
	t.Helper()
	out, err := ec2Client(region).DescribeVpcPeeringConnections(context.Background(), &ec2.DescribeVpcPeeringConnectionsInput{VpcPeeringConnectionIds: []string{id}})
	g := first(t, "DescribeVpcPeeringConnections "+id+" in "+region, err, func() []types.VpcPeeringConnection { return out.VpcPeeringConnections })
	if g != nil && g.Status != nil && g.Status.Code == types.VpcPeeringConnectionStateReasonCodeDeleted {
		return nil
	}
	return g
}

// requesterDNS reports whether EC2 lets the requester resolve the peer's
// DNS names.
func requesterDNS(p *types.VpcPeeringConnection) bool {
	return p.RequesterVpcInfo != nil && p.RequesterVpcInfo.PeeringOptions != nil && aws.ToBool(p.RequesterVpcInfo.PeeringOptions.AllowDnsResolutionFromRemoteVpc)
}

// TestVPCPeeringConnectionByRef peers two VPCs named by vpcRef and
// peerVPCRef: the peering becomes Ready, and EC2 has it between those
// VPCs with the requester's DNS option (ModifyVpcPeeringConnectionOptions,
// read back with the peering) and Name tag; an unchanged peering costs no
// write per resync; the option turned off out of band is turned on again;
// the option turned off in the spec is turned off in EC2; deleting the
// object deletes the peering, which EC2 then lists as deleted.
func TestVPCPeeringConnectionByRef(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"pcx"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "VPCPeeringConnection=1"},
	})}
	requester, peer := e.demo("pcx", nil), e.demo("pcx", nil)
	peer.Name, peer.Spec.CIDRBlocks = "vpc-peer", []string{"10.1.0.0/16"}
	var pcx v1alpha1.VPCPeeringConnection
	if err := yaml.UnmarshalStrict([]byte(peeringManifest), &pcx); err != nil {
		t.Fatalf("the peering manifest: %v", err)
	}
	pcx.Namespace = e.NS("pcx")
	e.Create(&pcx)
	e.Create(requester)
	e.Create(peer)
	requester, peer = harness.WaitReady(e.Env, requester), harness.WaitReady(e.Env, peer)
	ready := harness.WaitReady(e.Env, &pcx)
	id := aws.ToString(ready.Status.VPCPeeringConnectionID)
	got := describePeering(t, region, id)
	if got == nil {
		t.Fatalf("peering %q of %s is not in %s", id, pcx.Name, region)
	}
	if r, a := got.RequesterVpcInfo, got.AccepterVpcInfo; r == nil || a == nil || aws.ToString(r.VpcId) != aws.ToString(requester.Status.VPCID) || aws.ToString(a.VpcId) != aws.ToString(peer.Status.VPCID) {
		t.Errorf("peering %s is between %+v and %+v, want %s (vpcRef) and %s (peerVPCRef)", id, got.RequesterVpcInfo, got.AccepterVpcInfo, aws.ToString(requester.Status.VPCID), aws.ToString(peer.Status.VPCID))
	}
	if !requesterDNS(got) {
		t.Errorf("peering %s: requester's AllowDnsResolutionFromRemoteVpc is not true", id)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "demo-peering" {
		t.Errorf("peering %s has Name tag %q, want demo-peering (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("VPCPeeringConnection", id, "DescribeVpcPeeringConnections")

	if _, err := ec2Client(region).ModifyVpcPeeringConnectionOptions(context.Background(), &ec2.ModifyVpcPeeringConnectionOptionsInput{
		VpcPeeringConnectionId:            aws.String(id),
		RequesterPeeringConnectionOptions: &types.PeeringConnectionOptionsRequest{AllowDnsResolutionFromRemoteVpc: aws.Bool(false)},
	}); err != nil {
		t.Fatalf("turning the requester's DNS option off out of band: %v", err)
	}
	waitRequesterDNS(t, region, id, true, "the option turned off out of band is turned on again")

	harness.Edit(e.Env, ready, func(p *v1alpha1.VPCPeeringConnection) {
		p.Spec.RequesterPeeringConnectionOptions.AllowDNSResolutionFromRemoteVPC = aws.Bool(false)
	})
	waitRequesterDNS(t, region, id, false, "the option turned off in the spec is turned off in EC2")
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describePeering(t, region, id) != nil {
			return fmt.Errorf("peering %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(region, requester)
	e.waitDeleted(region, peer)
}

// waitRequesterDNS waits until EC2 reports want as the requester's
// AllowDnsResolutionFromRemoteVpc.
func waitRequesterDNS(t *testing.T, region, id string, want bool, what string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describePeering(t, region, id)
		if got == nil || requesterDNS(got) != want {
			return fmt.Errorf("%s: peering %s requester DNS resolution is not %t", what, id, want)
		}
		return nil
	})
}
