package harness

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	eventsv1 "k8s.io/api/events/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Wait bounds every wait for a controller: generous for two busy cores;
// tests wait for outcomes, never for time to pass.
const Wait = 90 * time.Second

// Env is one running controller of a suite, watching the namespaces of one
// test.
type Env struct {
	T       *testing.T
	K       client.Client
	ctrl    *controller
	Metrics string // host:port of /metrics
	Probes  string // host:port of /healthz and /readyz
	// Prefix is unique per test, for namespaces and AWS names.
	Prefix string
	// Args and Environ start the controller, again after a kill too.
	Args, Environ []string
	suite         *Suite
}

// ControllerOptions says how a test runs its controller.
type ControllerOptions struct {
	// Namespaces the controller watches, without the test prefix.
	Namespaces []string
	Flags      []string
	Env        []string
	// Region is the controller's --aws-region.
	Region string
	// Endpoint is where the controller sends AWS calls; moto by default.
	Endpoint string
	// InstallScope is the chart's installScope, whose RBAC the controller
	// runs under: "namespace" (the default here) or "cluster".
	InstallScope string
	// Values are more lines of the chart's values file.
	Values string
	// nsExist says the test's namespaces exist already: a peer's
	// controller runs beside the test's first one (Env.StartPeer).
	nsExist bool
}

// StartController runs the suite's controller binary for this test, as the
// ServiceAccount of the chart's release in the test's "system" namespace,
// with only the RBAC the chart grants it (a rule the controller lacks fails
// the test as it would fail in a cluster) and the flags its Deployment gets.
func (s *Suite) StartController(t *testing.T, o ControllerOptions) *Env {
	t.Helper()
	e := &Env{T: t, K: s.Kube.Client, Prefix: PrefixFor(t), Metrics: FreeAddr(t), Probes: FreeAddr(t), suite: s, ctrl: &controller{}}
	if o.Endpoint == "" {
		o.Endpoint = s.Moto.Endpoint()
	}
	if o.InstallScope == "" {
		o.InstallScope = "namespace"
	}
	var watched []string
	for _, ns := range o.Namespaces {
		watched = append(watched, e.NS(ns))
		if !o.nsExist {
			e.CreateNamespace(ns, nil)
		}
	}
	system := e.NS("system")
	if !o.nsExist && !slices.Contains(o.Namespaces, "system") {
		e.CreateNamespace("system", nil)
	}
	values := fmt.Sprintf("installScope: %s\nwatchNamespace: %q\n%s", o.InstallScope, strings.Join(watched, ","), o.Values)
	chart := RenderChart(t, "generated/"+s.Service+"/helm", e.Prefix, system, values)
	s.Kube.InstallAccess(t, chart)
	// The chart's flags first, so its values reach the controller; the
	// test's own come after and win (the last of a flag counts).
	args := append(chart.ControllerArgs(t), []string{
		"--kubeconfig", s.Kube.ServiceAccountKubeconfig(t, system, chart.ServiceAccountName(t)),
		"--aws-endpoint-url", o.Endpoint,
		"--aws-region", o.Region,
		"--watch-namespace", strings.Join(watched, ","),
		"--metrics-addr", e.Metrics,
		"--health-probe-addr", e.Probes,
		"--log-level", "debug",
		// moto listens on plain http.
		"--allow-unsafe-aws-endpoint-urls",
		// Recoverable errors retry within seconds, not minutes.
		"--reconcile-backoff-max", "2s",
	}...)
	args = append(args, o.Flags...)
	// The chart sets the pod's namespace here; the controller reads its
	// role account map there.
	env := append(AWSEnv(o.Endpoint, o.Region), "ACK_SYSTEM_NAMESPACE="+system)
	e.Args, e.Environ = args, append(env, o.Env...)
	e.Restart()
	return e
}

// controller is the running controller process, which a kill replaces
// while tests wait on it: the lock makes a kill and its restart one step.
type controller struct {
	mu sync.Mutex
	p  *Process
}

// Ctrl is the running controller process.
func (e *Env) Ctrl() *Process {
	e.ctrl.mu.Lock()
	defer e.ctrl.mu.Unlock()
	return e.ctrl.p
}

// Restart starts the controller again, as a Deployment does after the
// process died; the old one must be gone.
func (e *Env) Restart() {
	e.T.Helper()
	e.ctrl.mu.Lock()
	defer e.ctrl.mu.Unlock()
	e.start()
}

// KillAndRestart kills the controller and starts it again, with no moment
// in between at which a waiting test would see it dead.
func (e *Env) KillAndRestart() {
	e.T.Helper()
	e.ctrl.mu.Lock()
	defer e.ctrl.mu.Unlock()
	_ = e.ctrl.p.Kill()
	e.start()
}

func (e *Env) start() {
	e.ctrl.p = StartProcess(e.T, e.suite.Service+"-controller", e.suite.Bin, e.Args, e.Environ)
}

// exited reports whether the controller died by itself: a kill the test
// made is followed by its restart under the same lock.
func (e *Env) exited() (bool, error) {
	e.ctrl.mu.Lock()
	defer e.ctrl.mu.Unlock()
	return e.ctrl.p.Exited()
}

// For is the same controller seen from a subtest, whose failures it
// reports; the prefix stays the parent test's.
func (e *Env) For(t *testing.T) *Env {
	sub := *e
	sub.T = t
	return &sub
}

// PrefixFor makes a short DNS-safe prefix from the test name.
func PrefixFor(t *testing.T) string {
	s := strings.ToLower(regexp.MustCompile(`[^a-zA-Z0-9]+`).ReplaceAllString(t.Name(), "-"))
	if len(s) > 40 {
		s = s[:40]
	}
	return strings.Trim(s, "-")
}

// NS is the test's namespace called name.
func (e *Env) NS(name string) string { return e.Prefix + "-" + name }

// Unique is a name for an AWS resource, unique to this test.
func (e *Env) Unique(name string) string { return e.Prefix + "-" + name }

// CreateNamespace creates the test's namespace called name.
func (e *Env) CreateNamespace(name string, annotations map[string]string) {
	e.T.Helper()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: e.NS(name), Annotations: annotations}}
	if err := e.K.Create(context.Background(), ns); err != nil {
		e.T.Fatal(err)
	}
}

// AnnotateNamespace merges annotations into a namespace; "" removes one.
func (e *Env) AnnotateNamespace(name string, annotations map[string]string) {
	e.T.Helper()
	var ns corev1.Namespace
	if err := e.K.Get(context.Background(), client.ObjectKey{Name: e.NS(name)}, &ns); err != nil {
		e.T.Fatal(err)
	}
	patch := client.MergeFrom(ns.DeepCopy())
	ns.Annotations = mergeAnnotations(ns.Annotations, annotations)
	if err := e.K.Patch(context.Background(), &ns, patch); err != nil {
		e.T.Fatal(err)
	}
}

// Annotate merges annotations into an object; "" removes one.
func (e *Env) Annotate(obj client.Object, annotations map[string]string) {
	e.T.Helper()
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(obj), obj); err != nil {
		e.T.Fatal(err)
	}
	patch := client.MergeFrom(obj.DeepCopyObject().(client.Object))
	obj.SetAnnotations(mergeAnnotations(obj.GetAnnotations(), annotations))
	if err := e.K.Patch(context.Background(), obj, patch); err != nil {
		e.T.Fatal(err)
	}
}

// RequestCheck asks for an immediate check through reconcile-requested-at.
func (e *Env) RequestCheck(obj client.Object) {
	e.Annotate(obj, map[string]string{"services.k8s.aws/reconcile-requested-at": time.Now().Format(time.RFC3339Nano)})
}

func mergeAnnotations(into, from map[string]string) map[string]string {
	if into == nil {
		into = map[string]string{}
	}
	for k, v := range from {
		if v == "" {
			delete(into, k)
		} else {
			into[k] = v
		}
	}
	return into
}

// Create creates obj in the API server.
func (e *Env) Create(obj client.Object) {
	e.T.Helper()
	if err := e.K.Create(context.Background(), obj); err != nil {
		e.T.Fatal(err)
	}
}

// Delete deletes obj from the API server; the controller's finalizer may
// keep it there.
func (e *Env) Delete(obj client.Object) {
	e.T.Helper()
	if err := e.K.Delete(context.Background(), obj); err != nil {
		e.T.Fatal(err)
	}
}

// WaitGone waits until the object has left the API server.
func (e *Env) WaitGone(obj client.Object) {
	e.T.Helper()
	Eventually(e.T, Wait, 200*time.Millisecond, func() error {
		err := e.K.Get(context.Background(), client.ObjectKeyFromObject(obj), obj)
		if err == nil {
			return fmt.Errorf("%s still present with finalizers %v", obj.GetName(), obj.GetFinalizers())
		}
		return client.IgnoreNotFound(err)
	})
}

// Events returns "Type Reason: note" of the events about an object.
func (e *Env) Events(obj client.Object) []string {
	e.T.Helper()
	var list eventsv1.EventList
	if err := e.K.List(context.Background(), &list, client.InNamespace(obj.GetNamespace())); err != nil {
		e.T.Fatal(err)
	}
	var out []string
	for _, ev := range list.Items {
		if ev.Regarding.Name == obj.GetName() {
			out = append(out, ev.Type+" "+ev.Reason+": "+ev.Note)
		}
	}
	return out
}

// WaitEvent waits for an event about obj with reason whose note contains text.
func (e *Env) WaitEvent(obj client.Object, reason, text string) string {
	e.T.Helper()
	var found string
	Eventually(e.T, Wait, 200*time.Millisecond, func() error {
		for _, ev := range e.Events(obj) {
			if strings.Contains(ev, " "+reason+": ") && strings.Contains(ev, text) {
				found = ev
				return nil
			}
		}
		return fmt.Errorf("no %s event containing %q about %s; events: %q", reason, text, obj.GetName(), e.Events(obj))
	})
	return found
}

// Scrape reads the controller's metrics.
func (e *Env) Scrape() Metrics {
	e.T.Helper()
	m, err := ScrapeMetrics(e.Metrics)
	if err != nil {
		e.T.Fatal(err)
	}
	return m
}

// WaitMetricAtLeast waits until the sum of a metric's matching series
// reaches want.
func (e *Env) WaitMetricAtLeast(name string, match map[string]string, want float64) {
	e.T.Helper()
	Eventually(e.T, Wait, 200*time.Millisecond, func() error {
		if got := e.Scrape().Sum(name, match); got < want {
			return fmt.Errorf("%s%v = %v, want at least %v", name, match, got, want)
		}
		return nil
	})
}
