package dynamodb

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestRetain deletes objects whose deletion policy is retain, on the object
// and on its namespace: the objects go, the tables stay.
func TestRetain(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"retain", "retain-ns"}})
	e.AnnotateNamespace("retain-ns", map[string]string{"services.k8s.aws/deletion-policy": "retain"})
	byObject := e.newTable("retain", "kept", map[string]string{"services.k8s.aws/deletion-policy": "retain"})
	byNamespace := e.newTable("retain-ns", "kept-too", nil)
	for _, tbl := range []*v1alpha1.Table{byObject, byNamespace} {
		e.Create(tbl)
		e.waitReady(tbl)
		if err := e.K.Delete(context.Background(), tbl); err != nil {
			t.Fatal(err)
		}
		e.WaitGone(tbl)
		if describe(t, *tbl.Spec.TableName) == nil {
			t.Errorf("deleting %s/%s deleted table %s despite the retain policy", tbl.Namespace, tbl.Name, *tbl.Spec.TableName)
		}
		e.WaitEvent(tbl, "Retained", "deletion-policy retain")
	}
}

// TestReadOnly points read-only objects at a table made outside Kubernetes
// and at a missing one: the controller publishes what it reads and never
// writes to AWS, not even when the object is deleted.
func TestReadOnly(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"readonly"}})
	existing := e.table("existing")
	createTableInAWS(t, existing, types.BillingModeProvisioned)

	ro := map[string]string{"services.k8s.aws/read-only": "true"}
	tbl := e.newTable("readonly", "existing", ro)
	tbl.Spec.ProvisionedThroughput.ReadCapacityUnits = aws.Int64(10) // AWS has 5
	missing := e.newTable("readonly", "missing", ro)
	e.Create(tbl)
	e.Create(missing)

	got := e.waitReady(tbl)
	desc := describe(t, existing)
	if aws.ToString(got.Status.ACKResourceMetadata.ARN) != aws.ToString(desc.TableArn) || aws.ToString(got.Status.TableStatus) != "ACTIVE" {
		t.Errorf("status not published: metadata %+v, tableStatus %v", got.Status.ACKResourceMetadata, got.Status.TableStatus)
	}
	if c := harness.Condition(got, "ACK.ResourceSynced"); c.Status != metav1.ConditionFalse || !strings.Contains(c.Message, "provisionedThroughput.readCapacityUnits") {
		t.Errorf("ACK.ResourceSynced = %s %q, want False naming the difference", c.Status, c.Message)
	}
	e.waitFor(missing, "to report the table missing", conditionIs("Ready", metav1.ConditionFalse))
	if slices.Contains(tableNames(t, region, ""), e.table("missing")) {
		t.Error("a read-only object created its table")
	}

	for _, obj := range []*v1alpha1.Table{tbl, missing} {
		if err := e.K.Delete(context.Background(), obj); err != nil {
			t.Fatal(err)
		}
		e.WaitGone(obj)
	}
	if d := describe(t, existing); d == nil || aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits) != 5 {
		t.Errorf("the read-only table changed or went: %+v", d)
	}
	if n := writes(e.Scrape()); n != 0 {
		t.Errorf("read-only objects made %v AWS write calls:\n%s", n, e.Scrape().String("kubesmith_aws_api_calls_total"))
	}
}

// TestAdoption adopts a table made outside Kubernetes, and shows that
// without an adoption policy the controller never takes over or deletes
// a table it did not create.
func TestAdoption(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"adopt"}})
	legacy, foreign := e.table("legacy"), e.table("foreign")
	createTableInAWS(t, legacy, types.BillingModeProvisioned)
	createTableInAWS(t, foreign, types.BillingModeProvisioned)

	// The manifest asks for 10 read units, AWS has 5: adopt makes the spec
	// AWS's rather than changing AWS.
	adopted := e.newTable("adopt", "legacy", map[string]string{"services.k8s.aws/adoption-policy": "adopt"})
	adopted.Spec.ProvisionedThroughput.ReadCapacityUnits = aws.Int64(10)
	e.Create(adopted)
	got := e.waitReady(adopted)
	if n := aws.ToInt64(got.Spec.ProvisionedThroughput.ReadCapacityUnits); n != 5 {
		t.Errorf("adopted spec readCapacityUnits %d, want AWS's 5", n)
	}
	if n := aws.ToInt64(describe(t, legacy).ProvisionedThroughput.ReadCapacityUnits); n != 5 {
		t.Errorf("adoption changed the table in AWS: read capacity %d", n)
	}
	if aws.ToString(got.Status.ACKResourceMetadata.ARN) != aws.ToString(describe(t, legacy).TableArn) {
		t.Errorf("status ARN %v", got.Status.ACKResourceMetadata.ARN)
	}
	e.WaitEvent(adopted, "Adopted", legacy)

	// An on-demand table: DynamoDB reports its throughput as {0, 0}, which
	// is AWS's "unset" and below the CRD's minimum of 1; the adopted spec
	// leaves it out rather than being refused by the API server.
	onDemand := e.table("ondemand")
	createTableInAWS(t, onDemand, types.BillingModePayPerRequest)
	od := e.newTable("adopt", "ondemand", map[string]string{"services.k8s.aws/adoption-policy": "adopt"})
	od.Spec.BillingMode, od.Spec.ProvisionedThroughput = nil, nil
	e.Create(od)
	got = e.waitReady(od)
	if m := aws.ToString(got.Spec.BillingMode); m != "PAY_PER_REQUEST" || got.Spec.ProvisionedThroughput != nil {
		t.Errorf("adopted on-demand spec: billingMode %q, provisionedThroughput %+v; want PAY_PER_REQUEST and none", m, got.Spec.ProvisionedThroughput)
	}
	if m := billingMode(describe(t, onDemand)); m != types.BillingModePayPerRequest {
		t.Errorf("adoption changed the on-demand table in AWS: billing mode %q", m)
	}

	// No adoption policy: Terminal, and the table is left alone.
	intruder := e.newTable("adopt", "foreign", nil)
	intruder.Spec.ProvisionedThroughput.ReadCapacityUnits = aws.Int64(20)
	e.Create(intruder)
	got = e.waitFor(intruder, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, "services.k8s.aws/adoption-policy") {
		t.Errorf("Terminal message %q does not say how to adopt", msg)
	}
	if err := e.K.Delete(context.Background(), intruder); err != nil {
		t.Fatal(err)
	}
	e.WaitGone(intruder)
	if d := describe(t, foreign); d == nil || aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits) != 5 {
		t.Errorf("a table the object never owned was changed or deleted: %+v", d)
	}
	m := e.Scrape()
	for _, op := range []string{"CreateTable", "UpdateTable", "DeleteTable"} {
		if n := m.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": op}); n != 0 {
			t.Errorf("%v %s calls, want none", n, op)
		}
	}
}

// TestPaused: a paused object is left alone, and picks up where it left
// off once the annotation goes.
func TestPaused(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"paused"}})
	tbl := e.newTable("paused", "later", map[string]string{"services.k8s.aws/paused": "true"})
	e.Create(tbl)
	got := e.waitFor(tbl, "to report the pause", conditionIs("ACK.ResourceSynced", metav1.ConditionFalse))
	if c := harness.Condition(got, "ACK.ResourceSynced"); c.Reason != "Paused" {
		t.Errorf("ACK.ResourceSynced reason %q, want Paused", c.Reason)
	}
	barrier := e.newTable("paused", "barrier", nil)
	e.Create(barrier)
	e.waitReady(barrier)
	if describe(t, *tbl.Spec.TableName) != nil {
		t.Fatal("a paused object created its table")
	}
	e.Annotate(tbl, map[string]string{"services.k8s.aws/paused": ""})
	e.waitReady(tbl)
	if describe(t, *tbl.Spec.TableName) == nil {
		t.Error("the table is missing after the pause ended")
	}
}

// TestReadOnlyThenManaged: an object that only observed a table does not
// own it once its read-only annotation goes. It goes through the adoption
// rules like any existing table: Terminal, the table unchanged, and
// deleting the object leaves it; adopting it is the way to manage it.
func TestReadOnlyThenManaged(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"ro"}})
	existing := e.table("existing")
	createTableInAWS(t, existing, types.BillingModeProvisioned)
	tbl := e.newTable("ro", "existing", map[string]string{"services.k8s.aws/read-only": "true"})
	tbl.Spec.ProvisionedThroughput.ReadCapacityUnits = aws.Int64(10) // AWS has 5
	e.Create(tbl)
	e.waitReady(tbl)

	e.Annotate(tbl, map[string]string{"services.k8s.aws/read-only": ""})
	got := e.waitFor(tbl, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, "adoption-policy") {
		t.Errorf("Terminal message %q does not point to the adoption policy", msg)
	}
	if d := describe(t, existing); aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits) != 5 {
		t.Errorf("the table was changed without adoption: %d read units", aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits))
	}

	if err := e.K.Delete(context.Background(), got); err != nil {
		t.Fatal(err)
	}
	e.WaitGone(tbl)
	if describe(t, existing) == nil {
		t.Error("deleting the object deleted a table it never owned")
	}
}
