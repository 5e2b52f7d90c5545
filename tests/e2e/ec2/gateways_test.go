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

// gwRegion is where the gateway tests run their controllers.
const gwRegion = "us-east-1"

// The incumbent's manifests of the four kinds, each naming what it needs
// by reference.
const (
	igwManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: InternetGateway
metadata:
  name: igw-demo
spec:
  vpcRef:
    from:
      name: vpc-demo
  tags:
    - key: Name
      value: igw-demo
`
	eigwManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: EgressOnlyInternetGateway
metadata:
  name: eigw-demo
spec:
  vpcRef:
    from:
      name: vpc-demo
  tags:
    - key: Name
      value: eigw-demo
`
	eipManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: ElasticIPAddress
metadata:
  name: eip-demo
spec:
  tags:
    - key: Name
      value: eip-demo
`
	natManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: NATGateway
metadata:
  name: nat-demo
spec:
  subnetRef:
    from:
      name: subnet-demo
  allocationRef:
    from:
      name: eip-demo
  connectivityType: public
  tags:
    - key: Name
      value: nat-demo
`
)

// startGW runs a controller in gwRegion watching ns, resyncing the given
// kinds each second.
func startGW(t *testing.T, ns string, kinds ...string) env {
	t.Helper()
	var flags []string
	for _, k := range kinds {
		flags = append(flags, "--reconcile-resource-resync-seconds", k+"=1")
	}
	return env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{ns}, Region: gwRegion, Flags: flags})}
}

// load reads a manifest into obj, in the test's namespace ns.
func (e env) load(manifest, ns string, obj interface{ SetNamespace(string) }) {
	e.T.Helper()
	if err := yaml.UnmarshalStrict([]byte(manifest), obj); err != nil {
		e.T.Fatalf("the manifest: %v", err)
	}
	obj.SetNamespace(e.NS(ns))
}

// describeIGW reads an internet gateway through the SDK; nil when EC2
// says there is none.
func describeIGW(t *testing.T, id string) *types.InternetGateway {
	t.Helper()
	out, err := ec2Client(gwRegion).DescribeInternetGateways(context.Background(), &ec2.DescribeInternetGatewaysInput{InternetGatewayIds: []string{id}})
	return first(t, "DescribeInternetGateways "+id+" in "+gwRegion, err, func() []types.InternetGateway { return out.InternetGateways }, "InvalidInternetGatewayID.NotFound")
}

func describeEIGW(t *testing.T, id string) *types.EgressOnlyInternetGateway {
	t.Helper()
	out, err := ec2Client(gwRegion).DescribeEgressOnlyInternetGateways(context.Background(), &ec2.DescribeEgressOnlyInternetGatewaysInput{EgressOnlyInternetGatewayIds: []string{id}})
	return first(t, "DescribeEgressOnlyInternetGateways "+id+" in "+gwRegion, err, func() []types.EgressOnlyInternetGateway { return out.EgressOnlyInternetGateways }, "InvalidGatewayID.NotFound")
}

func describeEIP(t *testing.T, id string) *types.Address {
	t.Helper()
	out, err := ec2Client(gwRegion).DescribeAddresses(context.Background(), &ec2.DescribeAddressesInput{AllocationIds: []string{id}})
	return first(t, "DescribeAddresses "+id+" in "+gwRegion, err, func() []types.Address { return out.Addresses }, "InvalidAllocationID.NotFound")
}

// describeNAT reads a NAT gateway through the SDK, a deleted one included.
func describeNAT(t *testing.T, id string) *types.NatGateway {
	t.Helper()
	out, err := ec2Client(gwRegion).DescribeNatGateways(context.Background(), &ec2.DescribeNatGatewaysInput{NatGatewayIds: []string{id}})
	return first(t, "DescribeNatGateways "+id+" in "+gwRegion, err, func() []types.NatGateway { return out.NatGateways }, "NatGatewayNotFound")
}

// attachedVPCs are the VPCs an internet gateway is attached to.
func attachedVPCs(g *types.InternetGateway) []string {
	var ids []string
	for _, a := range g.Attachments {
		if a.State != types.AttachmentStatusDetaching && a.State != types.AttachmentStatusDetached {
			ids = append(ids, aws.ToString(a.VpcId))
		}
	}
	return ids
}

// tagsOf reads a resource's tags through the SDK; ok is false when the
// resource is gone.
type tagsOf func(t *testing.T, id string) (tags []types.Tag, ok bool)

// tagsFrom reads a resource's tags through describe, which answers nil
// once the resource is gone.
func tagsFrom[R any](describe func(*testing.T, string) *R, tags func(*R) []types.Tag) tagsOf {
	return func(t *testing.T, id string) ([]types.Tag, bool) {
		r := describe(t, id)
		if r == nil {
			return nil, false
		}
		return tags(r), true
	}
}

// waitNameTag waits until the resource's Name tag is want.
func waitNameTag(t *testing.T, id, want string, tags tagsOf) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got, ok := tags(t, id)
		if !ok {
			return fmt.Errorf("%s is gone", id)
		}
		if name, _ := tagValue(got, "Name"); name != want {
			return fmt.Errorf("%s has Name tag %q, want %q (tags %v)", id, name, want, got)
		}
		return nil
	})
}

// putBackNameTag removes the Name tag through the SDK and waits for a
// resync to put it back.
func putBackNameTag(t *testing.T, id, want string, tags tagsOf) {
	t.Helper()
	if _, err := ec2Client(gwRegion).DeleteTags(context.Background(), &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	waitNameTag(t, id, want, tags)
}

// renameTag is tags with the Name tag set to value.
func renameTag(tags []v1alpha1.Tag, value string) []v1alpha1.Tag {
	out := []v1alpha1.Tag{}
	for _, tg := range tags {
		if aws.ToString(tg.Key) != "Name" {
			out = append(out, tg)
		}
	}
	return append(out, v1alpha1.Tag{Key: aws.String("Name"), Value: aws.String(value)})
}

// TestInternetGatewayAttachedByRef applies an InternetGateway naming its
// VPC by vpcRef: it is attached to that VPC and tagged; an unchanged one
// costs no write per resync; detached and untagged out of band, it is
// attached and tagged again; pointed at another VPC, it is detached from
// the first and attached to the second; deleted while attached, it is
// detached and deleted, and nothing is left attached to the VPC.
func TestInternetGatewayAttachedByRef(t *testing.T) {
	t.Parallel()
	e := startGW(t, "igw", "InternetGateway")
	var g v1alpha1.InternetGateway
	e.load(igwManifest, "igw", &g)
	vpcA := e.demo("igw", nil)
	vpcB := e.demo("igw", nil)
	vpcB.Name = "vpc-b"
	e.Create(&g)
	e.Create(vpcA)
	e.Create(vpcB)
	readyA, readyB := harness.WaitReady(e.Env, vpcA), harness.WaitReady(e.Env, vpcB)
	idA, idB := aws.ToString(readyA.Status.VPCID), aws.ToString(readyB.Status.VPCID)
	ready := harness.WaitReady(e.Env, &g)
	id := aws.ToString(ready.Status.InternetGatewayID)
	tags := tagsFrom(describeIGW, func(r *types.InternetGateway) []types.Tag { return r.Tags })
	waitAttached := func(want string) {
		t.Helper()
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			got := describeIGW(t, id)
			if got == nil {
				return fmt.Errorf("internet gateway %s is gone", id)
			}
			if vpcs := attachedVPCs(got); len(vpcs) != 1 || vpcs[0] != want {
				return fmt.Errorf("internet gateway %s is attached to %v, want [%s]", id, vpcs, want)
			}
			return nil
		})
	}
	waitAttached(idA)
	waitNameTag(t, id, "igw-demo", tags)

	e.checkEconomy("InternetGateway", id, "DescribeInternetGateways")

	if _, err := ec2Client(gwRegion).DetachInternetGateway(context.Background(), &ec2.DetachInternetGatewayInput{InternetGatewayId: aws.String(id), VpcId: aws.String(idA)}); err != nil {
		t.Fatal(err)
	}
	putBackNameTag(t, id, "igw-demo", tags)
	waitAttached(idA)

	harness.Edit(e.Env, ready, func(g *v1alpha1.InternetGateway) {
		g.Spec.VPCRef.From.Name = aws.String("vpc-b")
		g.Spec.Tags = renameTag(g.Spec.Tags, "igw-b")
	})
	waitAttached(idB)
	waitNameTag(t, id, "igw-b", tags)
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeIGW(t, id) != nil {
			return fmt.Errorf("internet gateway %s still exists", id)
		}
		return nil
	})
	e.WaitGone(ready)
	out, err := ec2Client(gwRegion).DescribeInternetGateways(context.Background(), &ec2.DescribeInternetGatewaysInput{
		Filters: []types.Filter{{Name: aws.String("attachment.vpc-id"), Values: []string{idA, idB}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.InternetGateways) != 0 {
		t.Errorf("internet gateways still attached to %s or %s: %+v", idA, idB, out.InternetGateways)
	}
	e.waitDeleted(gwRegion, readyA)
	e.waitDeleted(gwRegion, readyB)
}

// TestEgressOnlyInternetGatewayByRef applies an EgressOnlyInternetGateway
// naming its VPC by vpcRef: it is made in that VPC and tagged; an
// unchanged one costs no write per resync; its Name tag removed out of
// band is put back, and changed in the spec is changed in EC2; deleted,
// it is gone.
func TestEgressOnlyInternetGatewayByRef(t *testing.T) {
	t.Parallel()
	e := startGW(t, "eigw", "EgressOnlyInternetGateway")
	var g v1alpha1.EgressOnlyInternetGateway
	e.load(eigwManifest, "eigw", &g)
	vpc := e.demo("eigw", nil)
	e.Create(&g)
	e.Create(vpc)
	readyVPC := harness.WaitReady(e.Env, vpc)
	ready := harness.WaitReady(e.Env, &g)
	id := aws.ToString(ready.Status.EgressOnlyInternetGatewayID)
	got := describeEIGW(t, id)
	if got == nil {
		t.Fatalf("egress-only internet gateway %q of %s is not in EC2", id, g.Name)
	}
	if len(got.Attachments) != 1 || aws.ToString(got.Attachments[0].VpcId) != aws.ToString(readyVPC.Status.VPCID) {
		t.Errorf("egress-only internet gateway %s is attached %+v, want to VPC %s (vpcRef)", id, got.Attachments, aws.ToString(readyVPC.Status.VPCID))
	}
	tags := tagsFrom(describeEIGW, func(r *types.EgressOnlyInternetGateway) []types.Tag { return r.Tags })
	waitNameTag(t, id, "eigw-demo", tags)

	e.checkEconomy("EgressOnlyInternetGateway", id, "DescribeEgressOnlyInternetGateways")
	putBackNameTag(t, id, "eigw-demo", tags)
	harness.Edit(e.Env, ready, func(g *v1alpha1.EgressOnlyInternetGateway) { g.Spec.Tags = renameTag(g.Spec.Tags, "eigw-b") })
	waitNameTag(t, id, "eigw-b", tags)
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeEIGW(t, id) != nil {
			return fmt.Errorf("egress-only internet gateway %s still exists", id)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(gwRegion, readyVPC)
}

// TestElasticIPAddress applies an ElasticIPAddress: an address is
// allocated and tagged, known by status.allocationID; an unchanged one
// costs no write per resync; its Name tag removed out of band is put
// back, and changed in the spec is changed in EC2; deleted, it is
// released.
func TestElasticIPAddress(t *testing.T) {
	t.Parallel()
	e := startGW(t, "eip", "ElasticIPAddress")
	var a v1alpha1.ElasticIPAddress
	e.load(eipManifest, "eip", &a)
	e.Create(&a)
	ready := harness.WaitReady(e.Env, &a)
	id := aws.ToString(ready.Status.AllocationID)
	got := describeEIP(t, id)
	if got == nil {
		t.Fatalf("address %q of %s is not in EC2", id, a.Name)
	}
	if ip := aws.ToString(got.PublicIp); ip == "" || ip != aws.ToString(ready.Status.PublicIP) {
		t.Errorf("address %s has public IP %q, status.publicIP %q", id, ip, aws.ToString(ready.Status.PublicIP))
	}
	tags := tagsFrom(describeEIP, func(r *types.Address) []types.Tag { return r.Tags })
	waitNameTag(t, id, "eip-demo", tags)

	e.checkEconomy("ElasticIPAddress", id, "DescribeAddresses")
	putBackNameTag(t, id, "eip-demo", tags)
	harness.Edit(e.Env, ready, func(a *v1alpha1.ElasticIPAddress) { a.Spec.Tags = renameTag(a.Spec.Tags, "eip-b") })
	waitNameTag(t, id, "eip-b", tags)
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeEIP(t, id) != nil {
			return fmt.Errorf("address %s is still allocated", id)
		}
		return nil
	})
	e.WaitGone(ready)
}

// TestNATGatewayByRefs applies a NATGateway naming its subnet by subnetRef
// and its address by allocationRef, with the VPC, subnet and address
// applied after it: it is made in that subnet with that address and
// tagged; an unchanged one costs no write per resync; its Name tag
// removed out of band is put back, and changed in the spec is changed in
// EC2; deleted, EC2 lists it as deleted, which counts as gone, and the
// object goes.
func TestNATGatewayByRefs(t *testing.T) {
	t.Parallel()
	e := startGW(t, "nat", "NATGateway")
	var n v1alpha1.NATGateway
	e.load(natManifest, "nat", &n)
	var s v1alpha1.Subnet
	e.load(subnetManifest, "nat", &s)
	var a v1alpha1.ElasticIPAddress
	e.load(eipManifest, "nat", &a)
	vpc := e.demo("nat", nil)
	e.Create(&n)
	e.Create(&s)
	e.Create(&a)
	e.Create(vpc)
	readyVPC := harness.WaitReady(e.Env, vpc)
	readySubnet := harness.WaitReady(e.Env, &s)
	readyEIP := harness.WaitReady(e.Env, &a)
	ready := harness.WaitReady(e.Env, &n)
	id := aws.ToString(ready.Status.NatGatewayID)
	got := describeNAT(t, id)
	if got == nil {
		t.Fatalf("NAT gateway %q of %s is not in EC2", id, n.Name)
	}
	if sub := aws.ToString(got.SubnetId); sub != aws.ToString(readySubnet.Status.SubnetID) {
		t.Errorf("NAT gateway %s is in subnet %s, want %s (subnetRef)", id, sub, aws.ToString(readySubnet.Status.SubnetID))
	}
	if len(got.NatGatewayAddresses) == 0 || aws.ToString(got.NatGatewayAddresses[0].AllocationId) != aws.ToString(readyEIP.Status.AllocationID) {
		t.Errorf("NAT gateway %s has addresses %+v, want allocation %s (allocationRef)", id, got.NatGatewayAddresses, aws.ToString(readyEIP.Status.AllocationID))
	}
	if got.ConnectivityType != types.ConnectivityTypePublic {
		t.Errorf("NAT gateway %s has connectivity type %q, want public", id, got.ConnectivityType)
	}
	tags := func(t *testing.T, id string) ([]types.Tag, bool) {
		got := describeNAT(t, id)
		if got == nil || got.State == types.NatGatewayStateDeleted {
			return nil, false
		}
		return got.Tags, true
	}
	waitNameTag(t, id, "nat-demo", tags)

	e.checkEconomy("NATGateway", id, "DescribeNatGateways")
	putBackNameTag(t, id, "nat-demo", tags)
	harness.Edit(e.Env, ready, func(n *v1alpha1.NATGateway) { n.Spec.Tags = renameTag(n.Spec.Tags, "nat-b") })
	waitNameTag(t, id, "nat-b", tags)
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	e.WaitGone(ready)
	if got := describeNAT(t, id); got != nil && got.State != types.NatGatewayStateDeleted && got.State != types.NatGatewayStateDeleting {
		t.Errorf("NAT gateway %s is %s after its object went, want deleting or deleted", id, got.State)
	}
	e.Delete(readyEIP)
	e.WaitGone(readyEIP)
	e.Delete(readySubnet)
	e.WaitGone(readySubnet)
	e.waitDeleted(gwRegion, readyVPC)
}
