//go:build bench

// Package bench measures the generated controllers with the chart's
// default values: the real binaries, a real API server and moto. It
// prints figures and writes results/latest.md; it asserts nothing about
// time. The build tag keeps it out of `make test`; `make bench` runs it.
package bench

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/tests/harness"
)

var (
	// suite is DynamoDB's; suites holds every service's, sharing its moto
	// and API server.
	suite     *harness.Suite
	suites    = map[string]*harness.Suite{}
	levels    = flag.String("bench.levels", "100", "comma-separated numbers of objects to create, resync and delete, per scale kind")
	scaleOf   = flag.String("bench.kinds", "Table,Bucket,SecurityGroup", "comma-separated kinds measured at every level: the largest committed")
	economyN  = flag.Int("bench.economy", 3, "objects of every committed kind whose no-op resync is counted; 0 skips it")
	out       = flag.String("bench.out", "results/latest.md", "where the results table is written")
	generator = flag.String("bench.generator", "", "file holding `go test -bench` output of the generator's benchmarks")
	ctrlFlags = flag.String("bench.controller-flags", "", "space-separated flags added after the chart's, to compare a setting with its default")
)

const region = "us-west-2"

// phaseWait bounds each phase; far above any expected time, it only stops
// a stuck run.
const phaseWait = 30 * time.Minute

// services are those with committed kinds; each gets its controller.
var services = []string{"dynamodb", "s3", "ec2", "sqs", "sns", "iam", "kms", "cloudwatchlogs", "ecr"}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runSuites(m))
}

// runSuites starts one moto and one API server holding every service's
// CRDs, builds every controller, and runs the tests.
func runSuites(m *testing.M) int {
	dir, err := os.MkdirTemp("", "kubesmith-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	root, err := harness.FindRepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	moto, err := harness.NewMoto()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer moto.Stop()
	var crds []string
	for _, svc := range services {
		crds = append(crds, filepath.Join(root, "generated", svc, "config/crd"))
	}
	kube, stop, err := harness.NewKube(dir, harness.WithCRDs(crds...))
	if stop != nil {
		defer stop()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, svc := range services {
		bin, err := harness.Build("./generated/"+svc+"/cmd/controller", filepath.Join(dir, svc))
		if err != nil {
			fmt.Fprintf(os.Stderr, "building the %s controller: %v\n", svc, err)
			return 1
		}
		suites[svc] = &harness.Suite{Service: svc, Moto: moto, Kube: kube, Bin: bin}
	}
	suite = suites["dynamodb"]
	return m.Run()
}

// level is what one run at n objects of a kind measured.
type level struct {
	kind                             string
	n                                int
	create, resync, delete           phase
	rssAfterCreate, rssAfterResync   int64
	peakAfterCreate, peakAfterResync int64
	loadAfter                        string
}

// phase is one step over all the objects.
type phase struct {
	took         time.Duration
	calls, reads int // AWS calls seen by moto's recorder, reads among them
	objectWrites int // writes the API server stored, the user's left out
	ops          map[string]int
	batches      int // reads naming more than one resource: batched observation
}

// TestBench measures the economy of every committed kind, then the
// largest at every level, and writes the report after each measurement,
// so a run stopped early still leaves what it measured. A new measurement
// adds its section to report and its rows there.
func TestBench(t *testing.T) {
	rep := report{machine: machineInfo(), generator: generatorRows(t)}
	save := func() {
		text := rep.render()
		if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := saveBatched(rep.scale); err != nil {
			t.Fatal(err)
		}
	}
	prefix := harness.PrefixFor(t)
	fx := makeFixtures(t, prefix)
	if *economyN > 0 {
		for _, s := range samples {
			t.Run("economy-"+s.kind, func(t *testing.T) {
				row := economyRow{sample: s, n: *economyN}
				defer func() {
					if t.Failed() {
						row.failed = true
					}
					rep.economy = append(rep.economy, row)
				}()
				row.level = measure(t, s, *economyN, fx)
			})
		}
		save()
	}
	for _, kind := range strings.Split(*scaleOf, ",") {
		s := sampleOf(t, strings.TrimSpace(kind))
		for _, l := range strings.Split(*levels, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(l))
			if err != nil || n <= 0 {
				t.Fatalf("-bench.levels: %q is not a positive number", l)
			}
			t.Run(fmt.Sprintf("%s-%d", s.kind, n), func(t *testing.T) {
				lv := measure(t, s, n, fx)
				if !t.Failed() {
					rep.scale = append(rep.scale, lv)
				}
			})
			save()
		}
	}
	t.Log("\n" + rep.render())
}

// measure creates n objects of s, restarts the controller (which reads
// every one once: a resync of unchanged objects) and deletes them.
func measure(t *testing.T, s sample, n int, fx fixtures) level {
	lv := level{kind: s.kind, n: n}
	e := suites[s.service].StartController(t, harness.ControllerOptions{
		Namespaces: []string{"bench"}, Region: region,
		// The chart's default log level; the harness asks for debug.
		Flags: append([]string{"--log-level", "info"}, strings.Fields(*ctrlFlags)...),
	})
	ns := e.NS("bench")
	k := fastClient(t)
	writes := suites[s.service].Kube.WatchWrites(t, s.gvr(), ns)
	objs := s.objects(t, ns, e.Prefix, n, fx)
	names := make([]string, n)
	for i, o := range objs {
		names[i] = o.GetName()
	}

	suite.Moto.StartRecording(t)
	start := time.Now()
	each(t, objs, func(o *unstructured.Unstructured) error { return k.Create(context.Background(), o.DeepCopy()) })
	waitObjects(t, k, s, ns, fmt.Sprintf("%d %s Ready", n, s.kind), func(list []unstructured.Unstructured) bool { return countReady(list) == n })
	lv.create = finish(t, start)
	lv.rssAfterCreate, lv.peakAfterCreate = rss(t, e)
	lv.create.objectWrites = countWrites(t, writes, names, func(lc harness.Lifecycle) int { return len(lc.Create) })

	before := totalWrites(writes, names)
	_ = e.Ctrl().Stop()
	suite.Moto.StartRecording(t)
	start = time.Now()
	e.Restart()
	synced := map[string]string{"kind": s.kind, "result": "synced"}
	waitFor(t, fmt.Sprintf("%d synced reconciles of %s after a restart", n, s.kind), func() bool {
		m, err := harness.ScrapeMetrics(e.Metrics)
		return err == nil && m.Sum("kubesmith_reconciles_total", synced) >= float64(n)
	})
	lv.resync = finish(t, start)
	lv.resync.objectWrites = totalWrites(writes, names) - before
	if writes.Err() != nil {
		lv.resync.objectWrites = -1
	}
	lv.rssAfterResync, lv.peakAfterResync = rss(t, e)

	suite.Moto.StartRecording(t)
	start = time.Now()
	each(t, objs, func(o *unstructured.Unstructured) error {
		return client.IgnoreNotFound(k.Delete(context.Background(), o.DeepCopy()))
	})
	waitObjects(t, k, s, ns, "every "+s.kind+" gone", func(list []unstructured.Unstructured) bool { return len(list) == 0 })
	lv.delete = finish(t, start)
	lv.delete.objectWrites = countWrites(t, writes, names, func(lc harness.Lifecycle) int { return len(lc.Delete) })
	lv.loadAfter = loadAverage()
	t.Logf("%d %s: create %s, resync %s, delete %s; RSS %s after create, %s after resync",
		n, s.kind, lv.create.took.Round(time.Millisecond), lv.resync.took.Round(time.Millisecond), lv.delete.took.Round(time.Millisecond),
		mib(lv.rssAfterCreate), mib(lv.rssAfterResync))
	return lv
}

// fastClient is the test's own client without client-go's default limit
// of 5 requests a second, so that the test is never what is measured.
func fastClient(t *testing.T) client.Client {
	cfg := rest.CopyConfig(suite.Kube.Config)
	cfg.QPS, cfg.Burst = -1, 0
	k, err := client.New(cfg, client.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// each runs fn for every object, 16 at a time.
func each(t *testing.T, objs []*unstructured.Unstructured, fn func(*unstructured.Unstructured) error) {
	var wg sync.WaitGroup
	errs := make(chan error, len(objs))
	sem := make(chan struct{}, 16)
	for _, o := range objs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(o); err != nil {
				errs <- fmt.Errorf("%s: %w", o.GetName(), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func waitObjects(t *testing.T, k client.Client, s sample, ns, what string, done func([]unstructured.Unstructured) bool) {
	var last []unstructured.Unstructured
	waitFor(t, what, func() bool {
		list := &unstructured.UnstructuredList{}
		list.SetGroupVersionKind(s.gvr().GroupVersion().WithKind(s.kind + "List"))
		if k.List(context.Background(), list, client.InNamespace(ns)) != nil {
			return false
		}
		last = list.Items
		return done(list.Items)
	}, func() string { return describeNotReady(last) })
}

// waitFor polls done; a stuck run fails after phaseWait, saying what the
// objects were waiting on.
func waitFor(t *testing.T, what string, done func() bool, why ...func() string) {
	t.Helper()
	bound := phaseWait
	if strings.Contains(t.Name(), "economy-") {
		bound = 3 * time.Minute // a few objects: minutes mean stuck
	}
	deadline := time.Now().Add(bound)
	for !done() {
		if time.Now().After(deadline) {
			msg := ""
			for _, w := range why {
				msg += "; " + w()
			}
			t.Fatalf("no %s after %s%s", what, bound, msg)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ready reports whether an object is Ready at its current generation,
// and its Ready message.
func ready(u unstructured.Unstructured) (bool, string) {
	conds, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] != "Ready" {
			continue
		}
		gen, _ := m["observedGeneration"].(int64)
		msg, _ := m["message"].(string)
		return m["status"] == "True" && gen == u.GetGeneration(), msg
	}
	return false, "no Ready condition"
}

func countReady(list []unstructured.Unstructured) int {
	n := 0
	for _, u := range list {
		if ok, _ := ready(u); ok {
			n++
		}
	}
	return n
}

// describeNotReady names the first objects not Ready, with why.
func describeNotReady(list []unstructured.Unstructured) string {
	var parts []string
	for _, u := range list {
		if ok, msg := ready(u); !ok && len(parts) < 3 {
			parts = append(parts, u.GetName()+": "+msg)
		}
	}
	return fmt.Sprintf("%d objects, not Ready: %s", len(list), strings.Join(parts, "; "))
}

// finish ends a phase: its time, and the AWS calls moto recorded.
func finish(t *testing.T, start time.Time) phase {
	p := phase{took: time.Since(start), ops: map[string]int{}}
	calls := suite.Moto.Recording(t)
	for _, c := range calls {
		if isRead(c.Operation()) && batchParam.Match(c.Body) {
			p.batches++
		}
	}
	for op, c := range harness.CountOperations(calls) {
		op = operation(op)
		p.ops[op] += c
		p.calls += c
		if isRead(op) {
			p.reads += c
		}
	}
	return p
}

// operation names a REST call (S3) by its method, sub-resource and the
// path's first segment as {bucket}, so calls on different buckets count
// as one operation; other operations are named by the API already.
func operation(op string) string {
	method, rest, ok := strings.Cut(op, " /")
	if !ok {
		return op
	}
	path, sub, _ := strings.Cut(rest, "?")
	name := method + " /{bucket}"
	if _, key, ok := strings.Cut(path, "/"); ok && key != "" {
		name += "/{key}"
	}
	if sub != "" {
		name += "?" + sub
	}
	return name
}

// batchParam is a second member of an EC2 query list of identifiers
// (GroupId.2=, VpcId.2=): a read of more than one resource.
var batchParam = regexp.MustCompile(`(^|&)[A-Za-z]*Id\.2=`)

func isRead(op string) bool {
	for _, prefix := range []string{"Describe", "List", "Get", "GET ", "HEAD "} {
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

func rss(t *testing.T, e *harness.Env) (now, peak int64) {
	now, peak, err := e.Ctrl().RSS()
	if err != nil {
		t.Fatal(err)
	}
	return now, peak
}
