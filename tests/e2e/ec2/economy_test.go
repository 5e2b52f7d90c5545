package ec2

import "github.com/kubesmith/kubesmith/tests/harness"

// checkEconomy checks that ten resyncs of an unchanged resource of kind,
// whose identifier is id, write nothing and read only reads, once each.
func (e env) checkEconomy(kind, id string, reads ...string) {
	e.T.Helper()
	harness.CheckSteadyReads(e.Env, "ec2", kind, func() map[string]int { return opsOn(e.T, id) }, isRead, reads...)
}
