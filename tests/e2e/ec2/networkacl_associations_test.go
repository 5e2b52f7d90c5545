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

// associatedACLManifest is a NetworkACL in the manifest's VPC that two
// subnets use, named by subnetRef in its associations.
const associatedACLManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: NetworkACL
metadata:
  name: acl-associated
spec:
  vpcRef:
    from:
      name: vpc-demo
  associations:
  - subnetRef:
      from:
        name: subnet-acl-a
  - subnetRef:
      from:
        name: subnet-acl-b
`

// aclSubnet is a Subnet of the manifest's VPC named name, in cidr.
func (e env) aclSubnet(ns, name, cidr string) *v1alpha1.Subnet {
	e.T.Helper()
	var s v1alpha1.Subnet
	if err := yaml.UnmarshalStrict([]byte(subnetManifest), &s); err != nil {
		e.T.Fatalf("the subnet manifest: %v", err)
	}
	s.Namespace, s.Name, s.Spec.CIDRBlock = e.NS(ns), name, aws.String(cidr)
	return &s
}

// subnetACL is, through the SDK, the network ACL the subnet uses and the
// association's ID.
func subnetACL(t *testing.T, region, subnetID string) (acl, assoc string) {
	t.Helper()
	out, err := ec2Client(region).DescribeNetworkAcls(context.Background(), &ec2.DescribeNetworkAclsInput{
		Filters: []types.Filter{{Name: aws.String("association.subnet-id"), Values: []string{subnetID}}},
	})
	if err != nil {
		t.Fatalf("DescribeNetworkAcls for subnet %s in %s: %v", subnetID, region, err)
	}
	for _, a := range out.NetworkAcls {
		for _, as := range a.Associations {
			if aws.ToString(as.SubnetId) == subnetID {
				return aws.ToString(a.NetworkAclId), aws.ToString(as.NetworkAclAssociationId)
			}
		}
	}
	return "", ""
}

// defaultACL is, through the SDK, the VPC's default network ACL.
func defaultACL(t *testing.T, region, vpcID string) string {
	t.Helper()
	out, err := ec2Client(region).DescribeNetworkAcls(context.Background(), &ec2.DescribeNetworkAclsInput{
		Filters: []types.Filter{{Name: aws.String("vpc-id"), Values: []string{vpcID}}, {Name: aws.String("default"), Values: []string{"true"}}},
	})
	if err != nil || len(out.NetworkAcls) != 1 {
		t.Fatalf("DescribeNetworkAcls for the default ACL of %s in %s: %v, %d found", vpcID, region, err, len(out.NetworkAcls))
	}
	return aws.ToString(out.NetworkAcls[0].NetworkAclId)
}

// waitSubnetACL waits until the subnet uses the network ACL want.
func waitSubnetACL(t *testing.T, region, subnetID, want, what string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got, _ := subnetACL(t, region, subnetID); got != want {
			return fmt.Errorf("%s: subnet %s uses network ACL %q, want %s", what, subnetID, got, want)
		}
		return nil
	})
}

// TestNetworkACLAssociations applies a VPC, two Subnets and a NetworkACL
// naming both by subnetRef in its associations, together: all become
// Ready and both subnets use the ACL (ReplaceNetworkAclAssociation); a
// subnet moved back to the VPC's default ACL out of band is moved here
// again at resync; an unchanged ACL costs no write per resync and only its
// DescribeNetworkAcls; a subnet dropped from the spec goes back to the
// default ACL; deleting the NetworkACL sends the other back too, and the
// ACL is gone (AWS refuses to delete an ACL in use).
func TestNetworkACLAssociations(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"aclassoc"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "NetworkACL=1"},
	})}
	var a v1alpha1.NetworkACL
	if err := yaml.UnmarshalStrict([]byte(associatedACLManifest), &a); err != nil {
		t.Fatalf("the network ACL manifest: %v", err)
	}
	a.Namespace = e.NS("aclassoc")
	sa, sb := e.aclSubnet("aclassoc", "subnet-acl-a", "10.0.3.0/24"), e.aclSubnet("aclassoc", "subnet-acl-b", "10.0.4.0/24")
	v := e.demo("aclassoc", nil)
	e.Create(&a)
	e.Create(sa)
	e.Create(sb)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	sa, sb = harness.WaitReady(e.Env, sa), harness.WaitReady(e.Env, sb)
	ready := harness.WaitReady(e.Env, &a)
	vpcID := checkVPC(t, region, readyVPC)
	id, home := aws.ToString(ready.Status.NetworkACLID), defaultACL(t, region, vpcID)
	subnetA, subnetB := aws.ToString(sa.Status.SubnetID), aws.ToString(sb.Status.SubnetID)
	waitSubnetACL(t, region, subnetA, id, "associations[0].subnetRef")
	waitSubnetACL(t, region, subnetB, id, "associations[1].subnetRef")

	_, assoc := subnetACL(t, region, subnetA)
	if _, err := ec2Client(region).ReplaceNetworkAclAssociation(context.Background(), &ec2.ReplaceNetworkAclAssociationInput{
		AssociationId: aws.String(assoc), NetworkAclId: aws.String(home),
	}); err != nil {
		t.Fatalf("moving subnet %s back to the default ACL out of band: %v", subnetA, err)
	}
	waitSubnetACL(t, region, subnetA, id, "the subnet moved back to the default ACL out of band is moved here again")

	e.checkEconomy("NetworkACL", id, "DescribeNetworkAcls")

	harness.Edit(e.Env, ready, func(a *v1alpha1.NetworkACL) { a.Spec.Associations = a.Spec.Associations[:1] })
	waitSubnetACL(t, region, subnetB, home, "the subnet dropped from the spec goes back to the default ACL")
	if got, _ := subnetACL(t, region, subnetA); got != id {
		t.Errorf("subnet %s uses network ACL %q after the other was dropped, want %s", subnetA, got, id)
	}
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeNetworkACL(t, region, id) != nil {
			return fmt.Errorf("network ACL %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	waitSubnetACL(t, region, subnetA, home, "the ACL's delete sends its subnets back to the default ACL")
	for _, s := range []*v1alpha1.Subnet{sa, sb} {
		e.Delete(s)
		e.WaitGone(s)
	}
	e.waitDeleted(region, readyVPC)
}
