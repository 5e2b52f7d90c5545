package ec2

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// defaultGroup reads a VPC's default security group through the SDK.
func defaultGroup(t *testing.T, region, vpcID string) *types.SecurityGroup {
	t.Helper()
	out, err := ec2Client(region).DescribeSecurityGroups(context.Background(), &ec2.DescribeSecurityGroupsInput{Filters: []types.Filter{
		{Name: aws.String("vpc-id"), Values: []string{vpcID}},
		{Name: aws.String("group-name"), Values: []string{"default"}},
	}})
	g := first(t, "DescribeSecurityGroups default of "+vpcID, err, func() []types.SecurityGroup { return out.SecurityGroups })
	if g == nil {
		t.Fatalf("VPC %s in %s has no default security group", vpcID, region)
	}
	return g
}

// waitDefaultRules waits until the VPC's default security group has as
// many ingress and egress permissions as given.
func waitDefaultRules(t *testing.T, region, vpcID, why string, ingress, egress int) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		g := defaultGroup(t, region, vpcID)
		if len(g.IpPermissions) != ingress || len(g.IpPermissionsEgress) != egress {
			return fmt.Errorf("%s: the default security group %s of %s has ingress %d and egress %d permissions, want %d and %d",
				why, aws.ToString(g.GroupId), vpcID, len(g.IpPermissions), len(g.IpPermissionsEgress), ingress, egress)
		}
		return nil
	})
}

// restoreDefaultRules gives the VPC's default security group the rules
// AWS gives it at create, out of band: ingress from the group itself
// (which moto leaves out) and egress to everywhere.
func restoreDefaultRules(t *testing.T, region, vpcID string) {
	t.Helper()
	ctx, c, g := context.Background(), ec2Client(region), defaultGroup(t, region, vpcID)
	all := aws.String("-1")
	if _, err := c.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: g.GroupId, IpPermissions: []types.IpPermission{
		{IpProtocol: all, UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: g.GroupId}}},
	}}); err != nil {
		t.Fatalf("AuthorizeSecurityGroupIngress on %s: %v", aws.ToString(g.GroupId), err)
	}
	if len(g.IpPermissionsEgress) == 0 {
		if _, err := c.AuthorizeSecurityGroupEgress(ctx, &ec2.AuthorizeSecurityGroupEgressInput{GroupId: g.GroupId, IpPermissions: []types.IpPermission{
			{IpProtocol: all, IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}},
		}}); err != nil {
			t.Fatalf("AuthorizeSecurityGroupEgress on %s: %v", aws.ToString(g.GroupId), err)
		}
	}
}

// TestVPCDisallowSecurityGroupDefaultRules: a VPC with
// disallowSecurityGroupDefaultRules: true has a default security group
// without rules once Ready (EC2's egress to everywhere revoked), and the
// default rules put back out of band are revoked at resync; an unchanged
// VPC then costs DescribeVpcs and DescribeSecurityGroups per resync and no
// write. Set to false, it is no opinion: rules added stay, and the default
// group is not read at all. True again revokes them; the VPC deletes.
func TestVPCDisallowSecurityGroupDefaultRules(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := start(t, "dsg")
	v := e.demo("dsg", map[string]string{"services.k8s.aws/region": region})
	v.Spec.EnableDNSSupport, v.Spec.EnableDNSHostnames = nil, nil // one read per resync each otherwise
	v.Spec.DisallowSecurityGroupDefaultRules = aws.Bool(true)
	e.Create(v)
	ready := harness.WaitReady(e.Env, v)
	id := aws.ToString(ready.Status.VPCID)
	if describeVPC(t, region, id) == nil {
		t.Fatalf("VPC %q of %s is not in %s", id, v.Name, region)
	}
	waitDefaultRules(t, region, id, "disallowSecurityGroupDefaultRules: true once Ready", 0, 0)

	restoreDefaultRules(t, region, id)
	waitDefaultRules(t, region, id, "the default rules put back out of band are revoked at resync", 0, 0)
	e.checkEconomy("VPC", id, "DescribeVpcs", "DescribeSecurityGroups")

	harness.Edit(e.Env, ready, func(v *v1alpha1.VPC) { v.Spec.DisallowSecurityGroupDefaultRules = aws.Bool(false) })
	restoreDefaultRules(t, region, id)
	e.checkEconomy("VPC", id, "DescribeVpcs")
	waitDefaultRules(t, region, id, "false is no opinion: the rules stay", 1, 1)

	harness.Edit(e.Env, ready, func(v *v1alpha1.VPC) { v.Spec.DisallowSecurityGroupDefaultRules = aws.Bool(true) })
	waitDefaultRules(t, region, id, "true again revokes them", 0, 0)
	e.waitDeleted(region, harness.WaitReady(e.Env, ready))
}
