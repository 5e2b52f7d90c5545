package ec2

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// acceptedPeeringManifest peers the manifest's VPC with a second one of
// the same account, both named by reference, and accepts the request.
const acceptedPeeringManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCPeeringConnection
metadata:
  name: accepted-peering
spec:
  vpcRef:
    from:
      name: vpc-demo
  peerVPCRef:
    from:
      name: vpc-accepter
  acceptRequest: true
`

// TestVPCPeeringAcceptRequest peers two VPCs of one account with
// acceptRequest: the peering becomes Ready and EC2 reports it active
// (AcceptVpcPeeringConnection, called while pending-acceptance); an active
// peering costs no write per resync, so acceptRequest never drifts; and
// deleting the object deletes the peering.
func TestVPCPeeringAcceptRequest(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"pcxaccept"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "VPCPeeringConnection=1"},
	})}
	requester, accepter := e.demo("pcxaccept", nil), e.demo("pcxaccept", nil)
	accepter.Name, accepter.Spec.CIDRBlocks = "vpc-accepter", []string{"10.1.0.0/16"}
	var pcx v1alpha1.VPCPeeringConnection
	if err := yaml.UnmarshalStrict([]byte(acceptedPeeringManifest), &pcx); err != nil {
		t.Fatalf("the peering manifest: %v", err)
	}
	pcx.Namespace = e.NS("pcxaccept")
	e.Create(&pcx)
	e.Create(requester)
	e.Create(accepter)
	requester, accepter = harness.WaitReady(e.Env, requester), harness.WaitReady(e.Env, accepter)
	ready := harness.WaitReady(e.Env, &pcx)
	id := aws.ToString(ready.Status.VPCPeeringConnectionID)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describePeering(t, region, id)
		if got == nil || got.Status == nil {
			return fmt.Errorf("peering %s is gone or has no status, want it active (acceptRequest)", id)
		}
		if got.Status.Code != types.VpcPeeringConnectionStateReasonCodeActive {
			return fmt.Errorf("peering %s is %s, want active (acceptRequest)", id, got.Status.Code)
		}
		return nil
	})

	e.checkEconomy("VPCPeeringConnection", id, "DescribeVpcPeeringConnections")

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describePeering(t, region, id) != nil {
			return fmt.Errorf("peering %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(region, requester)
	e.waitDeleted(region, accepter)
}
