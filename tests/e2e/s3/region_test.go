package s3

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// seoul is a region other than the controller's, named by a namespace.
const seoul = "ap-northeast-2"

// existsIn asks S3, through a client of region, whether the bucket is there.
func existsIn(t *testing.T, regionName, name string) bool {
	t.Helper()
	_, err := s3Client(regionName).HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String(name)})
	var nf *types.NotFound
	if errors.As(err, &nf) {
		return false
	}
	if err != nil {
		t.Fatalf("HeadBucket %s in %s: %v", name, regionName, err)
	}
	return true
}

// TestBucketInNamespaceRegion: a Bucket whose manifest names no location,
// in a namespace whose default-region is ap-northeast-2, is made there
// (the controller's own region is us-east-1). The location the controller
// filled in stays out of the spec and looks like no change: ten resyncs
// write nothing. Deleting the object deletes the bucket.
func TestBucketInNamespaceRegion(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "seoul")
	e.AnnotateNamespace("seoul", map[string]string{"services.k8s.aws/default-region": seoul})
	b := e.newBucket("seoul", "local", nil)
	bucket := *b.Spec.Name
	e.Create(b)
	ready := e.waitReady(b)

	loc, err := s3Client(seoul).GetBucketLocation(context.Background(), &s3.GetBucketLocationInput{Bucket: aws.String(bucket)})
	if err != nil {
		t.Fatalf("GetBucketLocation %s: %v", bucket, err)
	}
	if got := string(loc.LocationConstraint); got != seoul {
		t.Errorf("bucket %s is in %q, want %s", bucket, got, seoul)
	}
	if md := ready.Status.ACKResourceMetadata; md == nil || aws.ToString(md.Region) != seoul {
		t.Errorf("status.ackResourceMetadata %+v, want region %s", md, seoul)
	}
	if c := ready.Spec.CreateBucketConfiguration; c != nil {
		t.Errorf("the controller wrote spec.createBucketConfiguration %+v; the filled location belongs to the create call only", c)
	}

	_, writes, passes := steadyCalls(t, e, ready)
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of an unchanged bucket made from the namespace's region: %v", total(writes), passes, writes)
	}
	now := harness.WaitReady(e.Env, ready)
	if c := harness.Condition(now, "ACK.Terminal"); c.Status == metav1.ConditionTrue {
		t.Errorf("after the resyncs the bucket is Terminal: %s", c.Message)
	}

	e.Delete(now)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if existsIn(t, seoul, bucket) {
			return fmt.Errorf("bucket %s still in S3", bucket)
		}
		return nil
	})
	e.WaitGone(b)
}

// TestBucketLocationDisagrees: a Bucket whose spec names a location other
// than its region (the services.k8s.aws/region annotation) is Terminal,
// with a message naming both, and no bucket is made anywhere.
func TestBucketLocationDisagrees(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"mismatch"}})
	b := e.newBucket("mismatch", "elsewhere", map[string]string{"services.k8s.aws/region": "eu-west-1"})
	b.Spec.CreateBucketConfiguration = &v1alpha1.CreateBucketConfiguration{LocationConstraint: aws.String(seoul)}
	bucket := *b.Spec.Name
	e.Create(b)
	got := harness.WaitFor(e.Env, b, "to be Terminal", harness.ConditionIs[*v1alpha1.Bucket]("ACK.Terminal", metav1.ConditionTrue))
	msg := harness.Condition(got, "ACK.Terminal").Message
	for _, want := range []string{"locationConstraint is " + seoul, "region is eu-west-1"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the Terminal condition says %q; want it to say %q", msg, want)
		}
	}
	for _, r := range []string{"eu-west-1", seoul, region} {
		if existsIn(t, r, bucket) {
			t.Errorf("bucket %s was made (seen from %s)", bucket, r)
		}
	}
	if puts := opsOn(t, bucket)["PUT"]; puts != 0 {
		t.Errorf("%d CreateBucket calls reached S3, want none", puts)
	}
	e.Delete(got)
	e.WaitGone(b)
}

// TestBucketLocalhostEndpoint: with an endpoint at localhost, which has no
// host name per bucket, the controller addresses buckets by path unasked,
// and a Bucket becomes Ready.
func TestBucketLocalhostEndpoint(t *testing.T) {
	t.Parallel()
	endpoint := strings.Replace(suite.Moto.Endpoint(), "127.0.0.1", "localhost", 1)
	if endpoint == suite.Moto.Endpoint() {
		t.Fatalf("moto's endpoint %s is not at 127.0.0.1", endpoint)
	}
	e := start(t, harness.ControllerOptions{Namespaces: []string{"localhost"}, Endpoint: endpoint})
	b := e.newBucket("localhost", "by-path", nil)
	e.Create(b)
	ready := e.waitReady(b)
	if !bucketExists(t, *b.Spec.Name) {
		t.Fatalf("bucket %s is Ready but not in S3", *b.Spec.Name)
	}
	e.Delete(ready)
	e.WaitGone(b)
}
