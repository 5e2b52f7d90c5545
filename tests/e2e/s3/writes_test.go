package s3

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestObjectWrites counts what the API server stored for a Bucket whose
// tags and versioning S3 takes only after the bucket exists: the update
// that sends them runs in the create's pass, so the create still costs
// the finalizer with its create record, then one status write; the
// deletion one status write before the finalizer goes.
func TestObjectWrites(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"writes"}})
	log := suite.Kube.WatchWrites(t, v1alpha1.GroupVersion.WithResource("buckets"), e.NS("writes"))
	b := e.newBucket("writes", "writes", nil)
	b.Spec.Tagging = &v1alpha1.Tagging{TagSet: []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("storage")}}}
	b.Spec.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}
	e.Create(b)
	e.waitReady(b)
	if tags := bucketTags(t, *b.Spec.Name); tags["team"] != "storage" {
		t.Errorf("bucket %s has tags %v, want team=storage", *b.Spec.Name, tags)
	}
	e.Delete(b)
	e.WaitGone(b)
	if bucketExists(t, *b.Spec.Name) {
		t.Errorf("bucket %s still in S3", *b.Spec.Name)
	}
	log.CheckWrites(t, b.Name, 2, 1)
}
