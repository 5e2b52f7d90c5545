package ec2

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// routedTableManifest is a RouteTable in the manifest's VPC, without routes
// but the local one.
const routedTableManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: RouteTable
metadata:
  name: rtb-routed
spec:
  vpcRef:
    from:
      name: vpc-demo
`

// routedSubnetManifest is a Subnet in the manifest's VPC associated with
// rtb-routed by routeTableRefs.
const routedSubnetManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: subnet-routed
spec:
  vpcRef:
    from:
      name: vpc-demo
  cidrBlock: 10.0.2.0/24
  routeTableRefs:
  - from:
      name: rtb-routed
`

// subnetAssociations lists, through the SDK, the association IDs of the
// route tables associated with the subnet, keyed by route table ID.
func subnetAssociations(t *testing.T, region, subnetID string) map[string]string {
	t.Helper()
	out, err := ec2Client(region).DescribeRouteTables(context.Background(), &ec2.DescribeRouteTablesInput{
		Filters: []types.Filter{{Name: aws.String("association.subnet-id"), Values: []string{subnetID}}},
	})
	if err != nil {
		t.Fatalf("DescribeRouteTables for subnet %s in %s: %v", subnetID, region, err)
	}
	got := map[string]string{}
	for _, rt := range out.RouteTables {
		for _, a := range rt.Associations {
			if aws.ToString(a.SubnetId) == subnetID {
				got[aws.ToString(a.RouteTableId)] = aws.ToString(a.RouteTableAssociationId)
			}
		}
	}
	return got
}

// waitAssociated waits until the subnet is associated with exactly the
// route tables want, as the SDK sees it.
func waitAssociated(t *testing.T, region, subnetID string, want ...string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := subnetAssociations(t, region, subnetID)
		ids := slices.Sorted(maps.Keys(got))
		if !slices.Equal(ids, want) {
			return fmt.Errorf("subnet %s is associated with route tables %v, want %v", subnetID, ids, want)
		}
		return nil
	})
}

// TestSubnetRouteTables applies a VPC, a RouteTable and a Subnet naming
// the table by routeTableRefs together: all become Ready and the subnet is
// associated with the table (AssociateRouteTable); an unchanged subnet
// costs no write per resync and one DescribeRouteTables beside its
// DescribeSubnets; the association removed out of band is made again at
// resync; and deleting the Subnet takes its association with it, so the
// table and the VPC can be deleted after it.
func TestSubnetRouteTables(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"net"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "Subnet=1"},
	})}
	var rt v1alpha1.RouteTable
	var s v1alpha1.Subnet
	if err := yaml.UnmarshalStrict([]byte(routedTableManifest), &rt); err != nil {
		t.Fatalf("the route table manifest: %v", err)
	}
	if err := yaml.UnmarshalStrict([]byte(routedSubnetManifest), &s); err != nil {
		t.Fatalf("the subnet manifest: %v", err)
	}
	rt.Namespace, s.Namespace = e.NS("net"), e.NS("net")
	v := e.demo("net", nil)
	e.Create(&s)
	e.Create(&rt)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	readyRT := harness.WaitReady(e.Env, &rt)
	readySubnet := harness.WaitReady(e.Env, &s)
	checkVPC(t, region, readyVPC)
	rtID, id := aws.ToString(readyRT.Status.RouteTableID), aws.ToString(readySubnet.Status.SubnetID)
	waitAssociated(t, region, id, rtID)

	e.checkEconomy("Subnet", id, "DescribeSubnets", "DescribeRouteTables")

	for _, assoc := range subnetAssociations(t, region, id) {
		if _, err := ec2Client(region).DisassociateRouteTable(context.Background(), &ec2.DisassociateRouteTableInput{AssociationId: aws.String(assoc)}); err != nil {
			t.Fatalf("DisassociateRouteTable out of band: %v", err)
		}
	}
	waitAssociated(t, region, id, rtID)

	e.Delete(readySubnet)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeSubnet(t, region, id) != nil {
			return fmt.Errorf("subnet %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(readySubnet)
	if got := describeRouteTable(t, region, rtID); got == nil || slices.ContainsFunc(got.Associations, func(a types.RouteTableAssociation) bool { return aws.ToString(a.SubnetId) == id }) {
		t.Errorf("route table %s after the subnet's delete: %+v, want it without the subnet's association", rtID, got)
	}
	e.Delete(readyRT)
	e.WaitGone(readyRT)
	e.waitDeleted(region, readyVPC)
}
