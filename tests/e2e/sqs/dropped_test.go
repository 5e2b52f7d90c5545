package sqs

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestDroppedAttributeGetsDefault: a Queue created with delaySeconds 5,
// visibilityTimeout 45 and a redrivePolicy, whose spec then drops
// delaySeconds and the redrive policy, gets SQS's defaults back (0, no
// dead-letter queue) through one SetQueueAttributes, while
// visibilityTimeout, still in the spec, stays 45; once the default is
// back, the dropped attribute is no opinion again: an out-of-band delay
// stays over ten resyncs, which send no write.
func TestDroppedAttributeGetsDefault(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "dropped")
	dlq := e.newQueue("dropped", "dead-letters")
	e.Create(dlq)
	dlq = e.waitReady(dlq)

	q := e.newQueue("dropped", "orders")
	q.Spec.DelaySeconds = aws.String("5")
	q.Spec.VisibilityTimeout = aws.String("45")
	q.Spec.RedrivePolicy = aws.String(`{"deadLetterTargetArn": "` + aws.ToString(dlq.Status.QueueARN) + `", "maxReceiveCount": 3}`)
	e.Create(q)
	q = e.waitReady(q)
	url := aws.ToString(q.Status.QueueURL)
	if got := attributes(t, url); got["DelaySeconds"] != "5" || got["RedrivePolicy"] == "" {
		t.Fatalf("queue in SQS after create: DelaySeconds %q, RedrivePolicy %q; want 5 and the dead-letter queue", got["DelaySeconds"], got["RedrivePolicy"])
	}

	harness.Edit(e.Env, q, func(q *v1alpha1.Queue) {
		q.Spec.DelaySeconds = nil
		q.Spec.RedrivePolicy = nil
	})
	waitAttribute(t, url, "DelaySeconds", "0")
	waitAttribute(t, url, "RedrivePolicy", "")
	e.waitReady(q)
	if got := attributes(t, url)["VisibilityTimeout"]; got != "45" {
		t.Errorf("VisibilityTimeout after dropping other attributes: %q, want 45", got)
	}

	setAttribute(t, url, "DelaySeconds", "9")
	calls, passes := e.callsOver(url, 2, func() {})
	if n := calls["SetQueueAttributes"]; n > 0 {
		t.Errorf("%d SetQueueAttributes in %v resyncs after the default came back, want none: %v", n, passes, calls)
	}
	if got := attributes(t, url)["DelaySeconds"]; got != "9" {
		t.Errorf("DelaySeconds set out of band after the spec dropped it: %q, want 9 kept (no opinion)", got)
	}
}
