package dynamodb

import (
	"fmt"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestThrottledCreate answers CreateTable with LimitExceededException, a
// client error in DynamoDB's model that is throttling: the object is
// Recoverable, never Terminal, the controller retries it by itself, and
// it becomes Ready once AWS lets the create through. (TestTerminal is
// the other class: a ValidationException from suite.Moto.)
func TestThrottledCreate(t *testing.T) {
	t.Parallel()
	faults := harness.StartFaults(t, suite.Moto.Endpoint())
	faults.Fail("CreateTable", 400, "LimitExceededException")
	e := startController(t, controllerOptions{Namespaces: []string{"throttled"}, Endpoint: faults.URL()})
	tbl := e.newTable("throttled", "busy", nil)
	e.Create(tbl)

	got := e.waitFor(tbl, "to be Recoverable", conditionIs("ACK.Recoverable", metav1.ConditionTrue))
	if c := harness.Condition(got, "ACK.Recoverable"); c.Reason != "LimitExceededException" {
		t.Errorf("Recoverable reason %q, want the AWS code", c.Reason)
	}
	if c := harness.Condition(got, "ACK.Terminal"); c.Type != "" {
		t.Errorf("throttling made the object Terminal: %+v", c)
	}
	checkArgoHealth(t, got, "Progressing")
	// Retried with backoff, with no change to the object.
	harness.Eventually(t, wait, 200*time.Millisecond, func() error {
		if n := e.Scrape().Sum("kubesmith_reconciles_total", map[string]string{"kind": "Table", "result": "recoverable"}); n < 2 {
			return fmt.Errorf("%v recoverable reconciles, want a retry", n)
		}
		return nil
	})
	if n := e.Scrape().Sum("kubesmith_reconciles_total", map[string]string{"kind": "Table", "result": "terminal"}); n != 0 {
		t.Errorf("%v terminal reconciles of a throttled create", n)
	}

	faults.Clear("CreateTable")
	e.waitReady(tbl)
	if describe(t, *tbl.Spec.TableName) == nil {
		t.Error("the table is not in DynamoDB")
	}
}
