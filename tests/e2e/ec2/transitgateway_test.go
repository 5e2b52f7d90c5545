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

// transitGatewayManifest is a transit gateway as the incumbent's users
// write one.
const transitGatewayManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: TransitGateway
metadata:
  name: tgw-demo
spec:
  description: the hub
  options:
    dnsSupport: enable
  tags:
    - key: Name
      value: tgw-demo
`

// describeTransitGateway reads a transit gateway through the SDK; nil
// when EC2 lists none, or lists it as deleted.
func describeTransitGateway(t *testing.T, region, id string) *types.TransitGateway {
	t.Helper()
	out, err := ec2Client(region).DescribeTransitGateways(context.Background(), &ec2.DescribeTransitGatewaysInput{TransitGatewayIds: []string{id}})
	g := first(t, "DescribeTransitGateways "+id+" in "+region, err, func() []types.TransitGateway { return out.TransitGateways })
	if g != nil && g.State == types.TransitGatewayStateDeleted {
		return nil
	}
	return g
}

// TestTransitGateway applies a TransitGateway: it becomes Ready, and EC2
// has it with the spec's description, DNS support and Name tag; an
// unchanged one costs no write per resync; a description changed out of
// band is put back (ModifyTransitGateway); the spec's new description
// reaches EC2; deleting the object deletes the transit gateway.
func TestTransitGateway(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"tgw"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "TransitGateway=1"},
	})}
	var tgw v1alpha1.TransitGateway
	if err := yaml.UnmarshalStrict([]byte(transitGatewayManifest), &tgw); err != nil {
		t.Fatalf("the transit gateway manifest: %v", err)
	}
	tgw.Namespace = e.NS("tgw")
	e.Create(&tgw)
	ready := harness.WaitReady(e.Env, &tgw)
	id := aws.ToString(ready.Status.TransitGatewayID)
	got := describeTransitGateway(t, region, id)
	if got == nil {
		t.Fatalf("transit gateway %q of %s is not in %s", id, tgw.Name, region)
	}
	if d := aws.ToString(got.Description); d != "the hub" {
		t.Errorf("transit gateway %s has description %q, want %q", id, d, "the hub")
	}
	if o := got.Options; o == nil || o.DnsSupport != types.DnsSupportValueEnable {
		t.Errorf("transit gateway %s has options %+v, want DnsSupport enable", id, o)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "tgw-demo" {
		t.Errorf("transit gateway %s has Name tag %q, want tgw-demo (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("TransitGateway", id, "DescribeTransitGateways")

	if _, err := ec2Client(region).ModifyTransitGateway(context.Background(), &ec2.ModifyTransitGatewayInput{TransitGatewayId: aws.String(id), Description: aws.String("changed by hand")}); err != nil {
		t.Fatalf("changing %s out of band: %v", id, err)
	}
	waitDescription(t, region, id, "the hub", "the description changed out of band is put back")

	harness.Edit(e.Env, ready, func(tgw *v1alpha1.TransitGateway) { tgw.Spec.Description = aws.String("the new hub") })
	waitDescription(t, region, id, "the new hub", "the spec's new description reaches EC2")
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeTransitGateway(t, region, id) != nil {
			return fmt.Errorf("transit gateway %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
}

// waitDescription waits until EC2 reports want as the transit gateway's
// description.
func waitDescription(t *testing.T, region, id, want, what string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeTransitGateway(t, region, id)
		if got == nil || aws.ToString(got.Description) != want {
			return fmt.Errorf("%s: transit gateway %s not described as %q", what, id, want)
		}
		return nil
	})
}
