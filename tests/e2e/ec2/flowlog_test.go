package ec2

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// flowLogManifest logs a VPC's rejected traffic to an S3 bucket; the test
// fills in the VPC and the bucket.
const flowLogManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: FlowLog
metadata:
  name: vpc-rejects
spec:
  resourceType: VPC
  trafficType: REJECT
  logDestinationType: s3
  maxAggregationInterval: 60
  tags:
    - key: Name
      value: vpc-rejects
`

// describeFlowLog reads a flow log through the SDK; nil when EC2 lists
// none.
func describeFlowLog(t *testing.T, region, id string) *types.FlowLog {
	t.Helper()
	out, err := ec2Client(region).DescribeFlowLogs(context.Background(), &ec2.DescribeFlowLogsInput{FlowLogIds: []string{id}})
	return first(t, "DescribeFlowLogs "+id+" in "+region, err, func() []types.FlowLog { return out.FlowLogs })
}

// TestFlowLogOfVPC logs a VPC's rejected traffic to S3: the FlowLog
// becomes Ready, and EC2 has it on that VPC (resourceID, sent as
// CreateFlowLogs' list of one) with the spec's traffic type, destination,
// interval and Name tag; an unchanged flow log costs no write per resync;
// its Name tag changed out of band is put back; a new tag reaches EC2; a
// change of trafficType is refused, as AWS cannot update a flow log;
// deleting the object deletes it (DeleteFlowLogs with a list of one).
func TestFlowLogOfVPC(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"flow"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "FlowLog=1"},
	})}
	v := e.demo("flow", nil)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	vpcID := aws.ToString(readyVPC.Status.VPCID)
	bucket := strings.ToLower(e.Prefix) + "-flow-logs"
	s3c := s3.NewFromConfig(suite.Moto.AWSConfig(region), func(o *s3.Options) { o.UsePathStyle = true })
	if _, err := s3c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatalf("creating bucket %s: %v", bucket, err)
	}

	var fl v1alpha1.FlowLog
	if err := yaml.UnmarshalStrict([]byte(flowLogManifest), &fl); err != nil {
		t.Fatalf("the flow log manifest: %v", err)
	}
	fl.Namespace = e.NS("flow")
	fl.Spec.ResourceID = aws.String(vpcID)
	fl.Spec.LogDestination = aws.String("arn:aws:s3:::" + bucket)
	e.Create(&fl)
	ready := harness.WaitReady(e.Env, &fl)
	id := aws.ToString(ready.Status.FlowLogID)
	got := describeFlowLog(t, region, id)
	if got == nil {
		t.Fatalf("flow log %q of %s is not in %s", id, fl.Name, region)
	}
	if aws.ToString(got.ResourceId) != vpcID || got.TrafficType != types.TrafficTypeReject {
		t.Errorf("flow log %s is of %s for %s traffic, want %s for REJECT", id, aws.ToString(got.ResourceId), got.TrafficType, vpcID)
	}
	if got.LogDestinationType != types.LogDestinationTypeS3 || aws.ToString(got.LogDestination) != "arn:aws:s3:::"+bucket {
		t.Errorf("flow log %s logs to %s %s, want s3 arn:aws:s3:::%s", id, got.LogDestinationType, aws.ToString(got.LogDestination), bucket)
	}
	if n := aws.ToInt32(got.MaxAggregationInterval); n != 60 {
		t.Errorf("flow log %s aggregates over %d s, want 60", id, n)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "vpc-rejects" {
		t.Errorf("flow log %s has Name tag %q, want vpc-rejects (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("FlowLog", id, "DescribeFlowLogs")

	if _, err := ec2Client(region).CreateTags(context.Background(), &ec2.CreateTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("by hand")}}}); err != nil {
		t.Fatalf("retagging %s out of band: %v", id, err)
	}
	waitFlowLogTag(t, region, id, "Name", "vpc-rejects", "the Name tag changed out of band is put back")
	harness.Edit(e.Env, ready, func(fl *v1alpha1.FlowLog) {
		fl.Spec.Tags = append(fl.Spec.Tags, v1alpha1.Tag{Key: aws.String("team"), Value: aws.String("net")})
	})
	waitFlowLogTag(t, region, id, "team", "net", "the spec's new tag reaches EC2")

	cur := &v1alpha1.FlowLog{}
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(ready), cur); err != nil {
		t.Fatal(err)
	}
	patch := client.MergeFrom(cur.DeepCopy())
	cur.Spec.TrafficType = aws.String("ALL")
	if err := e.K.Patch(context.Background(), cur, patch); err == nil {
		t.Errorf("the API server took a change of trafficType, which AWS cannot make to a flow log")
	}
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeFlowLog(t, region, id) != nil {
			return fmt.Errorf("flow log %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	if n := opsOn(t, id)["DeleteFlowLogs"]; n == 0 {
		t.Errorf("flow log %s gone with no DeleteFlowLogs naming it", id)
	}
	e.waitDeleted(region, readyVPC)
}

// waitFlowLogTag waits until EC2 reports the flow log's tag key as want.
func waitFlowLogTag(t *testing.T, region, id, key, want, what string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeFlowLog(t, region, id)
		if got == nil {
			return fmt.Errorf("flow log %s is gone", id)
		}
		if v, _ := tagValue(got.Tags, key); v != want {
			return fmt.Errorf("%s: flow log %s has tag %s=%q, want %q", what, id, key, v, want)
		}
		return nil
	})
}
