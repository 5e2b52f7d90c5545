package s3

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestBucketNameOnly applies a Bucket with nothing but spec.name: the
// bucket appears in S3, and goes with the object.
func TestBucketNameOnly(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"plain"}})
	b := e.newBucket("plain", "plain", nil)
	name := *b.Spec.Name
	e.Create(b)
	ready := e.waitReady(b)
	if !bucketExists(t, name) {
		t.Fatalf("bucket %s is Ready but not in S3", name)
	}
	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if bucketExists(t, name) {
			return fmt.Errorf("bucket %s still in S3", name)
		}
		return nil
	})
	e.WaitGone(b)
}

// TestBucketVersioningWebsite applies the manifest people try first:
// versioning Enabled with a website's index and error documents. S3 has
// all three once the Bucket is Ready.
func TestBucketVersioningWebsite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"site"}})
	b := e.newBucket("site", "site", nil)
	b.Spec.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}
	b.Spec.Website = &v1alpha1.WebsiteConfiguration{
		IndexDocument: &v1alpha1.IndexDocument{Suffix: aws.String("index.html")},
		ErrorDocument: &v1alpha1.ErrorDocument{Key: aws.String("error.html")},
	}
	bucket := *b.Spec.Name
	e.Create(b)
	e.waitReady(b)
	client := s3Client(region)
	v, err := client.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: &bucket})
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != types.BucketVersioningStatusEnabled {
		t.Errorf("versioning in S3 = %q, want Enabled", v.Status)
	}
	w, err := client.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: &bucket})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(w.IndexDocument.Suffix) != "index.html" || w.ErrorDocument == nil || aws.ToString(w.ErrorDocument.Key) != "error.html" {
		t.Errorf("website in S3 = index %v error %v, want index.html and error.html", w.IndexDocument, w.ErrorDocument)
	}
	e.Delete(b)
	e.WaitGone(b)
	if bucketExists(t, bucket) {
		t.Errorf("bucket %s still in S3", bucket)
	}
}
