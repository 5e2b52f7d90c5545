package sqs

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestQueue is issue 13's acceptance test: a Queue with delaySeconds 5 and
// a redrivePolicy naming a second Queue's ARN, read from that Queue's
// status, is created with both; delaySeconds changed to 7 reaches SQS; 9
// set out of band is put back at resync; ten unchanged resyncs cost one
// GetQueueAttributes and one ListQueueTags each and no write (the redrive
// policy's maxReceiveCount, written as a string, comes back a number and
// is no drift); deleting it removes the queue.
func TestQueue(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "queue")
	dlq := e.newQueue("queue", "dead-letters")
	e.Create(dlq)
	dlq = e.waitReady(dlq)
	dlqARN := aws.ToString(dlq.Status.QueueARN)
	if dlqARN == "" || dlq.Status.ACKResourceMetadata == nil || aws.ToString(dlq.Status.ACKResourceMetadata.ARN) != dlqARN {
		t.Fatalf("dead-letter queue's status: queueARN %q, metadata %+v; want the ARN in both", dlqARN, dlq.Status.ACKResourceMetadata)
	}

	q := e.newQueue("queue", "orders")
	q.Spec.DelaySeconds = aws.String("5")
	q.Spec.RedrivePolicy = aws.String(`{"deadLetterTargetArn": "` + dlqARN + `", "maxReceiveCount": "3"}`) // SQS answers 3, a number
	e.Create(q)
	q = e.waitReady(q)
	url := aws.ToString(q.Status.QueueURL)
	got := attributes(t, url)
	if got["DelaySeconds"] != "5" || !containsAll(got["RedrivePolicy"], dlqARN, "maxReceiveCount") {
		t.Fatalf("queue in SQS after create: DelaySeconds %q, RedrivePolicy %q; want 5 and the dead-letter queue", got["DelaySeconds"], got["RedrivePolicy"])
	}
	if aws.ToString(q.Status.QueueARN) != got["QueueArn"] {
		t.Errorf("status.queueARN %q, SQS says %q", aws.ToString(q.Status.QueueARN), got["QueueArn"])
	}

	harness.Edit(e.Env, q, func(q *v1alpha1.Queue) { q.Spec.DelaySeconds = aws.String("7") })
	waitAttribute(t, url, "DelaySeconds", "7")
	e.waitReady(q)

	setAttribute(t, url, "DelaySeconds", "9")
	waitAttribute(t, url, "DelaySeconds", "7")
	e.waitReady(q)

	e.checkEconomy(url, 2, "GetQueueAttributes", "ListQueueTags") // the dead-letter queue resyncs too
	if got := attributes(t, url); !containsAll(got["RedrivePolicy"], dlqARN) {
		t.Errorf("RedrivePolicy after the resyncs: %q", got["RedrivePolicy"])
	}

	for _, obj := range []*v1alpha1.Queue{q, dlq} {
		e.Delete(obj)
		e.WaitGone(obj)
		if queueExists(t, aws.ToString(obj.Spec.QueueName)) {
			t.Errorf("queue %s is still in SQS after its Queue is gone", aws.ToString(obj.Spec.QueueName))
		}
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return s != ""
}
