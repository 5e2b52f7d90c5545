package sns

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	sqsv1alpha1 "github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// fanOut is a Subscription of a Queue to a Topic, written for the
// incumbent's CRDs, in the order that needs the references: the
// Subscription names a Topic and a Queue that come after it. The queue's
// policy lets the topic send to it, as AWS needs (moto delivers without).
const fanOut = `
apiVersion: sns.services.k8s.aws/v1alpha1
kind: Subscription
metadata:
  name: orders-to-inbox
spec:
  topicRef: {from: {name: orders}}
  protocol: sqs
  endpointRef: {from: {name: inbox}}
  rawMessageDelivery: "true"
---
apiVersion: sns.services.k8s.aws/v1alpha1
kind: Topic
metadata:
  name: orders
spec:
  name: TOPIC
  displayName: Orders
---
apiVersion: sqs.services.k8s.aws/v1alpha1
kind: Queue
metadata:
  name: inbox
spec:
  queueName: QUEUE
  policy: |
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
     "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:REGION:123456789012:QUEUE",
     "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:REGION:123456789012:TOPIC"}}}]}
`

// TestFanOut applies a Subscription, its Topic and its Queue in one
// kubectl apply, the Subscription first: the SQS controller makes the
// queue, the SNS controller the topic and, once both references resolve,
// the subscription, and all three become Ready. A message published to
// the topic through the SDK arrives in the queue. Deleting the file
// removes all three from AWS.
func TestFanOut(t *testing.T) {
	t.Parallel()
	e := start(t, true, []string{"fan"})
	topicName, queueName := e.Unique("orders"), e.Unique("inbox")
	manifest := strings.NewReplacer("TOPIC", topicName, "QUEUE", queueName, "REGION", region).Replace(fanOut)
	file := filepath.Join(t.TempDir(), "fan-out.yaml")
	if err := os.WriteFile(file, []byte(manifest), 0o600); err != nil {
		t.Fatal(err)
	}
	e.Kubectl("apply", "--validate=strict", "-n", e.NS("fan"), "-f", file)

	ns := e.NS("fan")
	sub := harness.WaitReady(e.Env, &v1alpha1.Subscription{ObjectMeta: metaIn(ns, "orders-to-inbox")})
	topic := harness.WaitReady(e.Env, &v1alpha1.Topic{ObjectMeta: metaIn(ns, "orders")})
	queue := harness.WaitReady(e.sqs, &sqsv1alpha1.Queue{ObjectMeta: metaIn(ns, "inbox")})
	topicARN, queueARN := aws.ToString(topic.Status.TopicARN), aws.ToString(queue.Status.ACKResourceMetadata.ARN)
	attrs := subscriptionAttributes(t, aws.ToString(sub.Status.SubscriptionARN))
	if attrs["TopicArn"] != topicARN || attrs["Endpoint"] != queueARN || attrs["Protocol"] != "sqs" {
		t.Fatalf("subscription %s in SNS: %v, want topic %s to queue %s", aws.ToString(sub.Status.SubscriptionARN), attrs, topicARN, queueARN)
	}

	ctx := context.Background()
	if _, err := snsClient().Publish(ctx, &sns.PublishInput{TopicArn: aws.String(topicARN), Message: aws.String("order 42")}); err != nil {
		t.Fatal(err)
	}
	url, err := sqsClient().GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String(queueName)})
	if err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		out, err := sqsClient().ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: url.QueueUrl})
		if err != nil {
			return err
		}
		for _, m := range out.Messages {
			// rawMessageDelivery: the body is the message itself.
			if aws.ToString(m.Body) == "order 42" {
				return nil
			}
			return fmt.Errorf("queue %s received %q, want the raw message %q", queueName, aws.ToString(m.Body), "order 42")
		}
		return fmt.Errorf("queue %s has no message yet", queueName)
	})

	e.Kubectl("delete", "--wait=false", "-n", ns, "-f", file)
	for _, o := range []client.Object{sub, topic} {
		e.WaitGone(o)
	}
	e.sqs.WaitGone(queue)
	waitGoneInAWS(t, "topic "+topicARN, func() map[string]string { return topicAttributes(t, topicARN) })
	if _, err := sqsClient().GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String(queueName)}); err == nil {
		t.Errorf("queue %s is still in SQS after its Queue was deleted", queueName)
	}
}
