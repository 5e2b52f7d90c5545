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

// aclManifest is a NetworkACL in the manifest's VPC, named by vpcRef.
const aclManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: NetworkACL
metadata:
  name: acl-demo
spec:
  vpcRef:
    from:
      name: vpc-demo
  tags:
  - key: Name
    value: acl-demo
`

// describeNetworkACL reads a network ACL through the SDK; nil when EC2
// says there is none.
func describeNetworkACL(t *testing.T, region, id string) *types.NetworkAcl {
	t.Helper()
	out, err := ec2Client(region).DescribeNetworkAcls(context.Background(), &ec2.DescribeNetworkAclsInput{NetworkAclIds: []string{id}})
	// moto answers InvalidRouteTableID.NotFound for an ACL it lacks.
	return first(t, "DescribeNetworkAcls "+id+" in "+region, err, func() []types.NetworkAcl { return out.NetworkAcls }, "InvalidNetworkAclID.NotFound", "InvalidRouteTableID.NotFound")
}

// TestNetworkACLInVPCByRef applies a NetworkACL naming its VPC by vpcRef,
// before the VPC itself: both become Ready, the ACL is in that VPC with
// the Name tag; an unchanged ACL costs no write per resync; the Name tag
// deleted out of band is put back and one changed in the spec is changed
// in EC2; deleting the NetworkACL, then the VPC, removes both from EC2.
func TestNetworkACLInVPCByRef(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"acl"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "NetworkACL=1"},
	})}
	var a v1alpha1.NetworkACL
	if err := yaml.UnmarshalStrict([]byte(aclManifest), &a); err != nil {
		t.Fatalf("the network ACL manifest: %v", err)
	}
	a.Namespace = e.NS("acl")
	v := e.demo("acl", nil)
	e.Create(&a)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	ready := harness.WaitReady(e.Env, &a)
	vpcID := checkVPC(t, region, readyVPC)

	id := aws.ToString(ready.Status.NetworkACLID)
	got := describeNetworkACL(t, region, id)
	if got == nil {
		t.Fatalf("network ACL %q of %s is not in %s", id, a.Name, region)
	}
	if aws.ToString(got.VpcId) != vpcID {
		t.Errorf("network ACL %s is in VPC %s, want %s (vpcRef)", id, aws.ToString(got.VpcId), vpcID)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "acl-demo" {
		t.Errorf("network ACL %s has Name tag %q, want acl-demo (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("NetworkACL", id, "DescribeNetworkAcls")
	if _, err := ec2Client(region).DeleteTags(context.Background(), &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	waitACLTag(t, region, id, "acl-demo")
	harness.Edit(e.Env, ready, func(a *v1alpha1.NetworkACL) { a.Spec.Tags[0].Value = aws.String("acl-demo-2") })
	waitACLTag(t, region, id, "acl-demo-2")
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeNetworkACL(t, region, id) != nil {
			return fmt.Errorf("network ACL %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(region, readyVPC)
}

// waitACLTag waits for a network ACL's Name tag to be name.
func waitACLTag(t *testing.T, region, id, name string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeNetworkACL(t, region, id)
		if got == nil {
			return fmt.Errorf("network ACL %s is gone", id)
		}
		if have, _ := tagValue(got.Tags, "Name"); have != name {
			return fmt.Errorf("network ACL %s: Name tag %q, want %q", id, have, name)
		}
		return nil
	})
}
