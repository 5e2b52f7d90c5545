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
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// instanceManifest is an Instance in the subnet and security group of
// subnetManifest and securityGroupManifest, named by reference. imageID
// is filled in from the AMIs moto ships; minCount and maxCount are left
// out, as the incumbent's manifests may.
const instanceManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Instance
metadata:
  name: instance-demo
spec:
  instanceType: t3.micro
  subnetRef:
    from:
      name: subnet-demo
  securityGroupRefs:
    - from:
        name: sg-demo
  sourceDestCheckEnabled: true
  disableAPITermination: false
  tags:
    - key: Name
      value: instance-demo
`

// describeInstance reads an instance through the SDK in region; nil when
// EC2 says there is none.
func describeInstance(t *testing.T, region, id string) *types.Instance {
	t.Helper()
	out, err := ec2Client(region).DescribeInstances(context.Background(), &ec2.DescribeInstancesInput{InstanceIds: []string{id}})
	return first(t, "DescribeInstances "+id+" in "+region, err, func() []types.Instance {
		var all []types.Instance
		for _, r := range out.Reservations {
			all = append(all, r.Instances...)
		}
		return all
	}, "InvalidInstanceID.NotFound")
}

// terminationProtected reads an instance's disableApiTermination through
// the SDK.
func terminationProtected(t *testing.T, region, id string) bool {
	t.Helper()
	out, err := ec2Client(region).DescribeInstanceAttribute(context.Background(), &ec2.DescribeInstanceAttributeInput{
		InstanceId: aws.String(id), Attribute: types.InstanceAttributeNameDisableApiTermination})
	if err != nil {
		t.Fatalf("DescribeInstanceAttribute disableApiTermination %s in %s: %v", id, region, err)
	}
	return out.DisableApiTermination != nil && aws.ToBool(out.DisableApiTermination.Value)
}

// anImage is an AMI moto ships in region.
func anImage(t *testing.T, region string) string {
	t.Helper()
	out, err := ec2Client(region).DescribeImages(context.Background(), &ec2.DescribeImagesInput{})
	if err != nil || len(out.Images) == 0 {
		t.Fatalf("DescribeImages in %s: %d images, %v; moto ships some", region, len(out.Images), err)
	}
	return aws.ToString(out.Images[0].ImageId)
}

// TestInstanceInSubnet applies a VPC, a Subnet, a SecurityGroup and an
// Instance naming the subnet and the group by reference: the instance
// becomes Ready in that subnet and group, with the spec's type and Name
// tag and the controller's default tags; an unchanged instance costs one
// DescribeInstances and one DescribeInstanceAttribute (the
// disableAPITermination the spec sets) per resync and no write; the
// spec's sourceDestCheckEnabled and disableAPITermination changes reach
// EC2 (ModifyInstanceAttribute, one attribute per call); the check and
// the Name tag changed out of band are put back; deleting the Instance
// terminates it, and the object goes although EC2 still lists the
// instance, terminated.
func TestInstanceInSubnet(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"inst"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "Instance=1"},
	})}
	ns := e.NS("inst")
	var s v1alpha1.Subnet
	var sg v1alpha1.SecurityGroup
	var in v1alpha1.Instance
	for manifest, obj := range map[string]any{subnetManifest: &s, securityGroupManifest: &sg, instanceManifest: &in} {
		if err := yaml.UnmarshalStrict([]byte(manifest), obj); err != nil {
			t.Fatalf("a manifest: %v", err)
		}
	}
	s.Namespace, sg.Namespace, in.Namespace = ns, ns, ns
	s.Spec.AvailabilityZone = aws.String(region + "a")
	in.Spec.ImageID = aws.String(anImage(t, region))
	v := e.demo("inst", nil)
	e.Create(&in)
	e.Create(&sg)
	e.Create(&s)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	readySubnet := harness.WaitReady(e.Env, &s)
	readyGroup := harness.WaitReady(e.Env, &sg)
	ready := harness.WaitReady(e.Env, &in)

	id := aws.ToString(ready.Status.InstanceID)
	got := describeInstance(t, region, id)
	if got == nil {
		t.Fatalf("instance %q of %s is not in %s", id, in.Name, region)
	}
	if got.InstanceType != types.InstanceTypeT3Micro {
		t.Errorf("instance %s has type %s, want t3.micro", id, got.InstanceType)
	}
	if subnet := aws.ToString(readySubnet.Status.SubnetID); aws.ToString(got.SubnetId) != subnet {
		t.Errorf("instance %s is in subnet %s, want %s (subnetRef)", id, aws.ToString(got.SubnetId), subnet)
	}
	var groups []string
	for _, g := range got.SecurityGroups {
		groups = append(groups, aws.ToString(g.GroupId))
	}
	if group := aws.ToString(readyGroup.Status.ID); !slices.Contains(groups, group) {
		t.Errorf("instance %s is in security groups %v, want %s (securityGroupRefs)", id, groups, group)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "instance-demo" {
		t.Errorf("instance %s has Name tag %q, want instance-demo (tags %v)", id, name, got.Tags)
	}
	if owner, _ := tagValue(got.Tags, "services.k8s.aws/name"); owner != in.Name {
		t.Errorf("instance %s has services.k8s.aws/name tag %q, want %s: default tags go with the create", id, owner, in.Name)
	}
	if st := got.State; st == nil || st.Name != types.InstanceStateNameRunning {
		t.Errorf("instance %s is in state %+v, want running", id, st)
	}
	if !aws.ToBool(got.SourceDestCheck) || terminationProtected(t, region, id) {
		t.Errorf("instance %s has SourceDestCheck %t and termination protection %t, want true and false",
			id, aws.ToBool(got.SourceDestCheck), terminationProtected(t, region, id))
	}

	e.checkEconomy("Instance", id, "DescribeInstances", "DescribeInstanceAttribute")

	harness.Edit(e.Env, ready, func(i *v1alpha1.Instance) {
		i.Spec.SourceDestCheckEnabled = aws.Bool(false)
		i.Spec.DisableAPITermination = aws.Bool(true)
	})
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeInstance(t, region, id)
		if got == nil || aws.ToBool(got.SourceDestCheck) || !terminationProtected(t, region, id) {
			return fmt.Errorf("instance %s: SourceDestCheck still true or termination protection still off after the spec changed both", id)
		}
		return nil
	})
	putBackInstance(t, region, id)

	ready = harness.WaitReady(e.Env, ready)
	harness.Edit(e.Env, ready, func(i *v1alpha1.Instance) { i.Spec.DisableAPITermination = aws.Bool(false) })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if terminationProtected(t, region, id) {
			return fmt.Errorf("instance %s: termination protection still on after the spec turned it off", id)
		}
		return nil
	})
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	e.WaitGone(ready)
	if got := describeInstance(t, region, id); got != nil && (got.State == nil || got.State.Name != types.InstanceStateNameTerminated) {
		t.Errorf("instance %s is in state %+v after its object went, want terminated or gone", id, got.State)
	}
	e.Delete(readyGroup)
	e.Delete(readySubnet)
	e.WaitGone(readyGroup)
	e.WaitGone(readySubnet)
	e.waitDeleted(region, readyVPC)
}

// putBackInstance turns an instance's source/destination check on and
// drops its Name tag out of band, and waits for the resync to put both
// back (the spec has the check off).
func putBackInstance(t *testing.T, region, id string) {
	t.Helper()
	ctx, c := context.Background(), ec2Client(region)
	if _, err := c.ModifyInstanceAttribute(ctx, &ec2.ModifyInstanceAttributeInput{InstanceId: aws.String(id), SourceDestCheck: &types.AttributeBooleanValue{Value: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeInstance(t, region, id)
		if got == nil {
			return fmt.Errorf("instance %s is gone", id)
		}
		if name, _ := tagValue(got.Tags, "Name"); name != "instance-demo" || aws.ToBool(got.SourceDestCheck) {
			return fmt.Errorf("instance %s: SourceDestCheck %t, Name tag %q; want false and instance-demo back", id, aws.ToBool(got.SourceDestCheck), name)
		}
		return nil
	})
}
