//go:build bench

package bench

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/tests/harness"
)

var (
	memoryN    = flag.Int("bench.memory", 1000, "objects of -bench.memory-kind whose resync RSS is measured under each of -bench.memory-settings")
	memoryKind = flag.String("bench.memory-kind", "SecurityGroup", "the kind TestMemory makes")
	// Each setting is controller flags after the chart's; empty is the
	// chart's defaults.
	memorySettings = flag.String("bench.memory-settings", "--gc-percent=100;", "semicolon-separated controller flag sets compared side by side (Go's default GOGC of 100 against the controller's default)")
)

// TestMemory compares the controller's RSS under several settings side by
// side, on the same objects in one run: n objects are made once, then for
// each setting the controller restarts with it and reads every object (a
// resync), and its RSS then and at its peak is recorded. It writes
// results/memory.md.
func TestMemory(t *testing.T) {
	s := sampleOf(t, *memoryKind)
	n := *memoryN
	e := suites[s.service].StartController(t, harness.ControllerOptions{
		Namespaces: []string{"memory"}, Region: region,
		Flags: []string{"--log-level", "info"},
	})
	base := e.Args
	ns := e.NS("memory")
	k := fastClient(t)
	objs := s.objects(t, ns, e.Prefix, n, makeFixtures(t, harness.PrefixFor(t)))
	each(t, objs, func(o *unstructured.Unstructured) error { return k.Create(context.Background(), o.DeepCopy()) })
	// Under heavy load moto may not answer a few creates in time; they
	// are settled later, and are in the cache all the same.
	waitObjects(t, k, s, ns, fmt.Sprintf("%d %s Ready", n-n/100, s.kind), func(list []unstructured.Unstructured) bool { return countReady(list) >= n-n/100 })
	created, createdPeak := rss(t, e)

	var b strings.Builder
	fmt.Fprintf(&b, "## Memory: %d %ss, the same objects under each setting in one run\n\n", n, s.kind)
	fmt.Fprintf(&b, "Load average %s. After the create (chart defaults): RSS %s, peak %s. Then for each setting a restart, which reads every object once.\n\n", loadAverage(), mib(created), mib(createdPeak))
	b.WriteString("| controller flags besides the chart's | RSS after the resync | peak RSS |\n|---|---|---|\n")
	for _, setting := range strings.Split(*memorySettings, ";") {
		_ = e.Ctrl().Stop()
		e.Args = append(append([]string(nil), base...), strings.Fields(setting)...)
		e.Restart()
		kind := map[string]string{"kind": s.kind}
		waitFor(t, fmt.Sprintf("%d reconciles of %s with %q", n, s.kind, setting), func() bool {
			m, err := harness.ScrapeMetrics(e.Metrics)
			return err == nil && m.Sum("kubesmith_reconciles_total", kind) >= float64(n)
		})
		now, peak := rss(t, e)
		name := setting
		if name == "" {
			name = "(none: the defaults)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", name, mib(now), mib(peak))
		t.Logf("%d %s with %q: RSS %s, peak %s", n, s.kind, setting, mib(now), mib(peak))
	}
	t.Log("\n" + b.String())
	if err := os.WriteFile("results/memory.md", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	e.Args = base
	each(t, objs, func(o *unstructured.Unstructured) error {
		return client.IgnoreNotFound(k.Delete(context.Background(), o.DeepCopy()))
	})
	waitObjects(t, k, s, ns, "every "+s.kind+" gone", func(list []unstructured.Unstructured) bool { return len(list) == 0 })
}
