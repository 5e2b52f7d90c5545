package s3

import (
	"fmt"
	"testing"
	"time"

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
