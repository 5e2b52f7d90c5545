package harness

import "maps"

// CheckSteadyReads counts, with moto's recorder, what an unchanged
// resource of kind costs over ten resyncs: no writes, and only the reads
// named, each at most once per resync. calls counts the recorded calls
// naming the resource by operation, and isRead tells the service's reads.
func CheckSteadyReads(e *Env, service, kind string, calls func() map[string]int, isRead func(op string) bool, reads ...string) {
	e.T.Helper()
	all := map[string]string{"kind": kind}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := calls()
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := calls()
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	made := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			made[op] = d
		}
	}
	total := 0
	for n := range maps.Values(made) {
		total += n
	}
	e.T.Logf("economy %s %s: %.1f calls per resync: %v", service, kind, float64(total)/passes, made)
	for op, n := range made {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s", n, op, passes, kind)
		}
	}
	for _, op := range reads {
		// A pass can straddle a count: a margin of one pass.
		if n := made[op]; n == 0 || float64(n) > passes+1 {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s, want one per resync", n, op, passes, kind)
		}
	}
	if float64(total) > float64(len(reads))*(passes+1) {
		e.T.Errorf("%d calls in %v resyncs of an unchanged %s, want only %v once each: %v", total, passes, kind, reads, made)
	}
}
