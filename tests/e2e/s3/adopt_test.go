package s3

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestAdoptBucket adopts a bucket made outside Kubernetes, with versioning
// and a website, under each adoption policy: the object becomes Ready and
// synced, Adopted, its sub-resources read back and found equal, and no
// write reaches S3 but the controller's default tags. adopt-or-create also creates a bucket that is missing.
func TestAdoptBucket(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"adopt"}})
	for _, policy := range []string{"adopt", "adopt-or-create"} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			adopt(t, env{e.For(t)}, policy)
		})
	}
}

func adopt(t *testing.T, e env, policy string) {
	ctx := context.Background()
	client := s3Client(region)
	b := e.newBucket("adopt", "legacy-"+policy, nil)
	bucket := *b.Spec.Name
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: &bucket, VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: &bucket, WebsiteConfiguration: &types.WebsiteConfiguration{IndexDocument: &types.IndexDocument{Suffix: aws.String("index.html")}}}); err != nil {
		t.Fatal(err)
	}
	fields, err := json.Marshal(map[string]string{"name": bucket})
	if err != nil {
		t.Fatal(err)
	}
	b.Annotations = map[string]string{"services.k8s.aws/adoption-policy": policy, "services.k8s.aws/adoption-fields": string(fields)}
	b.Spec.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}
	b.Spec.Website = &v1alpha1.WebsiteConfiguration{IndexDocument: &v1alpha1.IndexDocument{Suffix: aws.String("index.html")}}
	writesBefore := writesOn(t, bucket)
	e.Create(b)
	got := harness.WaitFor(e.Env, b, "to be adopted and synced", func(b *v1alpha1.Bucket) error {
		for _, typ := range []string{"Ready", "ACK.ResourceSynced"} {
			if err := harness.ConditionIs[*v1alpha1.Bucket](typ, metav1.ConditionTrue)(b); err != nil {
				return err
			}
		}
		return nil
	})
	if o := got.Status.ACKResourceMetadata; o == nil || o.Ownership != ackv1alpha1.OwnershipAdopted {
		t.Errorf("ownership = %+v, want Adopted", o)
	}
	// The controller's default tags go on an adopted bucket as on every
	// kind, in one PUT ?tagging; nothing else is written.
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if name := bucketTags(t, bucket)["services.k8s.aws/name"]; name != b.Name {
			return fmt.Errorf("the adopted bucket's services.k8s.aws/name tag is %q, want %q", name, b.Name)
		}
		return nil
	})
	if n := writesOn(t, bucket) - writesBefore - opsOn(t, bucket)["PUT ?tagging"]; n != 0 {
		t.Errorf("adopting a bucket that matches the spec made %d writes besides its default tags: %v", n, opsOn(t, bucket))
	}

	if policy == "adopt-or-create" {
		missing := e.newBucket("adopt", "missing", map[string]string{"services.k8s.aws/adoption-policy": policy})
		missing.Annotations["services.k8s.aws/adoption-fields"] = fmt.Sprintf(`{"name": %q}`, *missing.Spec.Name)
		e.Create(missing)
		created := e.waitReady(missing)
		if !bucketExists(t, *missing.Spec.Name) {
			t.Errorf("adopt-or-create did not create the missing bucket %s", *missing.Spec.Name)
		}
		if o := created.Status.ACKResourceMetadata; o == nil || o.Ownership != ackv1alpha1.OwnershipCreated {
			t.Errorf("ownership of the created bucket = %+v, want Created", o)
		}
	}
}

// writesOn counts the recorded calls on a bucket that are not reads.
func writesOn(t *testing.T, bucket string) int {
	t.Helper()
	n := 0
	for op, c := range opsOn(t, bucket) {
		if op != "HEAD" && op[:3] != "GET" {
			n += c
		}
	}
	return n
}
