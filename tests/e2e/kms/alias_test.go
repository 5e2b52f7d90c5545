package kms

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// aliasTarget is the key an alias points at in KMS, "" when there is no
// such alias.
func aliasTarget(t *testing.T, name string) string {
	t.Helper()
	p := kms.NewListAliasesPaginator(client(), &kms.ListAliasesInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListAliases: %v", err)
		}
		for _, a := range out.Aliases {
			if aws.ToString(a.AliasName) == name {
				return aws.ToString(a.TargetKeyId)
			}
		}
	}
	return ""
}

// TestAlias: an Alias naming a Key by reference points at that key;
// pointing it at a second Key retargets it (UpdateAlias); retargeted
// outside, it is put back at the next resync; deleted, it is gone from
// KMS. Ten unchanged resyncs cost one ListAliases each and no writes.
func TestAlias(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "alias")
	ctx := context.Background()
	first, second := e.newKey("alias", "first"), e.newKey("alias", "second")
	e.Create(first)
	e.Create(second)
	first, second = harness.WaitReady(e.Env, first), harness.WaitReady(e.Env, second)
	firstID, secondID := aws.ToString(first.Status.KeyID), aws.ToString(second.Status.KeyID)
	name := "alias/" + e.Unique("main")
	a := &v1alpha1.Alias{
		ObjectMeta: metav1.ObjectMeta{Name: "main", Namespace: e.NS("alias")},
		Spec:       v1alpha1.AliasSpec{Name: aws.String(name), TargetKeyRef: ref("first")},
	}
	e.Create(a)
	harness.WaitReady(e.Env, a)
	if got := aliasTarget(t, name); got != firstID {
		t.Fatalf("alias %s targets %q, want the first key %s", name, got, firstID)
	}

	harness.Edit(e.Env, a, func(a *v1alpha1.Alias) { a.Spec.TargetKeyRef = ref("second") })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := aliasTarget(t, name); got != secondID {
			return fmt.Errorf("alias targets %q, want the second key %s", got, secondID)
		}
		return nil
	})
	harness.WaitReady(e.Env, a)

	// Economy: ten resyncs of the unchanged alias, counted by the
	// controller's own calls (ListAliases names no alias in its request).
	all := map[string]string{"kind": "Alias"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	calls := func() (lists, writes float64) {
		e.Scrape().Each("kubesmith_aws_api_calls_total", func(labels map[string]string, v float64) {
			switch op := labels["operation"]; {
			case op == "ListAliases":
				lists += v
			case !isRead(op):
				writes += v
			}
		})
		return lists, writes
	}
	lists0, writes0 := calls()
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	lists1, writes1 := calls()
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	t.Logf("economy kms Alias: %v ListAliases, %v writes in %v alias resyncs", lists1-lists0, writes1-writes0, passes)
	if writes1 != writes0 {
		t.Errorf("%v writes in %v resyncs of unchanged objects", writes1-writes0, passes)
	}
	// Keys resync too but never list aliases; a pass can straddle a count.
	if n := lists1 - lists0; n == 0 || n > passes+1 {
		t.Errorf("%v ListAliases in %v alias resyncs, want one per resync", n, passes)
	}

	if _, err := client().UpdateAlias(ctx, &kms.UpdateAliasInput{AliasName: &name, TargetKeyId: &firstID}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := aliasTarget(t, name); got != secondID {
			return fmt.Errorf("alias retargeted outside to %q, not put back to %s", got, secondID)
		}
		return nil
	})

	e.Delete(a)
	e.WaitGone(a)
	if got := aliasTarget(t, name); got != "" {
		t.Errorf("alias %s still in KMS, targeting %s", name, got)
	}
}
