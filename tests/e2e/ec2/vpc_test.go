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

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// seoul is the default-region of a namespace.
const seoul = "ap-northeast-2"

// checkVPC checks through the SDK in region that the VPC the object made
// is the manifest's: its CIDR, both DNS attributes and its Name tag.
func checkVPC(t *testing.T, region string, v *v1alpha1.VPC) string {
	t.Helper()
	id := aws.ToString(v.Status.VPCID)
	if id == "" {
		t.Fatalf("%s is Ready with no status.vpcID", v.Name)
	}
	got := describeVPC(t, region, id)
	if got == nil {
		t.Fatalf("VPC %s of %s/%s is not in %s", id, v.Namespace, v.Name, region)
	}
	if cidr := aws.ToString(got.CidrBlock); cidr != "10.0.0.0/16" {
		t.Errorf("VPC %s in %s has CIDR %s, want 10.0.0.0/16", id, region, cidr)
	}
	for _, a := range []types.VpcAttributeName{types.VpcAttributeNameEnableDnsSupport, types.VpcAttributeNameEnableDnsHostnames} {
		if !attribute(t, region, id, a) {
			t.Errorf("VPC %s in %s has %s false, want true", id, region, a)
		}
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "vpc-demo" {
		t.Errorf("VPC %s in %s has Name tag %q, want vpc-demo (tags %v)", id, region, name, got.Tags)
	}
	if _, ok := tagValue(got.Tags, "services.k8s.aws/namespace"); !ok {
		t.Errorf("VPC %s in %s lacks the controller's default tags: %v", id, region, got.Tags)
	}
	if md := v.Status.ACKResourceMetadata; md == nil || aws.ToString(md.Region) != region {
		t.Errorf("status.ackResourceMetadata %+v, want region %s", md, region)
	}
	return id
}

// waitDeleted deletes the object and waits until EC2 and the API server
// both have it gone.
func (e env) waitDeleted(region string, v *v1alpha1.VPC) {
	e.T.Helper()
	id := aws.ToString(v.Status.VPCID)
	e.Delete(v)
	harness.Eventually(e.T, harness.Wait, 250*time.Millisecond, func() error {
		if describeVPC(e.T, region, id) != nil {
			return fmt.Errorf("VPC %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(v)
}

// TestVPCInTwoRegions applies the manifest unchanged twice: once
// with the services.k8s.aws/region annotation naming us-east-1, once in a
// namespace whose default-region is ap-northeast-2; the controller's own
// region is a third. Each makes one VPC in its region, and nowhere else,
// and each goes with its object.
func TestVPCInTwoRegions(t *testing.T) {
	t.Parallel()
	e := start(t, "east", "seoul")
	e.AnnotateNamespace("seoul", map[string]string{"services.k8s.aws/default-region": seoul})
	east := e.demo("east", map[string]string{"services.k8s.aws/region": "us-east-1"})
	local := e.demo("seoul", nil)
	e.Create(east)
	e.Create(local)
	readyEast, readySeoul := harness.WaitReady(e.Env, east), harness.WaitReady(e.Env, local)

	for _, c := range []struct {
		region string
		v      *v1alpha1.VPC
	}{{"us-east-1", readyEast}, {seoul, readySeoul}} {
		id := checkVPC(t, c.region, c.v)
		for _, other := range []string{"us-east-1", seoul, controllerRegion} {
			if other != c.region && describeVPC(t, other, id) != nil {
				t.Errorf("VPC %s of %s is in %s too", id, c.v.Namespace, other)
			}
		}
	}
	e.waitDeleted("us-east-1", readyEast)
	e.waitDeleted(seoul, readySeoul)
}

// TestVPCEconomy counts, with moto's recorder, what the manifest's VPC
// costs per resync once Ready: no writes, and at most DescribeVpcs plus
// one DescribeVpcAttribute per attribute the spec sets (two).
func TestVPCEconomy(t *testing.T) {
	t.Parallel()
	e := start(t, "steady")
	v := e.demo("steady", map[string]string{"services.k8s.aws/region": "us-east-1"})
	e.Create(v)
	ready := harness.WaitReady(e.Env, v)
	id := checkVPC(t, "us-east-1", ready)

	all := map[string]string{"kind": "VPC"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(t, id)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(t, id)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	reads, writes := map[string]int{}, map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 && isRead(op) {
			reads[op] = d
		} else if d > 0 {
			writes[op] = d
		}
	}
	const perResync = 3 // DescribeVpcs, DescribeVpcAttribute ×2
	t.Logf("economy ec2 VPC: %.1f reads, %.1f writes per resync (2 attributes set)", float64(total(reads))/passes, float64(total(writes))/passes)
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of an unchanged VPC: %v", total(writes), passes, writes)
	}
	// A pass can straddle a count: a margin of one pass.
	if max := perResync * (passes + 1); float64(total(reads)) > max {
		t.Errorf("%d reads in %v resyncs, more than %d per resync: %v", total(reads), passes, perResync, reads)
	}
	if reads["DescribeVpcs"] == 0 || reads["DescribeVpcAttribute"] == 0 {
		t.Errorf("the resyncs did not read the VPC and its attributes: %v", reads)
	}
	e.waitDeleted("us-east-1", ready)
}

// TestVPCDrift: a DNS attribute and a tag changed out of band are put
// back at resync, an extra tag added out of band is removed; a change of
// spec.enableDNSHostnames and of spec.tags reaches EC2.
func TestVPCDrift(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := start(t, "drift")
	v := e.demo("drift", map[string]string{"services.k8s.aws/region": region})
	e.Create(v)
	ready := harness.WaitReady(e.Env, v)
	id := checkVPC(t, region, ready)
	ctx, c := context.Background(), ec2Client(region)

	if _, err := c.ModifyVpcAttribute(ctx, &ec2.ModifyVpcAttributeInput{VpcId: aws.String(id), EnableDnsHostnames: &types.AttributeBooleanValue{Value: aws.Bool(false)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("intruder"), Value: aws.String("x")}}}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeVPC(t, region, id)
		name, _ := tagValue(got.Tags, "Name")
		_, intruder := tagValue(got.Tags, "intruder")
		if !attribute(t, region, id, types.VpcAttributeNameEnableDnsHostnames) || name != "vpc-demo" || intruder {
			return fmt.Errorf("VPC %s not put back: hostnames %t, tags %v", id, attribute(t, region, id, types.VpcAttributeNameEnableDnsHostnames), got.Tags)
		}
		return nil
	})

	harness.Edit(e.Env, ready, func(v *v1alpha1.VPC) {
		v.Spec.EnableDNSHostnames = aws.Bool(false)
		v.Spec.Tags = append(v.Spec.Tags, v1alpha1.Tag{Key: aws.String("team"), Value: aws.String("net")})
	})
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeVPC(t, region, id)
		team, _ := tagValue(got.Tags, "team")
		if attribute(t, region, id, types.VpcAttributeNameEnableDnsHostnames) || team != "net" {
			return fmt.Errorf("VPC %s not updated: hostnames %t, tags %v", id, attribute(t, region, id, types.VpcAttributeNameEnableDnsHostnames), got.Tags)
		}
		return nil
	})
	now := harness.WaitReady(e.Env, ready)
	e.waitDeleted(region, now)
}

// associatedBlocks are the VPC's CIDR blocks EC2 lists as associated.
func associatedBlocks(t *testing.T, region, id string) []string {
	t.Helper()
	var out []string
	for _, a := range describeVPC(t, region, id).CidrBlockAssociationSet {
		if a.CidrBlockState != nil && a.CidrBlockState.State == types.VpcCidrBlockStateCodeAssociated {
			out = append(out, aws.ToString(a.CidrBlock))
		}
	}
	slices.Sort(out)
	return out
}

// TestVPCCIDRBlocks: the first of cidrBlocks goes to CreateVpc, the others
// are associated after it; a block added to the spec is associated and
// one removed disassociated; a block associated out of band is
// disassociated at resync.
func TestVPCCIDRBlocks(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := start(t, "blocks")
	v := e.demo("blocks", map[string]string{"services.k8s.aws/region": region})
	v.Spec.CIDRBlocks = append(v.Spec.CIDRBlocks, "10.1.0.0/16")
	e.Create(v)
	ready := harness.WaitReady(e.Env, v)
	id := checkVPC(t, region, ready)
	waitBlocks := func(want ...string) {
		t.Helper()
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			if got := associatedBlocks(t, region, id); !slices.Equal(got, want) {
				return fmt.Errorf("VPC %s has CIDR blocks %v, want %v", id, got, want)
			}
			return nil
		})
	}
	waitBlocks("10.0.0.0/16", "10.1.0.0/16")

	harness.Edit(e.Env, ready, func(v *v1alpha1.VPC) { v.Spec.CIDRBlocks = []string{"10.0.0.0/16", "10.2.0.0/16"} })
	waitBlocks("10.0.0.0/16", "10.2.0.0/16")

	if _, err := ec2Client(region).AssociateVpcCidrBlock(context.Background(), &ec2.AssociateVpcCidrBlockInput{VpcId: aws.String(id), CidrBlock: aws.String("10.3.0.0/16")}); err != nil {
		t.Fatal(err)
	}
	waitBlocks("10.0.0.0/16", "10.2.0.0/16")
	e.waitDeleted(region, harness.WaitReady(e.Env, ready))
}
