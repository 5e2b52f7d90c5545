package s3

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTags: spec.tagging.tagSet reaches S3 with the controller's default
// tags; a spec change does too; a tag set replaced behind the controller's
// back is put back at resync; tagging removed from the spec leaves the
// default tags. moto refuses aws: tags on buckets, so those are covered by
// tests/managers/s3 against a fake endpoint.
func TestTags(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"tags"}})
	b := e.newBucket("tags", "tagged", nil)
	bucket := *b.Spec.Name
	b.Spec.Tagging = tagging(map[string]string{"team": "orders"})
	e.Create(b)
	e.waitReady(b)

	got := bucketTags(t, bucket)
	version := got["services.k8s.aws/controller-version"]
	if !strings.HasPrefix(version, "s3-") {
		t.Errorf("controller-version tag in S3 is %q, want s3-<version>", version)
	}
	defaults := map[string]string{
		"services.k8s.aws/controller-version": version,
		"services.k8s.aws/namespace":          b.Namespace,
		"services.k8s.aws/name":               "tagged",
	}
	want := with(defaults, map[string]string{"team": "orders"})
	if !maps.Equal(got, want) {
		t.Errorf("tags in S3 after create = %v, want %v", got, want)
	}

	harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) {
		b.Spec.Tagging = tagging(map[string]string{"team": "billing", "tier": "gold"})
	})
	want = with(defaults, map[string]string{"team": "billing", "tier": "gold"})
	waitTags(t, bucket, want)
	e.waitReady(b)

	// PutBucketTagging replaces the whole set: the default tags and the
	// spec's go, a stranger comes.
	if _, err := s3Client(region).PutBucketTagging(context.Background(), &s3.PutBucketTaggingInput{
		Bucket: aws.String(bucket), Tagging: &types.Tagging{TagSet: []types.Tag{{Key: aws.String("owner"), Value: aws.String("someone")}}},
	}); err != nil {
		t.Fatal(err)
	}
	e.RequestCheck(b)
	waitTags(t, bucket, want)
	e.waitReady(b)

	harness.Edit(e.Env, b, func(b *v1alpha1.Bucket) { b.Spec.Tagging = nil })
	waitTags(t, bucket, defaults)
	e.waitReady(b)

	e.Delete(b)
	e.WaitGone(b)
}

func tagging(tags map[string]string) *v1alpha1.Tagging {
	out := &v1alpha1.Tagging{}
	for k, v := range tags {
		out.TagSet = append(out.TagSet, v1alpha1.Tag{Key: aws.String(k), Value: aws.String(v)})
	}
	return out
}

func with(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

// waitTags waits until the bucket's tags in S3 are exactly want.
func waitTags(t *testing.T, bucket string, want map[string]string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := bucketTags(t, bucket); !maps.Equal(got, want) {
			return fmt.Errorf("tags in S3 = %v, want %v", got, want)
		}
		return nil
	})
}

// bucketTags reads the bucket's tags through GetBucketTagging; none is an
// empty map.
func bucketTags(t *testing.T, bucket string) map[string]string {
	t.Helper()
	tags := map[string]string{}
	out, err := s3Client(region).GetBucketTagging(context.Background(), &s3.GetBucketTaggingInput{Bucket: aws.String(bucket)})
	var ae smithy.APIError
	if errors.As(err, &ae) && ae.ErrorCode() == "NoSuchTagSet" {
		return tags
	}
	if err != nil {
		t.Fatalf("GetBucketTagging %s: %v", bucket, err)
	}
	for _, tag := range out.TagSet {
		tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	return tags
}
