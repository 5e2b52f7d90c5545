package ec2

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/smithy-go"
	ktypes "k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// securityGroupManifest is a SecurityGroup in the manifest's VPC, named
// by vpcRef, with two ingress rules, the first with two CIDR ranges, and
// no egressRules: no opinion on them.
const securityGroupManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: SecurityGroup
metadata:
  name: sg-demo
spec:
  name: sg-demo
  description: web servers
  vpcRef:
    from:
      name: vpc-demo
  ingressRules:
    - ipProtocol: tcp
      fromPort: 443
      toPort: 443
      ipRanges:
        - cidrIP: 10.0.0.0/16
        - cidrIP: 10.1.0.0/16
    - ipProtocol: tcp
      fromPort: 22
      toPort: 22
      ipRanges:
        - cidrIP: 10.2.0.0/16
  tags:
    - key: Name
      value: sg-demo
`

// describeGroup reads a security group through the SDK in region; nil
// when EC2 says there is none.
func describeGroup(t *testing.T, region, id string) *types.SecurityGroup {
	t.Helper()
	out, err := ec2Client(region).DescribeSecurityGroups(context.Background(), &ec2.DescribeSecurityGroupsInput{GroupIds: []string{id}})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && strings.HasPrefix(apiErr.ErrorCode(), "InvalidGroup") {
		return nil
	}
	if err != nil {
		t.Fatalf("DescribeSecurityGroups %s in %s: %v", id, region, err)
	}
	if len(out.SecurityGroups) == 0 {
		return nil
	}
	return &out.SecurityGroups[0]
}

// ruleSet is AWS's rules one per protocol, ports and CIDR range, sorted:
// "tcp 443-443 10.0.0.0/16", "-1 0.0.0.0/0".
func ruleSet(perms []types.IpPermission) []string {
	var out []string
	for _, p := range perms {
		ports := ""
		if p.FromPort != nil || p.ToPort != nil {
			ports = fmt.Sprintf(" %d-%d", aws.ToInt32(p.FromPort), aws.ToInt32(p.ToPort))
		}
		for _, r := range p.IpRanges {
			out = append(out, aws.ToString(p.IpProtocol)+ports+" "+aws.ToString(r.CidrIp))
		}
	}
	slices.Sort(out)
	return out
}

// waitRules waits until the group's ingress and egress rules are the
// given ones, in any grouping.
func waitRules(t *testing.T, region, id, why string, ingress, egress []string) {
	t.Helper()
	slices.Sort(ingress)
	slices.Sort(egress)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		g := describeGroup(t, region, id)
		if g == nil {
			return fmt.Errorf("security group %s is gone", id)
		}
		in, eg := ruleSet(g.IpPermissions), ruleSet(g.IpPermissionsEgress)
		if !slices.Equal(in, ingress) || !slices.Equal(eg, egress) {
			return fmt.Errorf("%s: security group %s has ingress %q and egress %q; want %q and %q", why, id, in, eg, ingress, egress)
		}
		return nil
	})
}

// TestSecurityGroupRules applies a VPC and a SecurityGroup naming it by
// vpcRef together: both become Ready, and the group is in that VPC with
// the spec's ingress rules, grouped by EC2 its own way, and EC2's default
// egress rule kept (egressRules unset is no opinion). A rule added to the
// spec is authorized; EC2 then groups it with the other rule of its port,
// and the unchanged group still costs no write per resync, which it would
// if the spec's grouping and AWS's were compared as written. A CIDR
// revoked out of band is put back; egressRules set makes the egress
// exactly those rules, the default revoked, and egressRules: [] none.
// Deleting the group removes it from EC2.
func TestSecurityGroupRules(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"sg"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "SecurityGroup=1"},
	})}
	var sg v1alpha1.SecurityGroup
	if err := yaml.UnmarshalStrict([]byte(securityGroupManifest), &sg); err != nil {
		t.Fatalf("the security group manifest: %v", err)
	}
	sg.Namespace = e.NS("sg")
	v := e.demo("sg", nil)
	e.Create(&sg)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	ready := harness.WaitReady(e.Env, &sg)
	vpcID := aws.ToString(readyVPC.Status.VPCID)

	id := aws.ToString(ready.Status.ID)
	g := describeGroup(t, region, id)
	if g == nil {
		t.Fatalf("security group %q of %s is not in %s", id, sg.Name, region)
	}
	if aws.ToString(g.VpcId) != vpcID || aws.ToString(g.GroupName) != "sg-demo" || aws.ToString(g.Description) != "web servers" {
		t.Errorf("security group %s: VPC %s, name %q, description %q; want %s (vpcRef), sg-demo, web servers", id, aws.ToString(g.VpcId), aws.ToString(g.GroupName), aws.ToString(g.Description), vpcID)
	}
	if name, _ := tagValue(g.Tags, "Name"); name != "sg-demo" {
		t.Errorf("security group %s has Name tag %q, want sg-demo (tags %v)", id, name, g.Tags)
	}
	ingress := []string{"tcp 443-443 10.0.0.0/16", "tcp 443-443 10.1.0.0/16", "tcp 22-22 10.2.0.0/16"}
	defaultEgress := []string{"-1 0.0.0.0/0"}
	waitRules(t, region, id, "as applied", ingress, defaultEgress)

	harness.Edit(e.Env, ready, func(s *v1alpha1.SecurityGroup) {
		s.Spec.IngressRules = append(s.Spec.IngressRules, v1alpha1.IpPermission{
			IPProtocol: aws.String("tcp"), FromPort: aws.Int64(22), ToPort: aws.Int64(22),
			IPRanges: []v1alpha1.IpRange{{CIDRIP: aws.String("10.3.0.0/16")}},
		})
	})
	ingress = append(ingress, "tcp 22-22 10.3.0.0/16")
	waitRules(t, region, id, "a rule added to the spec", ingress, defaultEgress)
	g = describeGroup(t, region, id)
	t.Logf("EC2 (moto) groups the ingress rules as %d permissions, the two rules for port 22 as one", len(g.IpPermissions))

	e.checkEconomy("SecurityGroup", id, "DescribeSecurityGroups")

	if _, err := ec2Client(region).RevokeSecurityGroupIngress(context.Background(), &ec2.RevokeSecurityGroupIngressInput{
		GroupId:       aws.String(id),
		IpPermissions: []types.IpPermission{{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443), IpRanges: []types.IpRange{{CidrIp: aws.String("10.1.0.0/16")}}}},
	}); err != nil {
		t.Fatal(err)
	}
	waitRules(t, region, id, "a CIDR revoked out of band is put back", ingress, defaultEgress)

	harness.Edit(e.Env, ready, func(s *v1alpha1.SecurityGroup) {
		s.Spec.EgressRules = []v1alpha1.IpPermission{{
			IPProtocol: aws.String("tcp"), FromPort: aws.Int64(443), ToPort: aws.Int64(443),
			IPRanges: []v1alpha1.IpRange{{CIDRIP: aws.String("0.0.0.0/0")}},
		}}
	})
	waitRules(t, region, id, "egressRules set: exactly those, EC2's default revoked", ingress, []string{"tcp 443-443 0.0.0.0/0"})

	// The typed client drops an empty list (omitempty): patch as kubectl would send it.
	if err := e.K.Patch(context.Background(), ready, client.RawPatch(ktypes.MergePatchType, []byte(`{"spec":{"egressRules":[]}}`))); err != nil {
		t.Fatal(err)
	}
	waitRules(t, region, id, "egressRules: [] is no egress rule at all, not unset", ingress, nil)
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeGroup(t, region, id) != nil {
			return fmt.Errorf("security group %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(region, readyVPC)
}

// appGroupManifest is a SecurityGroup whose one ingress rule lets in the
// members of another group, named by groupRef in the rule's group pair.
const appGroupManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: SecurityGroup
metadata:
  name: sg-app
spec:
  name: sg-app
  description: app servers, reached from the web servers
  vpcRef:
    from:
      name: vpc-demo
  ingressRules:
    - ipProtocol: tcp
      fromPort: 8080
      toPort: 8080
      userIDGroupPairs:
        - groupRef:
            from:
              name: sg-demo
`

// TestSecurityGroupRuleByGroupRef applies a VPC and two security groups
// together, one letting in the other's members by a groupRef inside its
// rule: the rule in EC2 names the other group's ID; the pair EC2 reports
// (with the account it fills in) costs no write per resync; both delete.
func TestSecurityGroupRuleByGroupRef(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"ref"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "SecurityGroup=1"},
	})}
	var web, app v1alpha1.SecurityGroup
	for _, m := range []struct {
		text string
		into *v1alpha1.SecurityGroup
	}{{securityGroupManifest, &web}, {appGroupManifest, &app}} {
		if err := yaml.UnmarshalStrict([]byte(m.text), m.into); err != nil {
			t.Fatalf("a security group manifest: %v", err)
		}
		m.into.Namespace = e.NS("ref")
	}
	v := e.demo("ref", nil)
	e.Create(&app)
	e.Create(&web)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	readyWeb := harness.WaitReady(e.Env, &web)
	readyApp := harness.WaitReady(e.Env, &app)
	webID, appID := aws.ToString(readyWeb.Status.ID), aws.ToString(readyApp.Status.ID)

	g := describeGroup(t, region, appID)
	if g == nil {
		t.Fatalf("security group %s of sg-app is not in %s", appID, region)
	}
	var pairs []string
	for _, p := range g.IpPermissions {
		for _, pair := range p.UserIdGroupPairs {
			pairs = append(pairs, fmt.Sprintf("%s %d-%d %s", aws.ToString(p.IpProtocol), aws.ToInt32(p.FromPort), aws.ToInt32(p.ToPort), aws.ToString(pair.GroupId)))
		}
	}
	if want := []string{"tcp 8080-8080 " + webID}; !slices.Equal(pairs, want) {
		t.Errorf("security group %s lets in %q, want %q (groupRef to sg-demo); permissions %+v", appID, pairs, want, g.IpPermissions)
	}
	if a := readyApp.Spec.IngressRules[0].UserIDGroupPairs[0]; a.GroupID != nil || a.GroupRef == nil {
		t.Errorf("the stored spec of sg-app changed: group pair %+v, want the groupRef as written and no groupID", a)
	}

	e.checkEconomy("SecurityGroup", appID, "DescribeSecurityGroups")

	e.Delete(readyApp)
	e.WaitGone(readyApp)
	e.Delete(readyWeb)
	e.WaitGone(readyWeb)
	for _, id := range []string{appID, webID} {
		if describeGroup(t, region, id) != nil {
			t.Errorf("security group %s still in %s after its object is gone", id, region)
		}
	}
	e.waitDeleted(region, readyVPC)
}
