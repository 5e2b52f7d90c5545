package s3

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSubResourceRefusedAfterCreate: S3 creates the bucket but refuses
// its logging (the target bucket does not let the log delivery group
// write). The bucket is still this object's: the condition names S3's
// refusal, never "did not create it", and once the target is fixed out of
// band the logging is put and the object is Ready.
func TestSubResourceRefusedAfterCreate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"refused"}})
	client := s3Client(region)
	b := e.newBucket("refused", "logged", nil)
	bucket := *b.Spec.Name
	target := bucket + "-logs"
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &target}); err != nil {
		t.Fatal(err)
	}
	b.Spec.Logging = &v1alpha1.BucketLoggingStatus{LoggingEnabled: &v1alpha1.LoggingEnabled{TargetBucket: &target, TargetPrefix: aws.String("logs/")}}
	e.Create(b)
	got := harness.WaitFor(e.Env, b, "to report S3's refusal of the logging", func(b *v1alpha1.Bucket) error {
		c := harness.Condition(b, "ACK.ResourceSynced")
		if c.Status != metav1.ConditionFalse || !strings.Contains(c.Message, "InvalidTargetBucketForLogging") {
			return fmt.Errorf("ACK.ResourceSynced is not False naming InvalidTargetBucketForLogging: %s", harness.DescribeConditions(b))
		}
		return nil
	})
	if o := got.Status.ACKResourceMetadata; o == nil || o.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership = %+v, want Created: the bucket is this object's", o)
	}
	if strings.Contains(harness.DescribeConditions(got), "did not create it") {
		t.Errorf("the object disowns the bucket it created: %s", harness.DescribeConditions(got))
	}

	logDelivery := aws.String(`uri="http://acs.amazonaws.com/groups/s3/LogDelivery"`)
	if _, err := client.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: &target, GrantWrite: logDelivery, GrantReadACP: logDelivery}); err != nil {
		t.Fatal(err)
	}
	e.RequestCheck(b)
	e.waitReady(b)
	out, err := client.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: &bucket})
	if err != nil {
		t.Fatal(err)
	}
	if out.LoggingEnabled == nil || aws.ToString(out.LoggingEnabled.TargetBucket) != target {
		t.Errorf("logging in S3 = %+v, want into %s", out.LoggingEnabled, target)
	}
}
