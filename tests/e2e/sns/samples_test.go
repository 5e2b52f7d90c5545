package sns

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/sns/samples/ as its header says, in one
// kubectl apply --validate=strict, beside generated/sqs/samples/ (the
// Subscription sample subscribes the Queue sample): every object becomes
// Ready and SNS has each sample; deleting the folders removes them.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, true, []string{"samples"})
	queues := e.sqs.ApplySamples("samples")
	objs := e.ApplySamples("samples")
	var gone []func() map[string]string
	for _, o := range objs {
		switch o := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Topic:
			arn := aws.ToString(o.Status.TopicARN)
			gone = append(gone, e.checkSample(o.Name, "DisplayName", aws.ToString(o.Spec.DisplayName), func() map[string]string { return topicAttributes(t, arn) }))
		case *v1alpha1.Subscription:
			arn := aws.ToString(o.Status.SubscriptionARN)
			gone = append(gone, e.checkSample(o.Name, "Protocol", aws.ToString(o.Spec.Protocol), func() map[string]string { return subscriptionAttributes(t, arn) }))
		case *v1alpha1.PlatformApplication:
			arn := aws.ToString(o.Status.PlatformApplicationARN)
			gone = append(gone, e.checkSample(o.Name, "PlatformCredential", aws.ToString(o.Spec.PlatformCredential), func() map[string]string { return applicationAttributes(t, arn) }))
		default:
			t.Fatalf("no check of a %T sample in SNS", o)
		}
	}
	for _, q := range queues {
		harness.WaitReady(e.sqs, q)
	}
	e.DeleteSamples("samples", objs)
	e.sqs.DeleteSamples("samples", queues)
	for i, read := range gone {
		waitGoneInAWS(t, objs[i].GetName(), read)
	}
}

// checkSample fails the test unless read finds the sample in SNS with
// attribute name holding want; it returns read.
func (e env) checkSample(sample, name, want string, read func() map[string]string) func() map[string]string {
	e.T.Helper()
	if got := read(); got == nil || got[name] != want {
		e.T.Errorf("sample %s in SNS: %v, want %s %q", sample, got, name, want)
	}
	return read
}
