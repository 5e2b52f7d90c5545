package iam

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// notFound reports whether IAM answered NoSuchEntity.
func notFound(err error) bool {
	var nse *types.NoSuchEntityException
	return errors.As(err, &nse)
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// checkReads counts, with moto's recorder, what an unchanged resource of
// kind, whose identifier is id, costs over ten resyncs: no writes, and
// reads only of the operations named, each at most once per resync.
func (e env) checkReads(kind, id string, reads ...string) {
	e.T.Helper()
	all := map[string]string{"kind": kind}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, id)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(e.T, id)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	calls := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			calls[op] = d
		}
	}
	e.T.Logf("economy iam %s: %.1f calls per resync: %v", kind, float64(total(calls))/passes, calls)
	for op, n := range calls {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s", n, op, passes, kind)
		}
	}
	for _, op := range reads {
		// A pass can straddle a count: a margin of one pass.
		if n := calls[op]; n == 0 || float64(n) > passes+1 {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s, want one per resync", n, op, passes, kind)
		}
	}
	if n := total(calls); float64(n) > float64(len(reads))*(passes+1) {
		e.T.Errorf("%d calls in %v resyncs of an unchanged %s, want only %v once each: %v", n, passes, kind, reads, calls)
	}
}

// ctx is the context of the tests' own SDK calls.
func ctx() context.Context { return context.Background() }
