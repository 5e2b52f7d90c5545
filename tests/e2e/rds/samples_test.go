package rds

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/rds/samples/ as its header says, in one
// kubectl apply --validate=strict, beside generated/ec2/samples/ (the
// subnet group's subnet, the instance's security group; the ec2 flow log
// sample's bucket is made here through the SDK) and the Secret
// sample-db-password: every object becomes Ready and RDS has each sample;
// deleting the folders removes them.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"samples"})
	s3c := s3.NewFromConfig(suite.Moto.AWSConfig(region), func(o *s3.Options) { o.UsePathStyle = true })
	if _, err := s3c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String("kubesmith-sample-bucket")}); err != nil {
		t.Fatalf("creating the ec2 flow log sample's bucket: %v", err)
	}
	e.Create(&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Namespace: e.NS("samples"), Name: "sample-db-password"}, StringData: map[string]string{"password": "sample-password-1"}})
	network := e.ec2.ApplySamples("samples")
	objs := e.ApplySamples("samples")
	var inRDS []func() bool
	for _, o := range objs {
		ready := harness.WaitReady(e.Env, o)
		name, exists := sampleInRDS(t, ready)
		if !exists() {
			t.Errorf("%T sample %s: RDS has no %s", ready, ready.GetName(), name)
		}
		inRDS = append(inRDS, exists)
	}
	e.DeleteSamples("samples", objs)
	for i, exists := range inRDS {
		if exists() {
			t.Errorf("sample %s is still in RDS after its object is gone", objs[i].GetName())
		}
	}
	e.ec2.DeleteSamples("samples", network)
}

// sampleInRDS names the RDS resource of a Ready sample and returns a
// check that RDS has it.
func sampleInRDS(t *testing.T, o harness.Managed) (string, func() bool) {
	t.Helper()
	ctx := context.Background()
	c := rdsClient()
	check := func(call string, err error, n int) bool {
		return !isNotFound(t, call, err) && n > 0
	}
	switch o := o.(type) {
	case *v1alpha1.DBSubnetGroup:
		name := aws.ToString(o.Spec.Name)
		return name, func() bool {
			out, err := c.DescribeDBSubnetGroups(ctx, &rds.DescribeDBSubnetGroupsInput{DBSubnetGroupName: &name})
			return check("DescribeDBSubnetGroups "+name, err, lenOr(out, func(o *rds.DescribeDBSubnetGroupsOutput) int { return len(o.DBSubnetGroups) }))
		}
	case *v1alpha1.DBParameterGroup:
		name := aws.ToString(o.Spec.Name)
		return name, func() bool {
			out, err := c.DescribeDBParameterGroups(ctx, &rds.DescribeDBParameterGroupsInput{DBParameterGroupName: &name})
			return check("DescribeDBParameterGroups "+name, err, lenOr(out, func(o *rds.DescribeDBParameterGroupsOutput) int { return len(o.DBParameterGroups) }))
		}
	case *v1alpha1.DBClusterParameterGroup:
		name := aws.ToString(o.Spec.Name)
		return name, func() bool {
			out, err := c.DescribeDBClusterParameterGroups(ctx, &rds.DescribeDBClusterParameterGroupsInput{DBClusterParameterGroupName: &name})
			return check("DescribeDBClusterParameterGroups "+name, err, lenOr(out, func(o *rds.DescribeDBClusterParameterGroupsOutput) int { return len(o.DBClusterParameterGroups) }))
		}
	case *v1alpha1.DBInstance:
		name := aws.ToString(o.Spec.DBInstanceIdentifier)
		return name, func() bool { return describe(t, name) != nil }
	case *v1alpha1.DBCluster:
		name := aws.ToString(o.Spec.DBClusterIdentifier)
		return name, func() bool { return describeCluster(t, name) != nil }
	}
	t.Fatalf("no check of a %T sample in RDS", o)
	return "", nil
}

// lenOr is n(out), 0 when out is nil.
func lenOr[T any](out *T, n func(*T) int) int {
	if out == nil {
		return 0
	}
	return n(out)
}
