package sqs

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateQueue kills the controller right after SQS made a
// queue and before the controller heard its URL. The restarted controller
// finds the queue by name (GetQueueUrl) instead of leaving the object
// Terminal: one queue, the object Ready and its owner, and deleting the
// object deletes it.
func TestKillAfterCreateQueue(t *testing.T) {
	t.Parallel()
	e, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateQueue")
	env := env{e}
	q := env.newQueue("kill", "orders")
	q.Spec.DelaySeconds = aws.String("4")
	env.Create(q)
	got := env.waitReady(q)
	if !killed() {
		t.Fatal("the controller was not killed after CreateQueue; the test did not test")
	}
	name := aws.ToString(q.Spec.QueueName)
	// moto's URLs name the host a call went to: the hook's, here.
	if urls := queuesNamed(t, region, name); len(urls) != 1 || path(t, urls[0]) != path(t, aws.ToString(got.Status.QueueURL)) {
		t.Fatalf("queues named %s in SQS: %v; want exactly the one in status, %q", name, urls, aws.ToString(got.Status.QueueURL))
	}
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %+v, want Created", md)
	}
	if n := createCalls(t, name); n != 1 {
		t.Errorf("%d CreateQueue calls for %s, want 1", n, name)
	}
	env.Delete(got)
	env.WaitGone(got)
	if queueExists(t, name) {
		t.Errorf("queue %s is left after its object was deleted", name)
	}
}

// TestAdoptQueueByName adopts a queue made outside Kubernetes, named only
// by adoption-fields {"queueName": ...}, under each adoption policy: no
// second CreateQueue; adopt makes the spec SQS's (delaySeconds 3 and
// visibilityTimeout 45 copied in, SQS unchanged); adopt-or-create fills
// only what the spec leaves empty, and the spec's delaySeconds 5 then
// reaches SQS.
func TestAdoptQueueByName(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"adopt"}})
	for _, c := range []struct {
		policy, wantDelay string
	}{
		{policy: "adopt", wantDelay: "3"},
		{policy: "adopt-or-create", wantDelay: "5"},
	} {
		t.Run(c.policy, func(t *testing.T) {
			t.Parallel()
			e := env{e.For(t)}
			q := e.newQueue("adopt", "legacy-"+c.policy)
			name := aws.ToString(q.Spec.QueueName)
			url := createQueueInAWS(t, name, map[string]string{"DelaySeconds": "3", "VisibilityTimeout": "45"})
			q.Spec.DelaySeconds = aws.String("5")
			q.Annotations = map[string]string{
				"services.k8s.aws/adoption-policy": c.policy,
				"services.k8s.aws/adoption-fields": fmt.Sprintf(`{"queueName": %q}`, name),
			}
			e.Create(q)
			got := harness.WaitFor(e.Env, q, "to be adopted and synced", func(q *v1alpha1.Queue) error {
				if md := q.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipAdopted {
					return fmt.Errorf("ownership %+v, want Adopted", md)
				}
				return harness.ConditionIs[*v1alpha1.Queue]("ACK.ResourceSynced", metav1.ConditionTrue)(q)
			})
			if aws.ToString(got.Status.QueueURL) != url {
				t.Errorf("status.queueURL %q, want the adopted queue's %q", aws.ToString(got.Status.QueueURL), url)
			}
			if d, v := aws.ToString(got.Spec.DelaySeconds), aws.ToString(got.Spec.VisibilityTimeout); d != c.wantDelay || v != "45" {
				t.Errorf("adopted spec: delaySeconds %q, visibilityTimeout %q; want %s and 45", d, v, c.wantDelay)
			}
			waitAttribute(t, url, "DelaySeconds", c.wantDelay)
			if n := createCalls(t, name); n != 1 {
				t.Errorf("%d CreateQueue calls for %s, want only the one that made it outside Kubernetes", n, name)
			}
		})
	}
}

// TestQueueReadOnlyThenManaged: an object that observed a queue does not
// own it once its read-only annotation goes. Read-only, it finds the queue
// by name and reports it; then it is Terminal, pointing at adoption, with
// no CreateQueue (which SQS answers with the existing queue's URL when the
// attributes match, a silent takeover), SQS unchanged, and deleting the
// object leaves the queue.
func TestQueueReadOnlyThenManaged(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"ro"}})
	q := e.newQueue("ro", "existing")
	name := aws.ToString(q.Spec.QueueName)
	url := createQueueInAWS(t, name, map[string]string{"DelaySeconds": "3"})
	q.Spec.DelaySeconds = aws.String("3")
	q.Annotations = map[string]string{"services.k8s.aws/read-only": "true"}
	e.Create(q)
	got := e.waitReady(q)
	if aws.ToString(got.Status.QueueURL) != url {
		t.Fatalf("read-only status.queueURL %q, want the existing queue's %q", aws.ToString(got.Status.QueueURL), url)
	}

	e.Annotate(q, map[string]string{"services.k8s.aws/read-only": ""})
	got = harness.WaitFor(e.Env, q, "to be Terminal", harness.ConditionIs[*v1alpha1.Queue]("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, "adoption-policy") {
		t.Errorf("Terminal message %q does not point to the adoption policy", msg)
	}
	if n := createCalls(t, name); n != 1 {
		t.Errorf("%d CreateQueue calls for %s, want only the one that made it outside Kubernetes", n, name)
	}
	if md := got.Status.ACKResourceMetadata; md != nil && md.Ownership != "" {
		t.Errorf("ownership %q after read-only: it never created or adopted the queue", md.Ownership)
	}
	e.Delete(got)
	e.WaitGone(got)
	if !queueExists(t, name) {
		t.Error("deleting the object deleted a queue it never owned")
	}
}

// TestQueueRegionAnnotationRemoved: a Queue made in eu-west-1 through its
// region annotation stays there when the annotation goes. The object turns
// Terminal, naming both regions; no queue appears in the controller's
// region; restoring the annotation makes it Ready, and deleting it deletes
// the queue where it lives.
func TestQueueRegionAnnotationRemoved(t *testing.T) {
	t.Parallel()
	const away = "eu-west-1"
	e := start(t, harness.ControllerOptions{Namespaces: []string{"moved"}})
	q := e.newQueue("moved", "away")
	q.Annotations = map[string]string{"services.k8s.aws/region": away}
	name := aws.ToString(q.Spec.QueueName)
	e.Create(q)
	e.waitReady(q)
	if n := len(queuesNamed(t, away, name)); n != 1 {
		t.Fatalf("%d queues named %s in %s, want 1", n, name, away)
	}

	e.Annotate(q, map[string]string{"services.k8s.aws/region": ""})
	got := harness.WaitFor(e.Env, q, "to be Terminal", harness.ConditionIs[*v1alpha1.Queue]("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, away) || !strings.Contains(msg, region) {
		t.Errorf("Terminal message %q does not name both regions", msg)
	}
	if n := len(queuesNamed(t, region, name)); n != 0 {
		t.Errorf("%d queues named %s appeared in %s after the region annotation went", n, name, region)
	}

	e.Annotate(q, map[string]string{"services.k8s.aws/region": away})
	e.waitReady(q)
	e.Delete(q)
	e.WaitGone(q)
	if n := len(queuesNamed(t, away, name)); n != 0 {
		t.Errorf("%d queues named %s left in %s after the object was deleted", n, name, away)
	}
}

// createQueueInAWS makes a queue behind the controller's back.
func createQueueInAWS(t *testing.T, name string, attrs map[string]string) string {
	t.Helper()
	out, err := client().CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		t.Fatalf("CreateQueue %s: %v", name, err)
	}
	return aws.ToString(out.QueueUrl)
}

// queuesNamed lists the URLs of the queues in region whose name is name.
func queuesNamed(t *testing.T, in, name string) []string {
	t.Helper()
	c := sqs.NewFromConfig(suite.Moto.AWSConfig(in))
	out, err := c.ListQueues(context.Background(), &sqs.ListQueuesInput{QueueNamePrefix: aws.String(name)})
	if err != nil {
		t.Fatalf("ListQueues %s in %s: %v", name, in, err)
	}
	var urls []string
	for _, u := range out.QueueUrls {
		if strings.HasSuffix(u, "/"+name) {
			urls = append(urls, u)
		}
	}
	return urls
}

// path is a queue URL's path: account and queue name.
func path(t *testing.T, queueURL string) string {
	t.Helper()
	u, err := url.Parse(queueURL)
	if err != nil {
		t.Fatalf("queue URL %q: %v", queueURL, err)
	}
	return u.Path
}

// createCalls counts the recorded CreateQueue calls naming the queue.
func createCalls(t *testing.T, name string) int {
	t.Helper()
	n := 0
	for _, c := range suite.Moto.Recording(t) {
		var body struct{ QueueName string }
		if c.Operation() == "CreateQueue" && json.Unmarshal(c.Body, &body) == nil && body.QueueName == name {
			n++
		}
	}
	return n
}
