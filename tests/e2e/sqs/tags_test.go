package sqs

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTags: spec.tags reach SQS with the controller's default tags at
// create; a tag added, one changed and one removed in the spec reach SQS
// through TagQueue and UntagQueue (tags are not create-only); a tag removed
// out of band is put back at resync.
func TestTags(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "tags")
	q := e.newQueue("tags", "tagged")
	q.Spec.Tags = map[string]string{"team": "orders", "tier": "gold"}
	e.Create(q)
	q = e.waitReady(q)
	url := aws.ToString(q.Status.QueueURL)

	got := queueTags(t, url)
	version := got["services.k8s.aws/controller-version"]
	if !strings.HasPrefix(version, "sqs-") {
		t.Errorf("controller-version tag in SQS is %q, want sqs-<version>", version)
	}
	defaults := map[string]string{
		"services.k8s.aws/controller-version": version,
		"services.k8s.aws/namespace":          q.Namespace,
		"services.k8s.aws/name":               "tagged",
	}
	if want := with(defaults, q.Spec.Tags); !maps.Equal(got, want) {
		t.Errorf("tags in SQS after create = %v, want %v", got, want)
	}

	harness.Edit(e.Env, q, func(q *v1alpha1.Queue) {
		q.Spec.Tags = map[string]string{"team": "billing", "cost-center": "42"} // changed, added; tier removed
	})
	want := with(defaults, map[string]string{"team": "billing", "cost-center": "42"})
	waitTags(t, url, want)
	e.waitReady(q)

	if _, err := client().UntagQueue(context.Background(), &sqs.UntagQueueInput{QueueUrl: aws.String(url), TagKeys: []string{"team"}}); err != nil {
		t.Fatal(err)
	}
	waitTags(t, url, want)

	e.Delete(q)
	e.WaitGone(q)
}

func with(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

// waitTags waits until the queue's tags in SQS are exactly want.
func waitTags(t *testing.T, url string, want map[string]string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := queueTags(t, url); !maps.Equal(got, want) {
			return fmt.Errorf("tags in SQS = %v, want %v", got, want)
		}
		return nil
	})
}

func queueTags(t *testing.T, url string) map[string]string {
	t.Helper()
	out, err := client().ListQueueTags(context.Background(), &sqs.ListQueueTagsInput{QueueUrl: aws.String(url)})
	if err != nil {
		t.Fatalf("ListQueueTags %s: %v", url, err)
	}
	if out.Tags == nil {
		return map[string]string{}
	}
	return out.Tags
}
