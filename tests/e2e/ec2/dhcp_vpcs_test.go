package ec2

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// dhcpVPCsManifest is a DHCPOptions given to the manifest's VPC by
// vpcRefs, as the incumbent's CRD spells it.
const dhcpVPCsManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: DHCPOptions
metadata:
  name: dns-for-demo
spec:
  dhcpConfigurations:
  - key: domain-name
    values: [demo.example]
  vpcRefs:
  - from:
      name: vpc-demo
`

// waitVPCOptions waits until the VPC uses the DHCP options want, as the
// SDK sees it ("default" for AWS's own).
func waitVPCOptions(t *testing.T, region, vpcID, want string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		v := describeVPC(t, region, vpcID)
		if v == nil {
			return fmt.Errorf("VPC %s is gone", vpcID)
		}
		if got := aws.ToString(v.DhcpOptionsId); got != want {
			return fmt.Errorf("VPC %s uses DHCP options %q, want %q", vpcID, got, want)
		}
		return nil
	})
}

// TestDHCPOptionsVPCs applies a VPC and a DHCPOptions naming it by vpcRefs
// together: both become Ready and the VPC uses the options
// (AssociateDhcpOptions); unchanged options cost no write per resync and
// one DescribeVpcs beside their DescribeDhcpOptions; the VPC moved back to
// the default options out of band is given them again at resync; and
// deleting the DHCPOptions first moves the VPC back to "default" (AWS
// refuses to delete options in use), then deletes them.
func TestDHCPOptionsVPCs(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"dhcpvpc"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "DHCPOptions=1"},
	})}
	var d v1alpha1.DHCPOptions
	if err := yaml.UnmarshalStrict([]byte(dhcpVPCsManifest), &d); err != nil {
		t.Fatalf("the DHCP options manifest: %v", err)
	}
	d.Namespace = e.NS("dhcpvpc")
	v := e.demo("dhcpvpc", nil)
	e.Create(&d)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	ready := harness.WaitReady(e.Env, &d)
	id, vpcID := aws.ToString(ready.Status.DhcpOptionsID), aws.ToString(readyVPC.Status.VPCID)
	waitVPCOptions(t, region, vpcID, id)

	e.checkEconomy("DHCPOptions", id, "DescribeDhcpOptions", "DescribeVpcs")

	if _, err := ec2Client(region).AssociateDhcpOptions(context.Background(), &ec2.AssociateDhcpOptionsInput{DhcpOptionsId: aws.String("default"), VpcId: aws.String(vpcID)}); err != nil {
		t.Fatalf("AssociateDhcpOptions default out of band: %v", err)
	}
	waitVPCOptions(t, region, vpcID, id)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeDHCPOptions(t, region, id) != nil {
			return fmt.Errorf("DHCP options %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	if got := aws.ToString(describeVPC(t, region, vpcID).DhcpOptionsId); got != "default" {
		t.Errorf("VPC %s uses DHCP options %q after theirs were deleted, want default", vpcID, got)
	}
	e.waitDeleted(region, readyVPC)
}
