package iam

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controller's --aws-region: IAM is global, and moto keeps
// it in the partition of us-east-1.
const region = "us-east-1"

// env is one running IAM controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test, resyncing every kind each
// second, so that out-of-band changes are put back within the test.
func start(t *testing.T, namespaces ...string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: namespaces,
		Region:     region,
		Flags: []string{"--reconcile-resource-resync-seconds", "Policy=1",
			"--reconcile-resource-resync-seconds", "InstanceProfile=1",
			"--reconcile-resource-resync-seconds", "OpenIDConnectProvider=1"},
	})}
}

func iamClient() *iam.Client { return iam.NewFromConfig(suite.Moto.AWSConfig(region)) }

// notFound reports whether IAM answered NoSuchEntity.
func notFound(err error) bool {
	var nse *types.NoSuchEntityException
	return errors.As(err, &nse)
}

// opsOn counts the recorded calls since the suite started whose request
// names id (PolicyArn, InstanceProfileName, …), by operation.
func opsOn(t *testing.T, id string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		for _, values := range form {
			if len(values) == 1 && values[0] == id {
				counts[c.Operation()]++
				break
			}
		}
	}
	return counts
}

// isRead says whether an IAM operation only reads.
func isRead(op string) bool { return strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List") }

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// checkEconomy counts, with moto's recorder, what an unchanged resource of
// kind, whose identifier is id, costs over ten resyncs: no writes, and
// reads only of the operations named, each at most once per resync.
func (e env) checkEconomy(kind, id string, reads ...string) {
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
