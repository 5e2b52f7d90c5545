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
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestDeleteNonEmptyBucket deletes a Bucket whose bucket holds an object:
// the object stays (the controller never deletes objects), the finalizer
// stays with a Recoverable condition naming BucketNotEmpty, and once the
// object is removed by hand the bucket and the Kubernetes object go.
func TestDeleteNonEmptyBucket(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"full"}})
	b := e.newBucket("full", "full", nil)
	bucket := *b.Spec.Name
	e.Create(b)
	e.waitReady(b)
	client := s3Client(region)
	if _, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: aws.String("keep.txt"), Body: strings.NewReader("data")}); err != nil {
		t.Fatal(err)
	}

	e.Delete(b)
	got := harness.WaitFor(e.Env, b, "to report the bucket not empty", func(b *v1alpha1.Bucket) error {
		c := harness.Condition(b, "ACK.Recoverable")
		if c.Status != metav1.ConditionTrue || !strings.Contains(c.Message, "BucketNotEmpty") {
			return fmt.Errorf("ACK.Recoverable is not True naming BucketNotEmpty: %s", harness.DescribeConditions(b))
		}
		return nil
	})
	if len(got.Finalizers) == 0 {
		t.Error("the finalizer went while the bucket is still in S3")
	}
	if !bucketExists(t, bucket) {
		t.Fatal("the bucket went with an object in it")
	}
	if _, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: aws.String("keep.txt")}); err != nil {
		t.Fatalf("the object in the bucket is gone: %v", err)
	}
	// Until now the test sent no delete of objects: any is the controller's.
	for op, n := range opsOnObjects(t, bucket) {
		if strings.HasPrefix(op, "DELETE") || strings.Contains(op, "?delete") {
			t.Errorf("the controller deleted objects: %d× %s", n, op)
		}
	}

	if _, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &bucket, Key: aws.String("keep.txt")}); err != nil {
		t.Fatal(err)
	}
	e.RequestCheck(b)
	e.WaitGone(b)
	if bucketExists(t, bucket) {
		t.Errorf("bucket %s still in S3 after it was emptied", bucket)
	}
}

// opsOnObjects counts the recorded calls on the bucket's objects, and
// the bucket's multi-object delete (POST ?delete), whoever made them.
func opsOnObjects(t *testing.T, bucket string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		if strings.HasPrefix(c.URL.Path, "/"+bucket+"/") || (c.URL.Path == "/"+bucket && c.URL.Query().Has("delete")) {
			counts[c.Operation()]++
		}
	}
	return counts
}

// TestRetainBucket deletes a Bucket whose deletion policy is retain: the
// object goes, the bucket stays.
func TestRetainBucket(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"retain"}})
	b := e.newBucket("retain", "kept", map[string]string{"services.k8s.aws/deletion-policy": "retain"})
	e.Create(b)
	e.waitReady(b)
	e.Delete(b)
	e.WaitGone(b)
	if !bucketExists(t, *b.Spec.Name) {
		t.Errorf("deleting %s deleted bucket %s despite the retain policy", b.Name, *b.Spec.Name)
	}
	e.WaitEvent(b, "Retained", "deletion-policy retain")
}
