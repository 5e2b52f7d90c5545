package dynamodb

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// changeCapacityInAWS changes a table behind the controller's back.
func changeCapacityInAWS(t *testing.T, name string, units int64) {
	t.Helper()
	_, err := ddb(region, "").UpdateTable(context.Background(), &dynamodb.UpdateTableInput{
		TableName:             aws.String(name),
		ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(units), WriteCapacityUnits: aws.Int64(5)},
	})
	if err != nil {
		t.Fatalf("UpdateTable %s: %v", name, err)
	}
}

func waitCapacity(t *testing.T, name string, want int64) {
	t.Helper()
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		if got := aws.ToInt64(describe(t, name).ProvisionedThroughput.ReadCapacityUnits); got != want {
			return fmt.Errorf("read capacity of %s is %d, want %d", name, got, want)
		}
		return nil
	})
}

// TestDrift changes a table in AWS behind the controller's back; with a
// short resync period the controller puts it back, says so in an event,
// in the status and in a metric.
func TestDrift(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"drift"}, Flags: []string{"--reconcile-resource-resync-seconds", "Table=2"}})
	tbl := e.newTable("drift", "orders", nil)
	name := *tbl.Spec.TableName
	e.Create(tbl)
	e.waitReady(tbl)
	// Late initialization in the create pass changes the spec, which
	// starts one more pass; a change in AWS before that pass has read a
	// fresh object would be judged against a status not yet stored, and
	// reported as an update.
	e.WaitMetricAtLeast("kubesmith_reconciles_total", map[string]string{"kind": "Table", "result": "synced"}, 1)

	changeCapacityInAWS(t, name, 9)
	waitCapacity(t, name, 5)

	ev := e.WaitEvent(tbl, "DriftCorrected", "provisionedThroughput")
	if !strings.Contains(ev, "readCapacityUnits") {
		t.Errorf("the drift event does not name the field: %q", ev)
	}
	got := e.waitFor(tbl, "to record the drift", func(tb *v1alpha1.Table) error {
		if tb.Status.LastDrift == nil {
			return fmt.Errorf("no status.lastDrift")
		}
		return nil
	})
	if d := got.Status.LastDrift; !slices.Contains(d.Fields, "provisionedThroughput.readCapacityUnits") || d.CorrectedAt.IsZero() {
		t.Errorf("status.lastDrift = %+v, want provisionedThroughput.readCapacityUnits and a time", d)
	}
	e.waitReady(tbl)
	if n := e.Scrape().Sum("kubesmith_drift_corrections_total", map[string]string{"kind": "Table"}); n != 1 {
		t.Errorf("kubesmith_drift_corrections_total{kind=Table} = %v, want 1", n)
	}
}

// TestOnDemandCheck uses the default 10-hour resync: a drift is only put
// back when reconcile-requested-at asks for a check.
func TestOnDemandCheck(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"ondemand"}})
	tbl := e.newTable("ondemand", "orders", nil)
	name := *tbl.Spec.TableName
	e.Create(tbl)
	e.waitReady(tbl)
	// Late initialization in the create pass changes the spec, which
	// starts one more pass; a change in AWS before that pass has read a
	// fresh object would be judged against a status not yet stored, and
	// reported as an update.
	e.WaitMetricAtLeast("kubesmith_reconciles_total", map[string]string{"kind": "Table", "result": "synced"}, 1)

	changeCapacityInAWS(t, name, 9)
	e.RequestCheck(tbl)
	waitCapacity(t, name, 5)
	e.WaitEvent(tbl, "DriftCorrected", "provisionedThroughput.readCapacityUnits")
}
