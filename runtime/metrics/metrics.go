// Package metrics holds the controller's Prometheus metrics. One Metrics
// value is created per process and registered with controller-runtime's
// registry, which serves /metrics; nothing lives in package variables.
package metrics

import (
	"errors"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// Reconcile results, the values of the "result" label.
const (
	ResultSynced      = "synced"      // AWS matches the spec; nothing written
	ResultChanged     = "changed"     // the pass wrote to AWS or to the spec
	ResultPending     = "pending"     // AWS reports a transitional state
	ResultTerminal    = "terminal"    // only a spec change can fix it
	ResultRecoverable = "recoverable" // retried with backoff
	ResultPaused      = "paused"      // the object asks not to be reconciled
	ResultDeleted     = "deleted"     // the finalizer was released
	ResultBatched     = "batched"     // the resync joined a batch read; its pass follows
)

// Metrics are the controller's own metrics, beside controller-runtime's.
type Metrics struct {
	reconciles *prometheus.CounterVec
	awsCalls   *prometheus.CounterVec
	drift      *prometheus.CounterVec
	// Resources reports resources by kind and condition.
	Resources *Resources
}

// New creates unregistered metrics.
func New() *Metrics {
	return &Metrics{
		reconciles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kubesmith_reconciles_total",
			Help: "Reconcile passes by kind and result.",
		}, []string{"kind", "result"}),
		awsCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kubesmith_aws_api_calls_total",
			Help: "AWS API call attempts by service, operation, HTTP status (empty when no answer came) and AWS error code.",
		}, []string{"service", "operation", "status_code", "error_code"}),
		drift: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kubesmith_drift_corrections_total",
			Help: "Changes made in AWS outside Kubernetes that the controller put back, by kind.",
		}, []string{"kind"}),
		Resources: newResources(),
	}
}

// Register adds every metric to r, normally controller-runtime's
// metrics.Registry.
func (m *Metrics) Register(r prometheus.Registerer) error {
	return errors.Join(
		r.Register(m.reconciles),
		r.Register(m.awsCalls),
		r.Register(m.drift),
		r.Register(m.Resources),
	)
}

// Reconciled counts one reconcile pass.
func (m *Metrics) Reconciled(kind, result string) {
	m.reconciles.WithLabelValues(kind, result).Inc()
}

// AWSCall counts one AWS API call attempt. status is 0 when no HTTP answer
// came back.
func (m *Metrics) AWSCall(service, operation string, status int, errorCode string) {
	s := ""
	if status != 0 {
		s = strconv.Itoa(status)
	}
	m.awsCalls.WithLabelValues(service, operation, s, errorCode).Inc()
}

// DriftCorrected counts one drift correction.
func (m *Metrics) DriftCorrected(kind string) {
	m.drift.WithLabelValues(kind).Inc()
}

// ReconcilesFor is the reconcile counter of one kind and result.
func (m *Metrics) ReconcilesFor(kind, result string) prometheus.Counter {
	return m.reconciles.WithLabelValues(kind, result)
}
