package ec2

import (
	"context"
	"fmt"
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

// routeTableManifest is a RouteTable in the manifest's VPC, named by
// vpcRef, with a default route to the internet gateway %s.
const routeTableManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: RouteTable
metadata:
  name: rtb-demo
spec:
  vpcRef:
    from:
      name: vpc-demo
  routes:
  - destinationCIDRBlock: 0.0.0.0/0
    gatewayID: %s
  tags:
    - key: Name
      value: rtb-demo
`

// describeRouteTable reads a route table through the SDK in region; nil
// when EC2 says there is none.
func describeRouteTable(t *testing.T, region, id string) *types.RouteTable {
	t.Helper()
	out, err := ec2Client(region).DescribeRouteTables(context.Background(), &ec2.DescribeRouteTablesInput{RouteTableIds: []string{id}})
	return first(t, "DescribeRouteTables "+id+" in "+region, err, func() []types.RouteTable { return out.RouteTables }, "InvalidRouteTableID.NotFound")
}

// routesOf lists a route table's routes as destination->target, sorted.
func routesOf(rt *types.RouteTable) []string {
	var out []string
	for _, r := range rt.Routes {
		out = append(out, aws.ToString(r.DestinationCidrBlock)+"->"+aws.ToString(r.GatewayId))
	}
	slices.Sort(out)
	return out
}

// internetGateway makes an internet gateway attached to the VPC through
// the SDK (the InternetGateway kind is not on this branch), and returns
// its ID and a cleanup that detaches and deletes it.
func internetGateway(t *testing.T, region, vpcID string) (string, func()) {
	t.Helper()
	ctx, c := context.Background(), ec2Client(region)
	out, err := c.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{})
	if err != nil {
		t.Fatalf("CreateInternetGateway: %v", err)
	}
	id := aws.ToString(out.InternetGateway.InternetGatewayId)
	if _, err := c.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayId: &id, VpcId: &vpcID}); err != nil {
		t.Fatalf("AttachInternetGateway %s to %s: %v", id, vpcID, err)
	}
	return id, func() {
		if _, err := c.DetachInternetGateway(ctx, &ec2.DetachInternetGatewayInput{InternetGatewayId: &id, VpcId: &vpcID}); err != nil {
			t.Errorf("DetachInternetGateway %s: %v", id, err)
		}
		if _, err := c.DeleteInternetGateway(ctx, &ec2.DeleteInternetGatewayInput{InternetGatewayId: &id}); err != nil {
			t.Errorf("DeleteInternetGateway %s: %v", id, err)
		}
	}
}

// waitRoutes waits until the route table's routes through the SDK are
// want (destination->target, sorted), the local route included.
func waitRoutes(t *testing.T, region, id string, want []string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeRouteTable(t, region, id)
		if got == nil {
			return fmt.Errorf("route table %s is not in %s", id, region)
		}
		if r := routesOf(got); !slices.Equal(r, want) {
			return fmt.Errorf("route table %s has routes %v, want %v", id, r, want)
		}
		return nil
	})
}

// TestRouteTableRoutes applies a RouteTable naming its VPC by vpcRef with
// a default route to an internet gateway: it becomes Ready in that VPC
// with the route and its Name tag beside the local route AWS adds; an
// unchanged table costs no write per resync (the local route is no
// drift); a route added to the spec is made; a route deleted out of band
// is put back; a route whose target changes in the spec is replaced; and
// deleting the RouteTable removes it from EC2.
func TestRouteTableRoutes(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"net"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "RouteTable=1"},
	})}
	v := e.demo("net", nil)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	vpcID := checkVPC(t, region, readyVPC)
	igw, dropGateway := internetGateway(t, region, vpcID)
	igw2, dropGateway2 := internetGateway(t, region, vpcID)

	var rt v1alpha1.RouteTable
	if err := yaml.UnmarshalStrict([]byte(fmt.Sprintf(routeTableManifest, igw)), &rt); err != nil {
		t.Fatalf("the route table manifest: %v", err)
	}
	rt.Namespace = e.NS("net")
	e.Create(&rt)
	ready := harness.WaitReady(e.Env, &rt)
	id := aws.ToString(ready.Status.RouteTableID)
	got := describeRouteTable(t, region, id)
	if got == nil {
		t.Fatalf("route table %q of %s is not in %s", id, rt.Name, region)
	}
	if aws.ToString(got.VpcId) != vpcID {
		t.Errorf("route table %s is in VPC %s, want %s (vpcRef)", id, aws.ToString(got.VpcId), vpcID)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "rtb-demo" {
		t.Errorf("route table %s has Name tag %q, want rtb-demo (tags %v)", id, name, got.Tags)
	}
	local := "10.0.0.0/16->local"
	waitRoutes(t, region, id, []string{"0.0.0.0/0->" + igw, local})

	e.checkRouteTableEconomy(id)

	harness.Edit(e.Env, ready, func(rt *v1alpha1.RouteTable) {
		rt.Spec.Routes = append(rt.Spec.Routes, v1alpha1.CreateRouteInput{DestinationCIDRBlock: aws.String("192.168.0.0/16"), GatewayID: aws.String(igw)})
	})
	waitRoutes(t, region, id, []string{"0.0.0.0/0->" + igw, local, "192.168.0.0/16->" + igw})

	if _, err := ec2Client(region).DeleteRoute(context.Background(), &ec2.DeleteRouteInput{RouteTableId: &id, DestinationCidrBlock: aws.String("192.168.0.0/16")}); err != nil {
		t.Fatalf("DeleteRoute out of band: %v", err)
	}
	waitRoutes(t, region, id, []string{"0.0.0.0/0->" + igw, local, "192.168.0.0/16->" + igw})

	harness.Edit(e.Env, ready, func(rt *v1alpha1.RouteTable) {
		rt.Spec.Routes = []v1alpha1.CreateRouteInput{{DestinationCIDRBlock: aws.String("0.0.0.0/0"), GatewayID: aws.String(igw2)}}
	})
	waitRoutes(t, region, id, []string{"0.0.0.0/0->" + igw2, local})
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeRouteTable(t, region, id) != nil {
			return fmt.Errorf("route table %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	dropGateway()
	dropGateway2()
	e.waitDeleted(region, readyVPC)
}

// checkRouteTableEconomy counts, with moto's recorder, what an unchanged
// route table costs over ten resyncs: no writes, and its describe once.
func (e env) checkRouteTableEconomy(id string) {
	e.T.Helper()
	all := map[string]string{"kind": "RouteTable"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, id)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(e.T, id)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	reads, writes := map[string]int{}, map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 && isRead(op) {
			reads[op] = d
		} else if d > 0 {
			writes[op] = d
		}
	}
	e.T.Logf("economy ec2 RouteTable: %.1f reads, %.1f writes per resync", float64(total(reads))/passes, float64(total(writes))/passes)
	if total(writes) != 0 {
		e.T.Errorf("%d writes in %v resyncs of an unchanged route table: %v", total(writes), passes, writes)
	}
	if float64(total(reads)) > passes+1 || reads["DescribeRouteTables"] == 0 {
		e.T.Errorf("%d reads in %v resyncs, want DescribeRouteTables once per resync: %v", total(reads), passes, reads)
	}
}
