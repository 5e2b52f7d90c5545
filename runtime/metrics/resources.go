package metrics

import (
	"sort"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Resources is a gauge of resources by kind, condition type and status,
// computed at scrape time from the conditions each reconcile last saw, so
// a deleted object can never leave a stale count behind.
type Resources struct {
	desc *prometheus.Desc

	mu    sync.Mutex
	kinds map[string]map[types.NamespacedName][]metav1.Condition
}

func newResources() *Resources {
	return &Resources{
		desc: prometheus.NewDesc("kubesmith_resources",
			"Resources by kind, condition type and condition status.",
			[]string{"kind", "condition", "status"}, nil),
		kinds: map[string]map[types.NamespacedName][]metav1.Condition{},
	}
}

// Set records the conditions of one object.
func (r *Resources) Set(kind string, key types.NamespacedName, conds []metav1.Condition) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kinds[kind] == nil {
		r.kinds[kind] = map[types.NamespacedName][]metav1.Condition{}
	}
	r.kinds[kind][key] = append([]metav1.Condition(nil), conds...)
}

// Forget drops an object that no longer exists.
func (r *Resources) Forget(kind string, key types.NamespacedName) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.kinds[kind], key)
}

// Describe implements prometheus.Collector.
func (r *Resources) Describe(ch chan<- *prometheus.Desc) { ch <- r.desc }

// Collect implements prometheus.Collector.
func (r *Resources) Collect(ch chan<- prometheus.Metric) {
	type series struct{ kind, cond, status string }
	counts := map[series]int{}
	r.mu.Lock()
	for kind, objs := range r.kinds {
		for _, conds := range objs {
			for _, c := range conds {
				counts[series{kind, c.Type, string(c.Status)}]++
			}
		}
	}
	r.mu.Unlock()
	keys := make([]series, 0, len(counts))
	for s := range counts {
		keys = append(keys, s)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.cond != b.cond {
			return a.cond < b.cond
		}
		return a.status < b.status
	})
	for _, s := range keys {
		ch <- prometheus.MustNewConstMetric(r.desc, prometheus.GaugeValue, float64(counts[s]), s.kind, s.cond, s.status)
	}
}
