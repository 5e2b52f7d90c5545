package sns

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSubscription subscribes a queue made through the SDK (by its ARN in
// endpoint, as the incumbent's manifests do) to a Topic named by topicRef:
// the Subscription becomes Ready and SNS has it with rawMessageDelivery;
// ten unchanged resyncs cost one GetSubscriptionAttributes each and no
// write; changed rawMessageDelivery and filterPolicy reach SNS, and
// rawMessageDelivery changed out of band is put back; deleting the object
// unsubscribes.
func TestSubscription(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"sub"}, "Subscription")
	ctx := context.Background()
	q, err := sqsClient().CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(e.Unique("inbox"))})
	if err != nil {
		t.Fatal(err)
	}
	qa, err := sqsClient().GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
	if err != nil {
		t.Fatal(err)
	}
	tp := e.newTopic("sub", e.Unique("orders"))
	e.Create(tp)
	s := &v1alpha1.Subscription{
		ObjectMeta: metav1.ObjectMeta{Name: "inbox", Namespace: e.NS("sub")},
		Spec: v1alpha1.SubscriptionSpec{
			TopicRef:           &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String(tp.Name)}},
			Protocol:           aws.String("sqs"),
			Endpoint:           aws.String(qa.Attributes["QueueArn"]),
			RawMessageDelivery: aws.String("true"),
		},
	}
	e.Create(s)
	ready := harness.WaitReady(e.Env, s)
	arn := aws.ToString(ready.Status.SubscriptionARN)
	read := func() map[string]string { return subscriptionAttributes(t, arn) }
	attrs := read()
	topicARN := aws.ToString(harness.WaitReady(e.Env, tp).Status.TopicARN)
	if attrs == nil || attrs["TopicArn"] != topicARN || attrs["Endpoint"] != qa.Attributes["QueueArn"] || attrs["RawMessageDelivery"] != "true" {
		t.Fatalf("subscription %s in SNS: %v, want topic %s, endpoint %s, RawMessageDelivery true", arn, attrs, topicARN, qa.Attributes["QueueArn"])
	}

	e.checkEconomy("Subscription", arn, "GetSubscriptionAttributes")

	harness.Edit(e.Env, ready, func(s *v1alpha1.Subscription) {
		s.Spec.RawMessageDelivery = aws.String("false")
		s.Spec.FilterPolicy = aws.String(`{"kind": ["order"]}`)
	})
	waitAttribute(t, "subscription "+arn, read, "RawMessageDelivery", "false")
	waitAttribute(t, "subscription "+arn, read, "FilterPolicy", `{"kind": ["order"]}`)

	if _, err := snsClient().SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{
		SubscriptionArn: aws.String(arn), AttributeName: aws.String("RawMessageDelivery"), AttributeValue: aws.String("true"),
	}); err != nil {
		t.Fatal(err)
	}
	waitAttribute(t, "subscription "+arn, read, "RawMessageDelivery", "false")

	e.Delete(ready)
	waitGoneInAWS(t, "subscription "+arn, read)
	e.WaitGone(ready)
	e.Delete(tp)
	e.WaitGone(tp)
}
