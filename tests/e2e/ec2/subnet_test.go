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

// subnetManifest is a Subnet in the manifest's VPC, named by vpcRef.
const subnetManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: subnet-demo
spec:
  vpcRef:
    from:
      name: vpc-demo
  cidrBlock: 10.0.1.0/24
  availabilityZone: us-east-1b
  mapPublicIPOnLaunch: true
  enableResourceNameDNSARecord: true
  tags:
    - key: Name
      value: subnet-demo
`

// describeSubnet reads a subnet through the SDK in region; nil when EC2
// says there is none.
func describeSubnet(t *testing.T, region, id string) *types.Subnet {
	t.Helper()
	out, err := ec2Client(region).DescribeSubnets(context.Background(), &ec2.DescribeSubnetsInput{SubnetIds: []string{id}})
	return first(t, "DescribeSubnets "+id+" in "+region, err, func() []types.Subnet { return out.Subnets }, "InvalidSubnetID.NotFound")
}

// TestSubnetInVPCByRef applies a Subnet naming its VPC by vpcRef, before
// the VPC itself, as one apply would: both become Ready, the subnet is in
// that VPC with the spec's CIDR, zone, Name tag, public IP mapping and
// resource-name DNS A record (ModifySubnetAttribute, after the create; the
// record read back at PrivateDnsNameOptionsOnLaunch), an unchanged subnet costs no
// write per resync, the mapping and tag changed out of band are put back,
// the mapping turned off in the spec is turned off in EC2,
// and deleting the Subnet, then the VPC, removes both from EC2.
func TestSubnetInVPCByRef(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"net"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "Subnet=1"},
	})}
	var s v1alpha1.Subnet
	if err := yaml.UnmarshalStrict([]byte(subnetManifest), &s); err != nil {
		t.Fatalf("the subnet manifest: %v", err)
	}
	s.Namespace = e.NS("net")
	v := e.demo("net", nil)
	e.Create(&s)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	readySubnet := harness.WaitReady(e.Env, &s)
	vpcID := checkVPC(t, region, readyVPC)

	id := aws.ToString(readySubnet.Status.SubnetID)
	got := describeSubnet(t, region, id)
	if got == nil {
		t.Fatalf("subnet %q of %s is not in %s", id, s.Name, region)
	}
	if aws.ToString(got.VpcId) != vpcID {
		t.Errorf("subnet %s is in VPC %s, want %s (vpcRef)", id, aws.ToString(got.VpcId), vpcID)
	}
	if cidr := aws.ToString(got.CidrBlock); cidr != "10.0.1.0/24" {
		t.Errorf("subnet %s has CIDR %s, want 10.0.1.0/24", id, cidr)
	}
	if az := aws.ToString(got.AvailabilityZone); az != "us-east-1b" {
		t.Errorf("subnet %s is in zone %s, want us-east-1b", id, az)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "subnet-demo" {
		t.Errorf("subnet %s has Name tag %q, want subnet-demo (tags %v)", id, name, got.Tags)
	}
	if !aws.ToBool(got.MapPublicIpOnLaunch) {
		t.Errorf("subnet %s has MapPublicIpOnLaunch false, want true", id)
	}
	if o := got.PrivateDnsNameOptionsOnLaunch; o == nil || !aws.ToBool(o.EnableResourceNameDnsARecord) {
		t.Errorf("subnet %s has PrivateDnsNameOptionsOnLaunch %+v, want EnableResourceNameDnsARecord true", id, o)
	}

	e.checkEconomy("Subnet", id, "DescribeSubnets")
	putBackSubnet(t, region, id)

	harness.Edit(e.Env, readySubnet, func(s *v1alpha1.Subnet) { s.Spec.MapPublicIPOnLaunch = aws.Bool(false) })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := describeSubnet(t, region, id); got == nil || aws.ToBool(got.MapPublicIpOnLaunch) {
			return fmt.Errorf("subnet %s: MapPublicIpOnLaunch still true after the spec turned it off", id)
		}
		return nil
	})
	readySubnet = harness.WaitReady(e.Env, readySubnet)

	e.Delete(readySubnet)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeSubnet(t, region, id) != nil {
			return fmt.Errorf("subnet %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(readySubnet)
	e.waitDeleted(region, readyVPC)
}

// putBackSubnet changes the public IP mapping and the Name tag of a
// subnet out of band, and waits for the resync to put both back.
func putBackSubnet(t *testing.T, region, id string) {
	t.Helper()
	ctx, c := context.Background(), ec2Client(region)
	if _, err := c.ModifySubnetAttribute(ctx, &ec2.ModifySubnetAttributeInput{SubnetId: aws.String(id), MapPublicIpOnLaunch: &types.AttributeBooleanValue{Value: aws.Bool(false)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeSubnet(t, region, id)
		if got == nil {
			return fmt.Errorf("subnet %s is gone", id)
		}
		if name, _ := tagValue(got.Tags, "Name"); name != "subnet-demo" || !aws.ToBool(got.MapPublicIpOnLaunch) {
			return fmt.Errorf("subnet %s: MapPublicIpOnLaunch %t, Name tag %q; want true and subnet-demo back", id, aws.ToBool(got.MapPublicIpOnLaunch), name)
		}
		return nil
	})
}
