package sqs

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestPolicyComparedAsJSON: a queue policy SQS holds with other spacing
// and key order than the spec's, and a lone action as a list (set here out
// of band, as AWS may return it), grants the same, so ten resyncs write
// nothing. (moto re-serializes a policy itself, so what it returns is never
// the spec's text.)
func TestPolicyComparedAsJSON(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "policy")
	q := e.newQueue("policy", "guarded")
	arn := "arn:aws:sqs:" + region + ":123456789012:" + aws.ToString(q.Spec.QueueName)
	q.Spec.Policy = aws.String(`{"Version":"2012-10-17","Statement":[{"Sid":"s","Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"` + arn + `"}]}`)
	e.Create(q)
	q = e.waitReady(q)
	url := aws.ToString(q.Status.QueueURL)
	same := `{
  "Statement": [ {"Resource": "` + arn + `", "Action": ["sqs:SendMessage"], "Principal": "*", "Effect": "Allow", "Sid": "s"} ],
  "Version": "2012-10-17"
}`
	calls, passes := e.callsOver(url, 1, func() { setAttribute(t, url, "Policy", same) })
	calls["SetQueueAttributes"]-- // the test's own
	for op, n := range calls {
		if n > 0 && !isRead(op) {
			t.Errorf("%d %s calls in %v resyncs of a policy that grants the same", n, op, passes)
		}
	}
	if got := attributes(t, url)["Policy"]; !containsAll(got, "sqs:SendMessage", arn) {
		t.Errorf("the policy in SQS after the resyncs: %q", got)
	}
	e.Delete(q)
	e.WaitGone(q)
}
