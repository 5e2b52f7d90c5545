//go:build bench

package bench

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"

	ec2v1alpha1 "github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// batchedRow is what one level of the batched kind measured: a resync
// after a restart, read in batches (generator.yaml's batchRead).
type batchedRow struct {
	n                     int
	create                time.Duration
	resync                phase
	rss, peak             int64
	describes, batchCalls int // DescribeSecurityGroups calls, and those naming more than one group
}

// TestBatchedScale is the scale row of the batched kind, EC2
// SecurityGroup, with the chart's default values: n groups created, then
// a restart, whose resync of every unchanged group is read in batches.
// It runs at the scale rows' levels (BENCH_LEVELS: 100,300,1000)
// and writes results/batched.md beside the DynamoDB table.
func TestBatchedScale(t *testing.T) {
	s := harness.StartSuite(t, "ec2", ec2v1alpha1.AddToScheme)
	var rows []batchedRow
	for _, level := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(level))
		if err != nil || n <= 0 {
			t.Fatalf("-bench.levels: %q is not a positive number", level)
		}
		t.Run(fmt.Sprintf("securitygroups-%d", n), func(t *testing.T) { rows = append(rows, measureBatched(t, s, n)) })
	}
	var b strings.Builder
	b.WriteString("## Scale: EC2 SecurityGroups, resync read in batches (batchRead size 200)\n\n")
	fmt.Fprintf(&b, "Load average after: %s. Reading alone costs 1 DescribeSecurityGroups per group and resync.\n\n", loadAverage())
	b.WriteString("| groups | create (all Ready) | resync after a restart | DescribeSecurityGroups per group | of reading alone | all calls | AWS writes | object writes | RSS after resync (peak) |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %s | %s | %s (%d calls, %d of them batches) | 1/%.0f | %s | %d | %d | %s (%s) |\n",
			r.n, r.create.Round(100*time.Millisecond), r.resync.took.Round(100*time.Millisecond),
			per(r.describes, r.n), r.describes, r.batchCalls, float64(r.n)/float64(max(r.describes, 1)), describeOps(r.resync.ops),
			r.resync.calls-r.resync.reads, r.resync.objectWrites, mib(r.rss), mib(r.peak))
	}
	t.Log("\n" + b.String())
	if err := os.MkdirAll("results", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("results/batched.md", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func measureBatched(t *testing.T, s *harness.Suite, n int) batchedRow {
	row := batchedRow{n: n}
	e := s.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"batched"}, Region: region,
		Flags: append([]string{"--log-level", "info"}, strings.Fields(*ctrlFlags)...),
	})
	ns := e.NS("batched")
	vpc, err := ec2.NewFromConfig(s.Moto.AWSConfig(region)).CreateVpc(context.Background(), &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	k := unthrottled(t, s)
	writes := s.Kube.WatchWrites(t, ec2v1alpha1.GroupVersion.WithResource("securitygroups"), ns)
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("sg%04d", i)
	}
	start := time.Now()
	objs := make([]*unstructured.Unstructured, n)
	for i, name := range names {
		objs[i] = &unstructured.Unstructured{}
		objs[i].SetName(name)
	}
	each(t, objs, func(o *unstructured.Unstructured) error {
		name := o.GetName()
		return k.Create(context.Background(), &ec2v1alpha1.SecurityGroup{
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
			Spec:       ec2v1alpha1.SecurityGroupSpec{Name: aws.String(name), Description: aws.String("bench"), VPCID: vpc.Vpc.VpcId},
		})
	})
	waitFor(t, fmt.Sprintf("%d SecurityGroups Ready", n), func() bool {
		var list ec2v1alpha1.SecurityGroupList
		if k.List(context.Background(), &list, client.InNamespace(ns)) != nil {
			return false
		}
		ready := 0
		for _, g := range list.Items {
			if c := apimeta.FindStatusCondition(g.Status.Conditions, "Ready"); c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == g.Generation {
				ready++
			}
		}
		return ready == n
	})
	row.create = time.Since(start)

	before := totalWrites(writes, names)
	_ = e.Ctrl().Stop()
	s.Moto.StartRecording(t)
	start = time.Now()
	e.Restart()
	synced := map[string]string{"kind": "SecurityGroup", "result": "synced"}
	waitFor(t, fmt.Sprintf("%d synced reconciles after a restart", n), func() bool {
		m, err := harness.ScrapeMetrics(e.Metrics)
		return err == nil && m.Sum("kubesmith_reconciles_total", synced) >= float64(n)
	})
	row.resync = phase{took: time.Since(start)}
	calls := s.Moto.Recording(t)
	row.resync.ops = harness.CountOperations(calls)
	for _, c := range calls {
		op := c.Operation()
		row.resync.calls++
		if !isRead(op) {
			continue
		}
		row.resync.reads++
		if op != "DescribeSecurityGroups" {
			continue
		}
		row.describes++
		if strings.Contains(string(c.Body), "GroupId.2=") {
			row.batchCalls++
		}
	}
	row.resync.objectWrites = totalWrites(writes, names) - before
	if writes.Err() != nil {
		row.resync.objectWrites = -1
	}
	row.rss, row.peak = rss(t, e)
	t.Logf("%d SecurityGroups: create %s; resync %s with %d reads (%d batched), %d AWS writes, %d object writes; RSS %s; calls %s",
		n, row.create.Round(time.Millisecond), row.resync.took.Round(time.Millisecond), row.resync.reads, row.batchCalls,
		row.resync.calls-row.resync.reads, row.resync.objectWrites, mib(row.rss), describeOps(row.resync.ops))
	return row
}

// unthrottled is fastClient for the batched kind's own suite.
func unthrottled(t *testing.T, s *harness.Suite) client.Client {
	cfg := rest.CopyConfig(s.Kube.Config)
	cfg.QPS, cfg.Burst = -1, 0
	k, err := client.New(cfg, client.Options{Scheme: s.Kube.Client.Scheme()})
	if err != nil {
		t.Fatal(err)
	}
	return k
}
