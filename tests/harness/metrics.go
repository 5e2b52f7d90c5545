package harness

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// FreeAddr returns 127.0.0.1:PORT with a port free at the time of the call,
// for a process's --metrics-addr or --health-probe-addr.
func FreeAddr(t testing.TB) string {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("127.0.0.1:%d", port)
}

// Metrics is one scrape of a Prometheus text endpoint.
type Metrics map[string]*dto.MetricFamily

// ScrapeMetrics reads http://addr/metrics.
func ScrapeMetrics(addr string) (Metrics, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("GET /metrics: HTTP %d: %s", resp.StatusCode, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	families, err := p.TextToMetricFamilies(resp.Body)
	return Metrics(families), err
}

// Sum adds the values of every series of the metric whose labels include
// match; a counter or gauge that has no such series sums to 0.
func (m Metrics) Sum(name string, match map[string]string) float64 {
	total := 0.0
	m.Each(name, func(labels map[string]string, v float64) {
		for k, want := range match {
			if labels[k] != want {
				return
			}
		}
		total += v
	})
	return total
}

// Each calls fn for every series of the metric.
func (m Metrics) Each(name string, fn func(labels map[string]string, v float64)) {
	fam, ok := m[name]
	if !ok {
		return
	}
	for _, s := range fam.GetMetric() {
		labels := map[string]string{}
		for _, l := range s.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		switch {
		case s.Counter != nil:
			fn(labels, s.GetCounter().GetValue())
		case s.Gauge != nil:
			fn(labels, s.GetGauge().GetValue())
		case s.Untyped != nil:
			fn(labels, s.GetUntyped().GetValue())
		}
	}
}

// String renders the series of the metric, for failure messages.
func (m Metrics) String(name string) string {
	var b strings.Builder
	m.Each(name, func(labels map[string]string, v float64) {
		fmt.Fprintf(&b, "%s%v %g\n", name, labels, v)
	})
	return b.String()
}
