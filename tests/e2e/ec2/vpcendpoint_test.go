package ec2

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
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

// endpointManifest is an S3 gateway endpoint in the manifest's VPC, named
// by vpcRef; the test fills in its route table.
const endpointManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCEndpoint
metadata:
  name: s3-endpoint
spec:
  vpcRef:
    from:
      name: vpc-demo
  serviceName: com.amazonaws.us-east-1.s3
  vpcEndpointType: Gateway
  policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}'
  tags:
    - key: Name
      value: s3-endpoint
`

// describeEndpoint reads an endpoint through the SDK; nil when EC2 says
// there is none or lists it as deleted.
func describeEndpoint(t *testing.T, region, id string) *types.VpcEndpoint {
	t.Helper()
	out, err := ec2Client(region).DescribeVpcEndpoints(context.Background(), &ec2.DescribeVpcEndpointsInput{VpcEndpointIds: []string{id}})
	g := first(t, "DescribeVpcEndpoints "+id+" in "+region, err, func() []types.VpcEndpoint { return out.VpcEndpoints }, "InvalidVpcEndpointId.NotFound")
	if g != nil && g.State == "deleted" {
		return nil
	}
	return g
}

// routeTable makes a route table in the VPC through the SDK: the
// RouteTable kind is not this test's.
func routeTable(t *testing.T, region, vpcID string) string {
	t.Helper()
	out, err := ec2Client(region).CreateRouteTable(context.Background(), &ec2.CreateRouteTableInput{VpcId: aws.String(vpcID)})
	if err != nil {
		t.Fatalf("CreateRouteTable in %s: %v", vpcID, err)
	}
	return aws.ToString(out.RouteTable.RouteTableId)
}

// sameJSON reports whether two JSON texts hold the same data.
func sameJSON(a, b string) bool {
	var va, vb any
	return json.Unmarshal([]byte(a), &va) == nil && json.Unmarshal([]byte(b), &vb) == nil && reflect.DeepEqual(va, vb)
}

// TestVPCEndpointByRef applies a gateway VPCEndpoint naming its VPC by
// vpcRef: it becomes Ready, and EC2 has it in that VPC with the spec's
// service, route table, policy and Name tag; an unchanged endpoint costs no
// write per resync; a route table added out of band is removed again; the
// spec's new route table list and policy reach EC2 through
// ModifyVpcEndpoint (AddRouteTableIds and RemoveRouteTableIds); deleting
// the object deletes the endpoint (DeleteVpcEndpoints with a list of one),
// which moto then lists as deleted, and the object goes.
func TestVPCEndpointByRef(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"vpce"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "VPCEndpoint=1"},
	})}
	v := e.demo("vpce", nil)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	vpcID := aws.ToString(readyVPC.Status.VPCID)
	rt1, rt2 := routeTable(t, region, vpcID), routeTable(t, region, vpcID)

	var ep v1alpha1.VPCEndpoint
	if err := yaml.UnmarshalStrict([]byte(endpointManifest), &ep); err != nil {
		t.Fatalf("the endpoint manifest: %v", err)
	}
	ep.Namespace = e.NS("vpce")
	ep.Spec.RouteTableIDs = []string{rt1}
	e.Create(&ep)
	ready := harness.WaitReady(e.Env, &ep)
	id := aws.ToString(ready.Status.VPCEndpointID)
	got := describeEndpoint(t, region, id)
	if got == nil {
		t.Fatalf("endpoint %q of %s is not in %s", id, ep.Name, region)
	}
	if aws.ToString(got.VpcId) != vpcID || aws.ToString(got.ServiceName) != "com.amazonaws.us-east-1.s3" {
		t.Errorf("endpoint %s is in VPC %s for %s, want %s (vpcRef) for com.amazonaws.us-east-1.s3", id, aws.ToString(got.VpcId), aws.ToString(got.ServiceName), vpcID)
	}
	if !slices.Equal(got.RouteTableIds, []string{rt1}) {
		t.Errorf("endpoint %s has route tables %v, want [%s]", id, got.RouteTableIds, rt1)
	}
	if !sameJSON(aws.ToString(got.PolicyDocument), aws.ToString(ep.Spec.PolicyDocument)) {
		t.Errorf("endpoint %s has policy %s, want the spec's", id, aws.ToString(got.PolicyDocument))
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "s3-endpoint" {
		t.Errorf("endpoint %s has Name tag %q, want s3-endpoint (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("VPCEndpoint", id, "DescribeVpcEndpoints")

	if _, err := ec2Client(region).ModifyVpcEndpoint(context.Background(), &ec2.ModifyVpcEndpointInput{VpcEndpointId: aws.String(id), AddRouteTableIds: []string{rt2}}); err != nil {
		t.Fatalf("adding %s to %s out of band: %v", rt2, id, err)
	}
	waitRouteTables(t, region, id, []string{rt1}, "the route table added out of band is removed")

	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"*"}]}`
	harness.Edit(e.Env, ready, func(ep *v1alpha1.VPCEndpoint) {
		ep.Spec.RouteTableIDs = []string{rt2}
		ep.Spec.PolicyDocument = aws.String(policy)
	})
	waitRouteTables(t, region, id, []string{rt2}, "the spec's route table replaces the first")
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := describeEndpoint(t, region, id); got == nil || !sameJSON(aws.ToString(got.PolicyDocument), policy) {
			return fmt.Errorf("endpoint %s: policy not the spec's new one", id)
		}
		return nil
	})
	ready = harness.WaitReady(e.Env, ready)
	// moto's ModifyVpcEndpoint changes the list without the prefix-list
	// routes, and its delete then fails on a table added so
	// (InvalidRoute.NotFound): back to the table of the create first.
	harness.Edit(e.Env, ready, func(ep *v1alpha1.VPCEndpoint) { ep.Spec.RouteTableIDs = []string{rt1} })
	waitRouteTables(t, region, id, []string{rt1}, "the spec's first route table is back")
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeEndpoint(t, region, id) != nil {
			return fmt.Errorf("endpoint %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	if n := opsOn(t, id)["DeleteVpcEndpoints"]; n == 0 {
		t.Errorf("endpoint %s gone with no DeleteVpcEndpoints naming it", id)
	}
}

// waitRouteTables waits until EC2 lists exactly want as the endpoint's
// route tables, in any order.
func waitRouteTables(t *testing.T, region, id string, want []string, what string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeEndpoint(t, region, id)
		if got == nil {
			return fmt.Errorf("endpoint %s is gone", id)
		}
		have := slices.Sorted(slices.Values(got.RouteTableIds))
		if !slices.Equal(have, slices.Sorted(slices.Values(want))) {
			return fmt.Errorf("%s: endpoint %s has route tables %v, want %v", what, id, have, want)
		}
		return nil
	})
}
