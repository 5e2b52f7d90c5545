package sns

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// topicManifest is a Topic written for the incumbent's CRD.
const topicManifest = `
apiVersion: sns.services.k8s.aws/v1alpha1
kind: Topic
metadata:
  name: orders
spec:
  name: NAME
  displayName: Orders
  tags:
  - key: team
    value: shop
`

// newTopic is topicManifest in the test's namespace ns, named name in SNS.
func (e env) newTopic(ns, name string) *v1alpha1.Topic {
	e.T.Helper()
	var tp v1alpha1.Topic
	if err := yaml.UnmarshalStrict([]byte(topicManifest), &tp); err != nil {
		e.T.Fatalf("the topic manifest: %v", err)
	}
	tp.Namespace, tp.Spec.Name = e.NS(ns), aws.String(name)
	return &tp
}

// TestTopic applies a Topic: it becomes Ready and SNS has it with its
// display name and tag; ten unchanged resyncs cost one
// GetTopicAttributes and one ListTagsForResource each and no write; a
// changed displayName and a changed tag reach SNS, a displayName changed
// out of band is put back; deleting the object deletes the topic.
func TestTopic(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"topic"}, "Topic")
	tp := e.newTopic("topic", e.Unique("orders"))
	e.Create(tp)
	ready := harness.WaitReady(e.Env, tp)
	arn := aws.ToString(ready.Status.TopicARN)
	read := func() map[string]string { return topicAttributes(t, arn) }
	attrs := read()
	if attrs == nil || attrs["DisplayName"] != "Orders" {
		t.Fatalf("topic %s in SNS: %v, want DisplayName Orders", arn, attrs)
	}
	if team := topicTag(t, arn, "team"); team != "shop" {
		t.Errorf("topic %s has tag team=%q, want shop", arn, team)
	}

	e.checkEconomy("Topic", arn, "GetTopicAttributes", "ListTagsForResource")

	harness.Edit(e.Env, ready, func(tp *v1alpha1.Topic) { tp.Spec.DisplayName = aws.String("Orders 2") })
	waitAttribute(t, "topic "+arn, read, "DisplayName", "Orders 2")
	harness.Edit(e.Env, ready, func(tp *v1alpha1.Topic) { tp.Spec.Tags[0].Value = aws.String("shop-2") })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if team := topicTag(t, arn, "team"); team != "shop-2" {
			return fmt.Errorf("topic %s has tag team=%q, want shop-2", arn, team)
		}
		return nil
	})

	if _, err := snsClient().SetTopicAttributes(context.Background(), &sns.SetTopicAttributesInput{
		TopicArn: aws.String(arn), AttributeName: aws.String("DisplayName"), AttributeValue: aws.String("changed by hand"),
	}); err != nil {
		t.Fatal(err)
	}
	waitAttribute(t, "topic "+arn, read, "DisplayName", "Orders 2")

	e.Delete(ready)
	waitGoneInAWS(t, "topic "+arn, read)
	e.WaitGone(ready)
}

// topicTag is the value of a topic's tag key, "" when it has none.
func topicTag(t *testing.T, arn, key string) string {
	t.Helper()
	out, err := snsClient().ListTagsForResource(context.Background(), &sns.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListTagsForResource %s: %v", arn, err)
	}
	for _, tag := range out.Tags {
		if aws.ToString(tag.Key) == key {
			return aws.ToString(tag.Value)
		}
	}
	return ""
}
