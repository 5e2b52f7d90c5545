package ec2

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// stackFile holds the network stack, written in reverse dependency order.
const stackFile = "testdata/network-stack.yaml"

// TestNetworkStack applies a whole network in one kubectl apply, written
// with every object before those it refers to: a VPC, a public and a
// private subnet, an internet gateway attached to the VPC, a route table
// whose default route goes to that gateway, associated with the public
// subnet, a security group with ingress rules, an elastic IP and a NAT
// gateway using it in the public subnet. The manifests use the incumbent's
// field names and go through strict validation. References do the
// ordering: everything becomes Ready, EC2 holds each piece wired to the
// others, and one kubectl delete of the same file removes all of it from
// EC2, the controller retrying what EC2 refuses while dependents remain.
func TestNetworkStack(t *testing.T) {
	t.Parallel()
	e := env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"stack"}, Region: gwRegion})}
	ns := e.NS("stack")
	kubectl(t, "apply", "--validate=strict", "-n", ns, "-f", stackFile)

	vpc := harness.WaitReady(e.Env, &v1alpha1.VPC{ObjectMeta: meta(ns, "stack-vpc")})
	public := harness.WaitReady(e.Env, &v1alpha1.Subnet{ObjectMeta: meta(ns, "stack-public")})
	private := harness.WaitReady(e.Env, &v1alpha1.Subnet{ObjectMeta: meta(ns, "stack-private")})
	igw := harness.WaitReady(e.Env, &v1alpha1.InternetGateway{ObjectMeta: meta(ns, "stack-igw")})
	rtb := harness.WaitReady(e.Env, &v1alpha1.RouteTable{ObjectMeta: meta(ns, "stack-public")})
	sg := harness.WaitReady(e.Env, &v1alpha1.SecurityGroup{ObjectMeta: meta(ns, "stack-web")})
	eip := harness.WaitReady(e.Env, &v1alpha1.ElasticIPAddress{ObjectMeta: meta(ns, "stack-eip")})
	nat := harness.WaitReady(e.Env, &v1alpha1.NATGateway{ObjectMeta: meta(ns, "stack-nat")})

	vpcID := aws.ToString(vpc.Status.VPCID)
	ids := stackIDs{
		vpc: vpcID, public: aws.ToString(public.Status.SubnetID), private: aws.ToString(private.Status.SubnetID),
		igw: aws.ToString(igw.Status.InternetGatewayID), rtb: aws.ToString(rtb.Status.RouteTableID),
		sg: aws.ToString(sg.Status.ID), eip: aws.ToString(eip.Status.AllocationID), nat: aws.ToString(nat.Status.NatGatewayID),
	}
	ids.check(t)

	kubectl(t, "delete", "-n", ns, "--wait=false", "-f", stackFile)
	for _, obj := range []harness.Managed{vpc, public, private, igw, rtb, sg, eip, nat} {
		e.WaitGone(obj)
	}
	ids.checkGone(t)
}

// stackIDs are the EC2 identifiers of the stack's pieces.
type stackIDs struct{ vpc, public, private, igw, rtb, sg, eip, nat string }

// check reads every piece through the SDK and checks how it is wired.
func (s stackIDs) check(t *testing.T) {
	t.Helper()
	if v := describeVPC(t, gwRegion, s.vpc); v == nil || aws.ToString(v.CidrBlock) != "10.20.0.0/16" {
		t.Errorf("VPC %s: %+v, want CIDR 10.20.0.0/16", s.vpc, v)
	}
	for id, cidr := range map[string]string{s.public: "10.20.1.0/24", s.private: "10.20.2.0/24"} {
		if sn := describeSubnet(t, gwRegion, id); sn == nil || aws.ToString(sn.VpcId) != s.vpc || aws.ToString(sn.CidrBlock) != cidr {
			t.Errorf("subnet %s: %+v, want %s in VPC %s", id, sn, cidr, s.vpc)
		}
	}
	if sn := describeSubnet(t, gwRegion, s.public); sn == nil || !aws.ToBool(sn.MapPublicIpOnLaunch) {
		t.Errorf("public subnet %s does not map public IPs on launch", s.public)
	}
	if g := describeIGW(t, s.igw); g == nil || len(g.Attachments) != 1 || aws.ToString(g.Attachments[0].VpcId) != s.vpc {
		t.Errorf("internet gateway %s: %+v, want attached to VPC %s", s.igw, g, s.vpc)
	}
	rt := describeRouteTable(t, gwRegion, s.rtb)
	if rt == nil || aws.ToString(rt.VpcId) != s.vpc || !slices.Contains(routesOf(rt), "0.0.0.0/0->"+s.igw) {
		t.Errorf("route table %s: %+v, want in VPC %s with 0.0.0.0/0 to %s", s.rtb, rt, s.vpc, s.igw)
	}
	if rt != nil && !slices.ContainsFunc(rt.Associations, func(a types.RouteTableAssociation) bool { return aws.ToString(a.SubnetId) == s.public }) {
		t.Errorf("route table %s is not associated with the public subnet %s: %+v", s.rtb, s.public, rt.Associations)
	}
	want := []string{"tcp 22-22 192.0.2.0/24", "tcp 22-22 198.51.100.0/24", "tcp 443-443 0.0.0.0/0"}
	if g := describeGroup(t, gwRegion, s.sg); g == nil || aws.ToString(g.VpcId) != s.vpc || !slices.Equal(ruleSet(g.IpPermissions), want) {
		t.Errorf("security group %s: %+v, want in VPC %s with ingress %v", s.sg, g, s.vpc, want)
	}
	if a := describeEIP(t, s.eip); a == nil {
		t.Errorf("elastic IP %s is not allocated", s.eip)
	}
	n := describeNAT(t, s.nat)
	if n == nil || aws.ToString(n.SubnetId) != s.public || len(n.NatGatewayAddresses) == 0 || aws.ToString(n.NatGatewayAddresses[0].AllocationId) != s.eip {
		t.Errorf("NAT gateway %s: %+v, want in subnet %s with allocation %s", s.nat, n, s.public, s.eip)
	}
}

// checkGone waits until EC2 holds none of the pieces (a NAT gateway may
// linger as deleted).
func (s stackIDs) checkGone(t *testing.T) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		var left []string
		if describeVPC(t, gwRegion, s.vpc) != nil {
			left = append(left, s.vpc)
		}
		for _, id := range []string{s.public, s.private} {
			if describeSubnet(t, gwRegion, id) != nil {
				left = append(left, id)
			}
		}
		if describeIGW(t, s.igw) != nil {
			left = append(left, s.igw)
		}
		if describeRouteTable(t, gwRegion, s.rtb) != nil {
			left = append(left, s.rtb)
		}
		if describeGroup(t, gwRegion, s.sg) != nil {
			left = append(left, s.sg)
		}
		if describeEIP(t, s.eip) != nil {
			left = append(left, s.eip)
		}
		if n := describeNAT(t, s.nat); n != nil && n.State != "deleted" {
			left = append(left, s.nat)
		}
		if len(left) > 0 {
			return fmt.Errorf("still in EC2 after the delete: %v", left)
		}
		return nil
	})
}

// kubectl runs the suite's kubectl against its API server.
func kubectl(t *testing.T, args ...string) {
	t.Helper()
	bin := filepath.Join(harness.RepoRoot(t), "bin", "kubectl")
	args = append([]string{"--kubeconfig", suite.Kube.WriteKubeconfig(t)}, args...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("kubectl %v: %v\n%s", args[2:], err, out)
	}
}

func meta(ns, name string) metav1.ObjectMeta { return metav1.ObjectMeta{Namespace: ns, Name: name} }
