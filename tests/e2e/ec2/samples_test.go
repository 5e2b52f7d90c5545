package ec2

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// sampleBucket is the s3 sample's bucket, where the FlowLog sample writes.
const sampleBucket = "kubesmith-sample-bucket"

// TestSamples applies generated/ec2/samples/ as its header says, in one
// kubectl apply --validate=strict: the samples name each other (subnet,
// gateways, route table, security group, ACL, NAT gateway, endpoint, flow
// log and peering all in the sample VPC), every object becomes Ready, EC2
// holds each by the identifier in its status (the flow log on the sample
// VPC), and deleting the folder removes every one from EC2, the controller
// retrying what EC2 refuses while dependents remain. The flow log's bucket
// is the s3 sample's, made here through the SDK.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"samples"}, Region: gwRegion})}
	s3c := s3.NewFromConfig(suite.Moto.AWSConfig(gwRegion), func(o *s3.Options) { o.UsePathStyle = true })
	if _, err := s3c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(sampleBucket)}); err != nil {
		t.Fatalf("creating the flow log's bucket %s: %v", sampleBucket, err)
	}
	objs := e.ApplySamples("samples")
	var inEC2 []func() (string, bool)
	var vpcID, flowLogOf string
	for _, o := range objs {
		ready := harness.WaitReady(e.Env, o)
		id, present := sampleInEC2(t, ready)
		if present == nil {
			continue
		}
		if id == "" || !present() {
			t.Errorf("%T sample %s: EC2 has no %q", ready, ready.GetName(), id)
		}
		inEC2 = append(inEC2, func() (string, bool) { return id, present() })
		switch r := ready.(type) {
		case *v1alpha1.VPC:
			if r.Name == "sample-vpc" {
				vpcID = id
			}
		case *v1alpha1.FlowLog:
			if fl := describeFlowLog(t, gwRegion, id); fl != nil {
				flowLogOf = aws.ToString(fl.ResourceId)
			}
		}
	}
	if flowLogOf != vpcID {
		t.Errorf("the FlowLog sample logs %q, want the VPC sample %s (resourceRef)", flowLogOf, vpcID)
	}

	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		var errs []error
		for _, f := range inEC2 {
			if id, ok := f(); ok {
				errs = append(errs, fmt.Errorf("%s is still in EC2", id))
			}
		}
		return errors.Join(errs...)
	})
}

// sampleInEC2 is the EC2 identifier of a Ready sample, from its status,
// and a check that EC2 holds it; nil for a kind with no check yet.
func sampleInEC2(t *testing.T, o harness.Managed) (string, func() bool) {
	t.Helper()
	r := gwRegion
	switch o := o.(type) {
	case *v1alpha1.VPC:
		id := aws.ToString(o.Status.VPCID)
		return id, func() bool { return describeVPC(t, r, id) != nil }
	case *v1alpha1.Subnet:
		id := aws.ToString(o.Status.SubnetID)
		return id, func() bool { return describeSubnet(t, r, id) != nil }
	case *v1alpha1.InternetGateway:
		id := aws.ToString(o.Status.InternetGatewayID)
		return id, func() bool { return describeIGW(t, id) != nil }
	case *v1alpha1.EgressOnlyInternetGateway:
		id := aws.ToString(o.Status.EgressOnlyInternetGatewayID)
		return id, func() bool { return describeEIGW(t, id) != nil }
	case *v1alpha1.RouteTable:
		id := aws.ToString(o.Status.RouteTableID)
		return id, func() bool { return describeRouteTable(t, r, id) != nil }
	case *v1alpha1.SecurityGroup:
		id := aws.ToString(o.Status.ID)
		return id, func() bool { return describeGroup(t, r, id) != nil }
	case *v1alpha1.NetworkACL:
		id := aws.ToString(o.Status.NetworkACLID)
		return id, func() bool { return describeNetworkACL(t, r, id) != nil }
	case *v1alpha1.ElasticIPAddress:
		id := aws.ToString(o.Status.AllocationID)
		return id, func() bool { return describeEIP(t, id) != nil }
	case *v1alpha1.NATGateway:
		id := aws.ToString(o.Status.NatGatewayID)
		return id, func() bool { n := describeNAT(t, id); return n != nil && n.State != "deleted" }
	case *v1alpha1.DHCPOptions:
		id := aws.ToString(o.Status.DhcpOptionsID)
		return id, func() bool { return describeDHCPOptions(t, r, id) != nil }
	case *v1alpha1.ManagedPrefixList:
		id := aws.ToString(o.Status.PrefixListID)
		return id, func() bool { return describePrefixList(t, r, id) != nil }
	case *v1alpha1.VPCEndpoint:
		id := aws.ToString(o.Status.VPCEndpointID)
		return id, func() bool { return describeEndpoint(t, r, id) != nil }
	case *v1alpha1.FlowLog:
		id := aws.ToString(o.Status.FlowLogID)
		return id, func() bool { return describeFlowLog(t, r, id) != nil }
	case *v1alpha1.VPCPeeringConnection:
		id := aws.ToString(o.Status.VPCPeeringConnectionID)
		return id, func() bool { return describePeering(t, r, id) != nil }
	case *v1alpha1.TransitGateway:
		id := aws.ToString(o.Status.TransitGatewayID)
		return id, func() bool { return describeTransitGateway(t, r, id) != nil }
	case *v1alpha1.Instance:
		id := aws.ToString(o.Status.InstanceID)
		return id, func() bool {
			i := describeInstance(t, r, id)
			return i != nil && i.State != nil && i.State.Name != types.InstanceStateNameTerminated
		}
	}
	t.Fatalf("no EC2 check of a %T sample: add a case to sampleInEC2", o)
	return "", nil
}
