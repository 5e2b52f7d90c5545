package dynamodb

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	corev1 "k8s.io/api/core/v1"
	eventsv1 "k8s.io/api/events/v1"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-west-2"

// wait bounds every wait for the controller: generous for two busy cores;
// the tests wait for outcomes, never for time to pass.
const wait = 90 * time.Second

// env is one running controller, watching the namespaces of one test.
type env struct {
	t       *testing.T
	k       client.Client
	ctrl    *harness.Process
	metrics string // host:port of /metrics
	probes  string // host:port of /healthz and /readyz
	prefix  string // unique per test, for namespaces and table names
	// args and env start the controller, again after a kill too.
	args, env []string
}

type controllerOptions struct {
	// namespaces the controller watches, without the test prefix.
	namespaces []string
	flags      []string
	env        []string
	// endpoint is where the controller sends AWS calls; moto by default.
	endpoint string
	// installScope is the chart's installScope, whose RBAC the controller
	// runs under: "namespace" (the default here) or "cluster".
	installScope string
	// values are more lines of the chart's values file.
	values string
}

// chartDir is the generated chart whose RBAC every test's controller runs under.
const chartDir = "generated/dynamodb/helm"

// startController runs the controller binary for this test, as the
// ServiceAccount of the chart's release in the test's "system" namespace,
// with only the RBAC the chart grants it (a rule the controller lacks fails
// the test as it would fail in a cluster) and the flags its Deployment gets.
func startController(t *testing.T, o controllerOptions) *env {
	t.Helper()
	e := &env{t: t, k: kube.Client, prefix: prefixFor(t), metrics: harness.FreeAddr(t), probes: harness.FreeAddr(t)}
	if o.endpoint == "" {
		o.endpoint = moto.Endpoint()
	}
	if o.installScope == "" {
		o.installScope = "namespace"
	}
	var watched []string
	for _, ns := range o.namespaces {
		watched = append(watched, e.ns(ns))
		e.createNamespace(ns, nil)
	}
	system := e.ns("system")
	if !slices.Contains(o.namespaces, "system") {
		e.createNamespace("system", nil)
	}
	values := fmt.Sprintf("installScope: %s\nwatchNamespace: %q\n%s", o.installScope, strings.Join(watched, ","), o.values)
	chart := harness.RenderChart(t, chartDir, e.prefix, system, values)
	kube.InstallAccess(t, chart)
	// The chart's flags first, so its values reach the controller; the
	// test's own come after and win (the last of a flag counts).
	args := append(chart.ControllerArgs(t), []string{
		"--kubeconfig", kube.ServiceAccountKubeconfig(t, system, chart.ServiceAccountName(t)),
		"--aws-endpoint-url", o.endpoint,
		"--aws-region", region,
		"--watch-namespace", strings.Join(watched, ","),
		"--metrics-addr", e.metrics,
		"--health-probe-addr", e.probes,
		"--log-level", "debug",
		// moto listens on plain http.
		"--allow-unsafe-aws-endpoint-urls",
		// Recoverable errors retry within seconds, not minutes.
		"--reconcile-backoff-max", "2s",
	}...)
	args = append(args, o.flags...)
	// The chart sets the pod's namespace here; the controller reads its
	// role account map there.
	env := append(harness.AWSEnv(o.endpoint, region), "ACK_SYSTEM_NAMESPACE="+system)
	e.args, e.env = args, append(env, o.env...)
	e.ctrl = harness.StartProcess(t, "dynamodb-controller", controllerBin, e.args, e.env)
	return e
}

// restart starts the controller again, as a Deployment does after the
// process died; the old one must be gone.
func (e *env) restart() {
	e.t.Helper()
	e.ctrl = harness.StartProcess(e.t, "dynamodb-controller", controllerBin, e.args, e.env)
}

// prefixFor makes a short DNS-safe prefix from the test name.
func prefixFor(t *testing.T) string {
	s := strings.ToLower(regexp.MustCompile(`[^a-zA-Z0-9]+`).ReplaceAllString(t.Name(), "-"))
	if len(s) > 40 {
		s = s[:40]
	}
	return strings.Trim(s, "-")
}

// ns is the test's namespace called name.
func (e *env) ns(name string) string { return e.prefix + "-" + name }

// table is a unique DynamoDB table name for this test.
func (e *env) table(name string) string { return e.prefix + "-" + name }

func (e *env) createNamespace(name string, annotations map[string]string) {
	e.t.Helper()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: e.ns(name), Annotations: annotations}}
	if err := e.k.Create(context.Background(), ns); err != nil {
		e.t.Fatal(err)
	}
}

// annotateNamespace merges annotations into a namespace; "" removes one.
func (e *env) annotateNamespace(name string, annotations map[string]string) {
	e.t.Helper()
	var ns corev1.Namespace
	if err := e.k.Get(context.Background(), client.ObjectKey{Name: e.ns(name)}, &ns); err != nil {
		e.t.Fatal(err)
	}
	patch := client.MergeFrom(ns.DeepCopy())
	ns.Annotations = merge(ns.Annotations, annotations)
	if err := e.k.Patch(context.Background(), &ns, patch); err != nil {
		e.t.Fatal(err)
	}
}

// annotate merges annotations into an object; "" removes one.
func (e *env) annotate(obj client.Object, annotations map[string]string) {
	e.t.Helper()
	if err := e.k.Get(context.Background(), client.ObjectKeyFromObject(obj), obj); err != nil {
		e.t.Fatal(err)
	}
	patch := client.MergeFrom(obj.DeepCopyObject().(client.Object))
	obj.SetAnnotations(merge(obj.GetAnnotations(), annotations))
	if err := e.k.Patch(context.Background(), obj, patch); err != nil {
		e.t.Fatal(err)
	}
}

// requestCheck asks for an immediate check through reconcile-requested-at.
func (e *env) requestCheck(obj client.Object) {
	e.annotate(obj, map[string]string{"services.k8s.aws/reconcile-requested-at": time.Now().Format(time.RFC3339Nano)})
}

func merge(into, from map[string]string) map[string]string {
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

// newTable is a provisioned table in the test's namespace ns, called name
// in Kubernetes and e.table(name) in DynamoDB.
func (e *env) newTable(ns, name string, annotations map[string]string) *v1alpha1.Table {
	return &v1alpha1.Table{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.ns(ns), Annotations: annotations},
		Spec: v1alpha1.TableSpec{
			TableName:            aws.String(e.table(name)),
			AttributeDefinitions: []v1alpha1.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: aws.String("S")}},
			KeySchema:            []v1alpha1.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: aws.String("HASH")}},
			BillingMode:          aws.String("PROVISIONED"),
			ProvisionedThroughput: &v1alpha1.ProvisionedThroughput{
				ReadCapacityUnits:  aws.Int64(5),
				WriteCapacityUnits: aws.Int64(5),
			},
		},
	}
}

func (e *env) create(obj client.Object) {
	e.t.Helper()
	if err := e.k.Create(context.Background(), obj); err != nil {
		e.t.Fatal(err)
	}
}

// waitFor polls the table until cond accepts it; cond explains a refusal.
func (e *env) waitFor(tbl *v1alpha1.Table, what string, cond func(*v1alpha1.Table) error) *v1alpha1.Table {
	e.t.Helper()
	key := client.ObjectKeyFromObject(tbl)
	var got v1alpha1.Table
	harness.Eventually(e.t, wait, 200*time.Millisecond, func() error {
		if exited, err := e.ctrl.Exited(); exited {
			e.t.Fatalf("the controller exited: %v", err)
		}
		if err := e.k.Get(context.Background(), key, &got); err != nil {
			return err
		}
		if err := cond(&got); err != nil {
			return fmt.Errorf("%s %s: %w", key, what, err)
		}
		return nil
	})
	return &got
}

// waitReady waits for Ready=True at the current generation.
func (e *env) waitReady(tbl *v1alpha1.Table) *v1alpha1.Table {
	e.t.Helper()
	return e.waitFor(tbl, "to be Ready", conditionIs("Ready", metav1.ConditionTrue))
}

func conditionIs(typ string, status metav1.ConditionStatus) func(*v1alpha1.Table) error {
	return func(t *v1alpha1.Table) error {
		c := apimeta.FindStatusCondition(t.Status.Conditions, typ)
		if c == nil || c.Status != status || c.ObservedGeneration != t.Generation {
			return fmt.Errorf("want %s=%s at generation %d, conditions %s", typ, status, t.Generation, describeConditions(t))
		}
		return nil
	}
}

func describeConditions(t *v1alpha1.Table) string {
	var parts []string
	for _, c := range t.Status.Conditions {
		parts = append(parts, fmt.Sprintf("%s=%s(%s, gen %d): %s", c.Type, c.Status, c.Reason, c.ObservedGeneration, c.Message))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func condition(t *v1alpha1.Table, typ string) *metav1.Condition {
	c := apimeta.FindStatusCondition(t.Status.Conditions, typ)
	if c == nil {
		return &metav1.Condition{}
	}
	return c
}

// waitGone waits until the object has left the API server.
func (e *env) waitGone(obj client.Object) {
	e.t.Helper()
	harness.Eventually(e.t, wait, 200*time.Millisecond, func() error {
		err := e.k.Get(context.Background(), client.ObjectKeyFromObject(obj), obj)
		if err == nil {
			return fmt.Errorf("%s still present with finalizers %v", obj.GetName(), obj.GetFinalizers())
		}
		return client.IgnoreNotFound(err)
	})
}

// events returns "Type Reason: note" of the events about an object.
func (e *env) events(obj client.Object) []string {
	e.t.Helper()
	var list eventsv1.EventList
	if err := e.k.List(context.Background(), &list, client.InNamespace(obj.GetNamespace())); err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, ev := range list.Items {
		if ev.Regarding.Name == obj.GetName() {
			out = append(out, ev.Type+" "+ev.Reason+": "+ev.Note)
		}
	}
	return out
}

// waitEvent waits for an event about obj with reason whose note contains text.
func (e *env) waitEvent(obj client.Object, reason, text string) string {
	e.t.Helper()
	var found string
	harness.Eventually(e.t, wait, 200*time.Millisecond, func() error {
		for _, ev := range e.events(obj) {
			if strings.Contains(ev, " "+reason+": ") && strings.Contains(ev, text) {
				found = ev
				return nil
			}
		}
		return fmt.Errorf("no %s event containing %q about %s; events: %q", reason, text, obj.GetName(), e.events(obj))
	})
	return found
}

// scrape reads the controller's metrics.
func (e *env) scrape() harness.Metrics {
	e.t.Helper()
	m, err := harness.ScrapeMetrics(e.metrics)
	if err != nil {
		e.t.Fatal(err)
	}
	return m
}

// writes counts calls that are not reads (Describe, List, Get).
func writes(m harness.Metrics) float64 {
	total := 0.0
	m.Each("kubesmith_aws_api_calls_total", func(labels map[string]string, v float64) {
		if !isRead(labels["operation"]) {
			total += v
		}
	})
	return total
}

func reads(m harness.Metrics) float64 {
	total := 0.0
	m.Each("kubesmith_aws_api_calls_total", func(labels map[string]string, v float64) {
		if isRead(labels["operation"]) {
			total += v
		}
	})
	return total
}

func isRead(op string) bool {
	for _, p := range []string{"Describe", "List", "Get"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return false
}

// ddb is an SDK client for moto in a region, acting as account (empty for
// moto's default account).
func ddb(regionName, account string) *dynamodb.Client {
	cfg := moto.AWSConfig(regionName)
	if account != "" {
		cfg.APIOptions = append(cfg.APIOptions, func(s *middleware.Stack) error {
			return s.Build.Add(middleware.BuildMiddlewareFunc("motoAccount", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
				if req, ok := in.Request.(*smithyhttp.Request); ok {
					req.Header.Set("x-moto-account-id", account)
				}
				return next.HandleBuild(ctx, in)
			}), middleware.After)
		})
	}
	return dynamodb.NewFromConfig(cfg)
}

// tableNames lists the tables in a region of an account.
func tableNames(t *testing.T, regionName, account string) []string {
	t.Helper()
	out, err := ddb(regionName, account).ListTables(context.Background(), &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatalf("ListTables in %s: %v", regionName, err)
	}
	return out.TableNames
}

// describe returns a table in the default region, or nil when it is missing.
func describe(t *testing.T, name string) *types.TableDescription {
	t.Helper()
	out, err := ddb(region, "").DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(name)})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return nil
	}
	if err != nil {
		t.Fatalf("DescribeTable %s: %v", name, err)
	}
	return out.Table
}

// createTableInAWS makes a table behind the controller's back.
func createTableInAWS(t *testing.T, name string, billing types.BillingMode) {
	t.Helper()
	in := &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		BillingMode:          billing,
	}
	if billing == types.BillingModeProvisioned {
		in.ProvisionedThroughput = &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(5)}
	}
	if _, err := ddb(region, "").CreateTable(context.Background(), in); err != nil {
		t.Fatalf("CreateTable %s: %v", name, err)
	}
}

// caBundle writes a valid PEM bundle (a throwaway self-signed CA), so the
// controller can run with AWS_CA_BUNDLE set on any machine.
func caBundle(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "kubesmith e2e CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "ca-bundle.pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitMetric waits until the sum of a metric's matching series is want.
func waitMetric(t *testing.T, e *env, name string, match map[string]string, want float64) {
	t.Helper()
	harness.Eventually(t, wait, 200*time.Millisecond, func() error {
		if got := e.scrape().Sum(name, match); got != want {
			return fmt.Errorf("%s%v = %v, want %v", name, match, got, want)
		}
		return nil
	})
}

// editSpec changes a table's spec with a merge patch, so that a status
// write by the controller in between cannot make the edit conflict.
func (e *env) editSpec(tbl *v1alpha1.Table, edit func(*v1alpha1.TableSpec)) {
	e.t.Helper()
	var cur v1alpha1.Table
	if err := e.k.Get(context.Background(), client.ObjectKeyFromObject(tbl), &cur); err != nil {
		e.t.Fatal(err)
	}
	patch := client.MergeFrom(cur.DeepCopy())
	edit(&cur.Spec)
	if err := e.k.Patch(context.Background(), &cur, patch); err != nil {
		e.t.Fatal(err)
	}
}
