package s3

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controller's --aws-region unless a test says otherwise:
// us-east-1, the one region where S3 takes a bucket with no location.
const region = "us-east-1"

// env is one running S3 controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test; o.Region defaults to region.
func start(t *testing.T, o harness.ControllerOptions) env {
	t.Helper()
	if o.Region == "" {
		o.Region = region
	}
	return env{suite.StartController(t, o)}
}

// bucketName is a bucket name unique to the test (S3 names are global, in
// moto across accounts too): lower case, at most 63 characters.
func (e env) bucketName(name string) string {
	s := e.Unique(name)
	if len(s) > 63 {
		s = s[len(s)-63:]
	}
	return strings.Trim(s, "-")
}

// newBucket is a Bucket in the test's namespace ns, called name in
// Kubernetes and e.bucketName(name) in S3, with nothing but its name.
func (e env) newBucket(ns, name string, annotations map[string]string) *v1alpha1.Bucket {
	return &v1alpha1.Bucket{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns), Annotations: annotations},
		Spec:       v1alpha1.BucketSpec{Name: aws.String(e.bucketName(name))},
	}
}

func (e env) waitReady(b *v1alpha1.Bucket) *v1alpha1.Bucket { return harness.WaitReady(e.Env, b) }

// s3Client is an SDK client for moto with path-style addressing: a
// bucket in the host name does not resolve against a local endpoint.
func s3Client(regionName string) *s3.Client {
	return s3.NewFromConfig(suite.Moto.AWSConfig(regionName), func(o *s3.Options) { o.UsePathStyle = true })
}

// bucketExists asks S3 whether the bucket is there (HeadBucket).
func bucketExists(t *testing.T, name string) bool {
	t.Helper()
	_, err := s3Client(region).HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String(name)})
	var nf *types.NotFound
	if errors.As(err, &nf) {
		return false
	}
	if err != nil {
		t.Fatalf("HeadBucket %s: %v", name, err)
	}
	return true
}

// opsOn counts the recorded calls on a bucket itself (not its objects)
// since the suite started, by method and sub-resource: "PUT ?cors", "HEAD".
func opsOn(t *testing.T, bucket string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		if c.URL.Path != "/"+bucket {
			continue
		}
		counts[strings.TrimSpace(strings.Replace(c.Operation(), "/"+bucket, "", 1))]++
	}
	return counts
}
