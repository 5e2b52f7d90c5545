package sns

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controllers' --aws-region.
const region = "us-east-1"

// env is one test's running SNS controller; sqs is the SQS controller
// beside it, when the test started one.
type env struct {
	*harness.Env
	sqs *harness.Env
}

// start runs the SNS controller for this test, resyncing every object of
// the kinds named each second; withSQS runs the SQS controller beside it.
func start(t *testing.T, withSQS bool, namespaces []string, resync ...string) env {
	t.Helper()
	o := harness.ControllerOptions{Namespaces: namespaces, Region: region}
	for _, kind := range resync {
		o.Flags = append(o.Flags, "--reconcile-resource-resync-seconds", kind+"=1")
	}
	e := env{Env: suite.StartController(t, o)}
	if withSQS {
		e.sqs = e.StartPeer("sqs", o)
	}
	return e
}

func snsClient() *sns.Client { return sns.NewFromConfig(suite.Moto.AWSConfig(region)) }

func sqsClient() *sqs.Client { return sqs.NewFromConfig(suite.Moto.AWSConfig(region)) }

// notFound reports whether err is SNS's NotFound; another error fails
// the test.
func notFound(t *testing.T, call string, err error) bool {
	t.Helper()
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "NotFound" {
		return true
	}
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	return false
}

// topicAttributes reads a topic's attributes through the SDK; nil when
// SNS has no such topic.
func topicAttributes(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := snsClient().GetTopicAttributes(context.Background(), &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	if notFound(t, "GetTopicAttributes "+arn, err) {
		return nil
	}
	return out.Attributes
}

// subscriptionAttributes reads a subscription's attributes through the
// SDK; nil when SNS has no such subscription.
func subscriptionAttributes(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := snsClient().GetSubscriptionAttributes(context.Background(), &sns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(arn)})
	if notFound(t, "GetSubscriptionAttributes "+arn, err) {
		return nil
	}
	return out.Attributes
}

// applicationAttributes reads a platform application's attributes
// through the SDK; nil when SNS has no such application.
func applicationAttributes(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := snsClient().GetPlatformApplicationAttributes(context.Background(), &sns.GetPlatformApplicationAttributesInput{PlatformApplicationArn: aws.String(arn)})
	if notFound(t, "GetPlatformApplicationAttributes "+arn, err) {
		return nil
	}
	return out.Attributes
}

// waitAttribute waits until read's attributes hold name=want ("" for
// absent or empty).
func waitAttribute(t *testing.T, what string, read func() map[string]string, name, want string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := read()
		if got == nil {
			return fmt.Errorf("%s is gone", what)
		}
		if got[name] != want {
			return fmt.Errorf("%s has %s %q, want %q", what, name, got[name], want)
		}
		return nil
	})
}

// waitGoneInAWS waits until read finds nothing.
func waitGoneInAWS(t *testing.T, what string, read func() map[string]string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if read() != nil {
			return fmt.Errorf("%s is still in SNS", what)
		}
		return nil
	})
}

// opsOn counts the recorded SNS calls naming arn as the resource they
// act on, by operation, since the suite started. A subscription's ARN
// starts with its topic's, so a prefix match would mix the two.
func opsOn(t *testing.T, arn string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		for _, member := range []string{"TopicArn", "SubscriptionArn", "PlatformApplicationArn", "ResourceArn"} {
			if form.Get(member) == arn {
				counts[c.Operation()]++
				break
			}
		}
	}
	return counts
}

func isRead(op string) bool { return strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List") }

// metaIn names an object of the test in namespace ns.
func metaIn(ns, name string) metav1.ObjectMeta { return metav1.ObjectMeta{Name: name, Namespace: ns} }
