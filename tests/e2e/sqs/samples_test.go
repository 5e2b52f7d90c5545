package sqs

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/sqs/samples/ as its header says, in one
// kubectl apply --validate=strict: each Queue becomes Ready, SQS has it
// with the sample's attributes and tags, and deleting the folder removes it.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"samples"}})
	objs := e.ApplySamples("samples")
	var names []string
	for _, o := range objs {
		q, ok := harness.WaitReady(e.Env, o).(*v1alpha1.Queue)
		if !ok {
			t.Fatalf("no check of a %T sample in SQS", o)
		}
		names = append(names, aws.ToString(q.Spec.QueueName))
		got := attributes(t, aws.ToString(q.Status.QueueURL))
		for name, want := range map[string]*string{"DelaySeconds": q.Spec.DelaySeconds, "VisibilityTimeout": q.Spec.VisibilityTimeout, "MessageRetentionPeriod": q.Spec.MessageRetentionPeriod} {
			if want != nil && got[name] != *want {
				t.Errorf("Queue sample %s: %s %q in SQS, want %q", q.Name, name, got[name], *want)
			}
		}
		tags := queueTags(t, aws.ToString(q.Status.QueueURL))
		for k, v := range q.Spec.Tags {
			if tags[k] != v {
				t.Errorf("Queue sample %s: tag %s=%q in SQS, want %q", q.Name, k, tags[k], v)
			}
		}
	}
	if len(names) == 0 {
		t.Fatal("the samples hold no Queue")
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, name := range names {
			if queueExists(t, name) {
				return fmt.Errorf("queue %s is still in SQS", name)
			}
		}
		return nil
	})
}
