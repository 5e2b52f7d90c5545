package sqs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-east-1"

// env is one running SQS controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test in region.
func start(t *testing.T, o harness.ControllerOptions) env {
	t.Helper()
	o.Region = region
	return env{suite.StartController(t, o)}
}

// resyncs runs a controller that checks every Queue each second.
func resyncs(t *testing.T, ns string) env {
	return start(t, harness.ControllerOptions{Namespaces: []string{ns}, Flags: []string{"--reconcile-resource-resync-seconds", "Queue=1"}})
}

// newQueue is a Queue in the test's namespace ns, called name in Kubernetes
// and by a unique name in SQS.
func (e env) newQueue(ns, name string) *v1alpha1.Queue {
	return &v1alpha1.Queue{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec:       v1alpha1.QueueSpec{QueueName: aws.String(e.Unique(name))},
	}
}

func (e env) waitReady(q *v1alpha1.Queue) *v1alpha1.Queue { return harness.WaitReady(e.Env, q) }

func client() *sqs.Client { return sqs.NewFromConfig(suite.Moto.AWSConfig(region)) }

// attributes reads every attribute of the queue through the SDK.
func attributes(t *testing.T, url string) map[string]string {
	t.Helper()
	out, err := client().GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(url), AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameAll},
	})
	if err != nil {
		t.Fatalf("GetQueueAttributes %s: %v", url, err)
	}
	return out.Attributes
}

// waitAttribute waits until the queue's attribute name is want in SQS.
func waitAttribute(t *testing.T, url, name, want string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := attributes(t, url)[name]; got != want {
			return fmt.Errorf("%s of %s in SQS is %q, want %q", name, url, got, want)
		}
		return nil
	})
}

// setAttribute changes one attribute behind the controller's back.
func setAttribute(t *testing.T, url, name, value string) {
	t.Helper()
	if _, err := client().SetQueueAttributes(context.Background(), &sqs.SetQueueAttributesInput{
		QueueUrl: aws.String(url), Attributes: map[string]string{name: value},
	}); err != nil {
		t.Fatalf("SetQueueAttributes %s %s=%s: %v", url, name, value, err)
	}
}

// queueExists asks SQS for the queue's URL by name.
func queueExists(t *testing.T, name string) bool {
	t.Helper()
	_, err := client().GetQueueUrl(context.Background(), &sqs.GetQueueUrlInput{QueueName: aws.String(name)})
	var ae smithy.APIError
	if errors.As(err, &ae) && (ae.ErrorCode() == "AWS.SimpleQueueService.NonExistentQueue" || ae.ErrorCode() == "QueueDoesNotExist") {
		return false
	}
	if err != nil {
		t.Fatalf("GetQueueUrl %s: %v", name, err)
	}
	return true
}

// opsOn counts the recorded calls naming the queue URL since the suite
// started, by operation.
func opsOn(t *testing.T, url string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		var body struct{ QueueUrl string }
		if json.Unmarshal(c.Body, &body) == nil && body.QueueUrl == url {
			counts[c.Operation()]++
		}
	}
	return counts
}

// isRead says whether an SQS operation only reads.
func isRead(op string) bool { return strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List") }

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// callsOver runs act, then counts the calls on the queue from before act
// over ten more resyncs of each of the controller's objects Queues, by
// operation, and how many resyncs of each that was: the reconcile metric
// counts the passes of every Queue of the controller.
func (e env) callsOver(url string, objects int, act func()) (calls map[string]int, passes float64) {
	e.T.Helper()
	all := map[string]string{"kind": "Queue"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, url)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	act()
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10*float64(objects))
	after := opsOn(e.T, url)
	passes = (e.Scrape().Sum("kubesmith_reconciles_total", all) - base) / float64(objects)
	calls = map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			calls[op] = d
		}
	}
	return calls, passes
}

// checkEconomy counts, with moto's recorder, what an unchanged queue costs
// over ten resyncs, objects being how many Queues the controller has: no
// writes, and each of reads once per resync, and nothing else.
func (e env) checkEconomy(url string, objects int, reads ...string) {
	e.T.Helper()
	calls, passes := e.callsOver(url, objects, func() {})
	e.T.Logf("economy sqs Queue: %.1f calls per resync: %v", float64(total(calls))/passes, calls)
	for op, n := range calls {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged Queue", n, op, passes)
		}
	}
	for _, op := range reads {
		// A pass can straddle a count: a margin of one pass.
		if n := calls[op]; float64(n) < passes-1 || float64(n) > passes+1 {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged Queue, want one per resync", n, op, passes)
		}
	}
	if n := total(calls); float64(n) > float64(len(reads))*(passes+1) {
		e.T.Errorf("%d calls in %v resyncs of an unchanged Queue, want only %v once each: %v", n, passes, reads, calls)
	}
}
