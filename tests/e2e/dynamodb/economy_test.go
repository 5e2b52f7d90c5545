package dynamodb

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestEconomy counts what ten resyncs of an unchanged table cost, through
// the controller's own metrics: no AWS writes, no status writes, and the
// reads of one observation per resync (the table and its tags). The controller runs with leader
// election, as the Helm chart deploys it.
func TestEconomy(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{
		Namespaces: []string{"economy"},
		Flags: []string{
			"--reconcile-resource-resync-seconds", "Table=1",
			"--enable-leader-election", "--leader-election-namespace", harness.PrefixFor(t) + "-economy",
		},
		// The Lease's Role comes from the chart too.
		Values: "leaderElection: {enabled: true, namespace: " + harness.PrefixFor(t) + "-economy}\n",
	})
	for _, path := range []string{"/healthz", "/readyz"} {
		harness.Eventually(t, wait, 200*time.Millisecond, func() error { return probe(e.Probes, path) })
	}

	tbl := e.newTable("economy", "steady", nil)
	e.Create(tbl)
	e.waitReady(tbl)
	// Settle: one full resync after Ready, so the baseline is steady state.
	synced := map[string]string{"kind": "Table", "result": "synced"}
	first := e.Scrape().Sum("kubesmith_reconciles_total", synced)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, first+1)

	var obj v1alpha1.Table
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(tbl), &obj); err != nil {
		t.Fatal(err)
	}
	start := e.Scrape()
	startedAt := time.Now()
	base := start.Sum("kubesmith_reconciles_total", map[string]string{"kind": "Table"})
	e.WaitMetricAtLeast("kubesmith_reconciles_total", map[string]string{"kind": "Table"}, base+10)
	end := e.Scrape()
	elapsed := time.Since(startedAt)

	passes := end.Sum("kubesmith_reconciles_total", map[string]string{"kind": "Table"}) - base
	if n := end.Sum("kubesmith_reconciles_total", synced) - start.Sum("kubesmith_reconciles_total", synced); n != passes {
		t.Errorf("%v of %v passes were not plain resyncs", passes-n, passes)
	}
	if n := writes(end) - writes(start); n != 0 {
		t.Errorf("%v AWS write calls in %v resyncs of an unchanged table\n%s", n, passes, end.String("kubesmith_aws_api_calls_total"))
	}
	var after v1alpha1.Table
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(tbl), &after); err != nil {
		t.Fatal(err)
	}
	if after.ResourceVersion != obj.ResourceVersion {
		t.Errorf("the object was written during %v unchanged resyncs (resourceVersion %s -> %s)", passes, obj.ResourceVersion, after.ResourceVersion)
	}
	readCalls := reads(end) - reads(start)
	t.Logf("economy: %v resyncs in %s: %v AWS reads (%.2f per resync), 0 writes, 0 status updates", passes, elapsed.Round(time.Millisecond), readCalls, readCalls/passes)
	// A DescribeTable and a ListTagsOfResource per resync: the tags are
	// not in the table's description. A pass can straddle a scrape (its
	// reads counted, its reconcile not yet), hence the margin of one pass.
	if readCalls < 2*(passes-1) || readCalls > 2*(passes+1) {
		t.Errorf("%v reads in %v resyncs, want two per resync", readCalls, passes)
	}
	for _, op := range []string{"DescribeTable", "ListTagsOfResource"} {
		if n := end.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": op}) - start.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": op}); n < passes-1 || n > passes+1 {
			t.Errorf("%v %s calls in %v resyncs, want one per resync", n, op, passes)
		}
	}
}

func probe(addr, path string) error {
	resp, err := http.Get("http://" + addr + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", path, resp.StatusCode)
	}
	return nil
}
