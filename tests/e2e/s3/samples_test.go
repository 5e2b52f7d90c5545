package s3

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/s3/samples/ as its header says, in one
// kubectl apply --validate=strict: the Bucket becomes Ready, S3 has the
// bucket it names with the sample's versioning, and deleting the
// folder removes it from S3.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"samples"}})
	objs := e.ApplySamples("samples")
	var names []string
	for _, o := range objs {
		b, ok := harness.WaitReady(e.Env, o).(*v1alpha1.Bucket)
		if !ok {
			t.Fatalf("no check of a %T sample in S3", o)
		}
		name := aws.ToString(b.Spec.Name) // a bucket's identifier is its name
		names = append(names, name)
		if !bucketExists(t, name) {
			t.Fatalf("Bucket sample %s: S3 has no bucket %s", b.Name, name)
		}
		v, err := s3Client(region).GetBucketVersioning(context.Background(), &s3.GetBucketVersioningInput{Bucket: aws.String(name)})
		if err != nil || string(v.Status) != aws.ToString(b.Spec.Versioning.Status) {
			t.Errorf("Bucket sample %s: versioning %+v (%v), want %s", b.Name, v, err, aws.ToString(b.Spec.Versioning.Status))
		}
	}
	if len(names) == 0 {
		t.Fatal("the samples hold no Bucket")
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, name := range names {
			if bucketExists(t, name) {
				return fmt.Errorf("bucket %s is still in S3", name)
			}
		}
		return nil
	})
}
