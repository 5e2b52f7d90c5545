package dynamodb

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTerminal applies a spec that the CRD accepts and AWS refuses. The
// object turns Terminal with AWS's message, the controller does not retry
// it on its own, retries on an annotation change, and recovers when the
// spec is fixed. Argo CD's health check reads each state right, a Terminal
// error after Ready included.
func TestTerminal(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"terminal"}})
	bad := e.newTable("terminal", "bad", nil)
	bad.Spec.ProvisionedThroughput = nil // PROVISIONED needs it; only AWS says so
	e.Create(bad)

	got := e.waitFor(bad, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	msg := harness.Condition(got, "ACK.Terminal").Message
	if !strings.Contains(msg, "ValidationException") || !strings.Contains(msg, "ReadCapacityUnits and WriteCapacityUnits must both be specified") {
		t.Errorf("Terminal message %q lacks AWS's code and message", msg)
	}
	if c := harness.Condition(got, "Ready"); c.Status != metav1.ConditionFalse {
		t.Errorf("Ready = %s, want False", c.Status)
	}
	checkArgoHealth(t, got, "Degraded")
	e.WaitEvent(bad, "Terminal", "ReadCapacityUnits")

	// A barrier: once another table has gone from nothing to Ready, a hot
	// loop would have retried the bad one many times over.
	barrier := e.newTable("terminal", "barrier", nil)
	e.Create(barrier)
	e.waitReady(barrier)
	m := e.Scrape()
	refused := map[string]string{"operation": "CreateTable", "error_code": "ValidationException"}
	if n := m.Sum("kubesmith_aws_api_calls_total", refused); n != 1 {
		t.Errorf("AWS refused %v creates, want 1: the controller retried a Terminal error by itself\n%s", n, m.String("kubesmith_aws_api_calls_total"))
	}
	if n := m.Sum("kubesmith_reconciles_total", map[string]string{"kind": "Table", "result": "terminal"}); n != 1 {
		t.Errorf("%v terminal reconciles, want 1", n)
	}

	// An annotation change is a reason to try again.
	e.RequestCheck(bad)
	waitMetric(t, e, "kubesmith_aws_api_calls_total", refused, 2)

	// Fixing the spec fixes the object.
	e.editSpec(bad, func(s *v1alpha1.TableSpec) {
		s.ProvisionedThroughput = &v1alpha1.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(1), WriteCapacityUnits: aws.Int64(1)}
	})
	got = e.waitReady(bad)
	if c := harness.Condition(got, "ACK.Terminal"); c.Type != "" {
		t.Errorf("ACK.Terminal still present after the fix: %+v", c)
	}
	checkArgoHealth(t, got, "Healthy")
	if describe(t, *bad.Spec.TableName) == nil {
		t.Error("the fixed table is not in DynamoDB")
	}

	// Terminal again after Ready: Ready=False is older than ACK.Terminal
	// now, and must not hide it from Argo CD.
	e.Annotate(bad, map[string]string{"services.k8s.aws/deletion-policy": "keep"})
	got = e.waitFor(bad, "to be Terminal after Ready", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	checkArgoHealth(t, got, "Degraded")
}

// checkArgoHealth applies Argo CD's built-in health check for
// *.services.k8s.aws kinds: the first ACK.Terminal=True or Ready
// condition, in list order, decides.
func checkArgoHealth(t *testing.T, tbl *v1alpha1.Table, want string) {
	t.Helper()
	got := "Progressing"
	for _, c := range tbl.Status.Conditions {
		if c.Type == "ACK.Terminal" && c.Status == metav1.ConditionTrue {
			got = "Degraded"
			break
		}
		if c.Type == "Ready" {
			got = map[metav1.ConditionStatus]string{metav1.ConditionTrue: "Healthy", metav1.ConditionFalse: "Progressing"}[c.Status]
			break
		}
	}
	if got != want {
		t.Errorf("Argo CD health %s, want %s; conditions %s", got, want, harness.DescribeConditions(tbl))
	}
}
