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
	kinds map[string]map[types.NamespacedName][]condition
	// names interns condition types and statuses: every object shares one
	// copy of "Ready" and "True".
	names map[string]string
}

// condition is what the gauge counts of one condition. Keeping only this
// (not the messages) matters at thousands of objects: the cache holds the
// objects already.
type condition struct{ typ, status string }

func newResources() *Resources {
	return &Resources{
		desc: prometheus.NewDesc("kubesmith_resources",
			"Resources by kind, condition type and condition status.",
			[]string{"kind", "condition", "status"}, nil),
		kinds: map[string]map[types.NamespacedName][]condition{},
		names: map[string]string{},
	}
}

// Set records the conditions of one object.
func (r *Resources) Set(kind string, key types.NamespacedName, conds []metav1.Condition) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kinds[kind] == nil {
		r.kinds[kind] = map[types.NamespacedName][]condition{}
	}
	kept := make([]condition, len(conds))
	for i, c := range conds {
		kept[i] = condition{typ: r.intern(c.Type), status: r.intern(string(c.Status))}
	}
	r.kinds[kind][key] = kept
}

// intern returns the one copy of s; r.mu must be held.
func (r *Resources) intern(s string) string {
	if v, ok := r.names[s]; ok {
		return v
	}
	r.names[s] = s
	return s
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
				counts[series{kind, c.typ, c.status}]++
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
