//go:build bench

// Package bench measures the DynamoDB controller at scale with the
// chart's default values: the real binary, a real API server and moto.
// It prints figures and writes results/latest.md; it asserts nothing
// about time. The build tag keeps it out of `make test`; `make bench`
// runs it.
package bench

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var (
	suite     *harness.Suite
	levels    = flag.String("bench.levels", "100", "comma-separated numbers of Tables to create, resync and delete")
	out       = flag.String("bench.out", "results/latest.md", "where the results table is written")
	generator = flag.String("bench.generator", "", "file holding `go test -bench` output of the generator's benchmarks")
	ctrlFlags = flag.String("bench.controller-flags", "", "space-separated flags added after the chart's, to compare a setting with its default")
)

const region = "us-west-2"

// phaseWait bounds each phase; far above any expected time, it only stops
// a stuck run.
const phaseWait = 30 * time.Minute

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(harness.RunSuite(m, "dynamodb", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }))
}

// level is what one run at n Tables measured.
type level struct {
	n                                 int
	create, resync, delete            phase
	rssAfterCreate, rssAfterResync    int64
	peakAfterCreate, peakAfterResync  int64
	loadAfter                         string
	resyncAWSWrites, minimalReadsEach int
}

// phase is one step over all the Tables.
type phase struct {
	took         time.Duration
	calls, reads int // AWS calls seen by moto's recorder, reads among them
	objectWrites int // writes the API server stored, the user's left out
	ops          map[string]int
}

func TestScale(t *testing.T) {
	machine := machineInfo()
	var results []level
	for _, s := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			t.Fatalf("-bench.levels: %q is not a positive number", s)
		}
		t.Run(fmt.Sprintf("tables-%d", n), func(t *testing.T) { results = append(results, measure(t, n)) })
	}
	gen := generatorRows(t)
	report := render(machine, gen, results)
	t.Log("\n" + report)
	if err := os.MkdirAll("results", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
}

// measure creates n Tables, restarts the controller (which reads every
// one once: a resync of unchanged objects) and deletes them.
func measure(t *testing.T, n int) level {
	lv := level{n: n, minimalReadsEach: 2}
	e := suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"scale"}, Region: region,
		// The chart's default log level; the harness asks for debug.
		Flags: append([]string{"--log-level", "info"}, strings.Fields(*ctrlFlags)...),
	})
	ns := e.NS("scale")
	k := fastClient(t)
	writes := suite.Kube.WatchWrites(t, v1alpha1.GroupVersion.WithResource("tables"), ns)
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("t%04d", i)
	}

	suite.Moto.StartRecording(t)
	start := time.Now()
	each(t, names, func(name string) error { return k.Create(context.Background(), table(e, ns, name)) })
	waitTables(t, k, ns, fmt.Sprintf("%d Tables Ready", n), func(list []v1alpha1.Table) bool { return countReady(list) == n })
	lv.create = finish(t, start, n)
	lv.rssAfterCreate, lv.peakAfterCreate = rss(t, e)
	lv.create.objectWrites = countWrites(t, writes, names, func(lc harness.Lifecycle) int { return len(lc.Create) })

	before := totalWrites(writes, names)
	_ = e.Ctrl().Stop()
	suite.Moto.StartRecording(t)
	start = time.Now()
	e.Restart()
	synced := map[string]string{"kind": "Table", "result": "synced"}
	waitFor(t, fmt.Sprintf("%d synced reconciles after a restart", n), func() bool {
		m, err := harness.ScrapeMetrics(e.Metrics)
		return err == nil && m.Sum("kubesmith_reconciles_total", synced) >= float64(n)
	})
	lv.resync = finish(t, start, n)
	lv.resync.objectWrites = totalWrites(writes, names) - before
	if writes.Err() != nil {
		lv.resync.objectWrites = -1
	}
	lv.resyncAWSWrites = lv.resync.calls - lv.resync.reads
	lv.rssAfterResync, lv.peakAfterResync = rss(t, e)

	suite.Moto.StartRecording(t)
	start = time.Now()
	each(t, names, func(name string) error {
		return client.IgnoreNotFound(k.Delete(context.Background(), &v1alpha1.Table{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name}}))
	})
	waitTables(t, k, ns, "every Table gone", func(list []v1alpha1.Table) bool { return len(list) == 0 })
	waitFor(t, "every table gone from DynamoDB", func() bool { return tablesLeft(t, e.Prefix) == 0 })
	lv.delete = finish(t, start, n)
	lv.delete.objectWrites = countWrites(t, writes, names, func(lc harness.Lifecycle) int { return len(lc.Delete) })
	lv.loadAfter = loadAverage()
	t.Logf("%d Tables: create %s, resync %s, delete %s; RSS %s after create, %s after resync",
		n, lv.create.took.Round(time.Millisecond), lv.resync.took.Round(time.Millisecond), lv.delete.took.Round(time.Millisecond),
		mib(lv.rssAfterCreate), mib(lv.rssAfterResync))
	return lv
}

// table is a provisioned Table, as the e2e suite makes them; AWS fills in
// deletionProtectionEnabled (late initialization).
func table(e *harness.Env, ns, name string) *v1alpha1.Table {
	return &v1alpha1.Table{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: v1alpha1.TableSpec{
			TableName:            aws.String(e.Unique(name)),
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

// fastClient is the test's own client without client-go's default limit
// of 5 requests a second, so that the test is never what is measured.
func fastClient(t *testing.T) client.Client {
	cfg := rest.CopyConfig(suite.Kube.Config)
	cfg.QPS, cfg.Burst = -1, 0
	k, err := client.New(cfg, client.Options{Scheme: suite.Kube.Client.Scheme()})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// each runs fn for every name, 16 at a time.
func each(t *testing.T, names []string, fn func(string) error) {
	var wg sync.WaitGroup
	errs := make(chan error, len(names))
	sem := make(chan struct{}, 16)
	for _, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(name); err != nil {
				errs <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func waitTables(t *testing.T, k client.Client, ns, what string, done func([]v1alpha1.Table) bool) {
	waitFor(t, what, func() bool {
		var list v1alpha1.TableList
		return k.List(context.Background(), &list, client.InNamespace(ns)) == nil && done(list.Items)
	})
}

func waitFor(t *testing.T, what string, done func() bool) {
	deadline := time.Now().Add(phaseWait)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s after %s", what, phaseWait)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func countReady(list []v1alpha1.Table) int {
	n := 0
	for _, tb := range list {
		c := apimeta.FindStatusCondition(tb.Status.Conditions, "Ready")
		if c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == tb.Generation {
			n++
		}
	}
	return n
}

// finish ends a phase: its time, and the AWS calls moto recorded.
func finish(t *testing.T, start time.Time, n int) phase {
	p := phase{took: time.Since(start)}
	calls := suite.Moto.Recording(t)
	p.ops = harness.CountOperations(calls)
	for op, c := range p.ops {
		p.calls += c
		if isRead(op) {
			p.reads += c
		}
	}
	return p
}

func isRead(op string) bool {
	for _, prefix := range []string{"Describe", "List", "Get"} {
		if strings.HasPrefix(op, prefix) {
			return true
		}
	}
	return false
}

// countWrites sums what of each object's writes count picks; -1 when the
// watch lost some, which the report prints as unknown.
func countWrites(t *testing.T, l *harness.WriteLog, names []string, count func(harness.Lifecycle) int) int {
	n := 0
	for _, name := range names {
		lc, err := l.Split(name)
		if err != nil {
			t.Logf("object writes unknown: %v", err)
			return -1
		}
		n += count(lc)
	}
	return n
}

func totalWrites(l *harness.WriteLog, names []string) int {
	n := 0
	for _, name := range names {
		n += len(l.Writes(name))
	}
	return n
}

// tablesLeft counts the DynamoDB tables whose names carry prefix.
func tablesLeft(t *testing.T, prefix string) int {
	ddb := dynamodb.NewFromConfig(suite.Moto.AWSConfig(region))
	n := 0
	pages := dynamodb.NewListTablesPaginator(ddb, &dynamodb.ListTablesInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListTables: %v", err)
		}
		for _, name := range page.TableNames {
			if strings.HasPrefix(name, prefix) {
				n++
			}
		}
	}
	return n
}

func rss(t *testing.T, e *harness.Env) (now, peak int64) {
	now, peak, err := e.Ctrl().RSS()
	if err != nil {
		t.Fatal(err)
	}
	return now, peak
}
