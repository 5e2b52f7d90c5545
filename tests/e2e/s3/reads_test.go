package s3

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestRemovedWebsiteIsNoLongerRead: a resync reads only the
// configurations the spec sets, and one the controller applied until its
// removal is done. Website removed from the spec is deleted by exactly one
// DELETE ?website; the resyncs after it read no website at all.
func TestRemovedWebsiteIsNoLongerRead(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "website-reads")
	b := e.newBucket("website-reads", "site", nil)
	bucket := *b.Spec.Name
	b.Spec.Website = &v1alpha1.WebsiteConfiguration{IndexDocument: &v1alpha1.IndexDocument{Suffix: aws.String("index.html")}}
	e.Create(b)
	e.waitReady(b)

	harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) { b.Spec.Website = nil })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		_, err := s3Client(region).GetBucketWebsite(context.Background(), &s3.GetBucketWebsiteInput{Bucket: &bucket})
		var ae smithy.APIError
		if errors.As(err, &ae) && ae.ErrorCode() == "NoSuchWebsiteConfiguration" {
			return nil
		}
		return errors.New("website still in S3")
	})
	e.waitReady(b)

	reads, writes, passes := steadyCalls(t, e, b)
	if n := opsOn(t, bucket)["DELETE ?website"]; n != 1 {
		t.Errorf("website removed from the spec: %d DELETE ?website, want exactly 1", n)
	}
	if n := reads["GET ?website"]; n != 0 {
		t.Errorf("%d website reads in %v resyncs after its removal was done, want none: %v", n, passes, reads)
	}
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs after the removal: %v", total(writes), passes, writes)
	}
}
