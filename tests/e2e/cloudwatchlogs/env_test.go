package cloudwatchlogs

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-east-1"

// env is one running CloudWatch Logs controller, watching the namespaces
// of one test.
type env struct{ *harness.Env }

// start runs a controller that checks every LogGroup each second.
func start(t *testing.T, ns string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{ns}, Region: region,
		Flags: []string{"--reconcile-resource-resync-seconds", "LogGroup=1"},
	})}
}

func logsClient() *cloudwatchlogs.Client {
	return cloudwatchlogs.NewFromConfig(suite.Moto.AWSConfig(region))
}

// newLogGroup is a LogGroup in the test's namespace ns, called name in
// Kubernetes and /<prefix>/name in CloudWatch Logs.
func (e env) newLogGroup(ns, name string, retention int64) *v1alpha1.LogGroup {
	g := &v1alpha1.LogGroup{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec:       v1alpha1.LogGroupSpec{Name: aws.String("/" + e.Prefix + "/" + name)},
	}
	if retention > 0 {
		g.Spec.RetentionDays = aws.Int64(retention)
	}
	return g
}

// group is the log group CloudWatch Logs holds under exactly name, nil
// when there is none.
func group(t *testing.T, name string) *types.LogGroup {
	t.Helper()
	out, err := logsClient().DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String(name)})
	if err != nil {
		t.Fatalf("DescribeLogGroups %s: %v", name, err)
	}
	for _, g := range out.LogGroups {
		if aws.ToString(g.LogGroupName) == name {
			return &g
		}
	}
	return nil
}

// tags are the log group's tags, by its ARN.
func tags(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := logsClient().ListTagsForResource(context.Background(), &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListTagsForResource %s: %v", arn, err)
	}
	return out.Tags
}

// opsOn counts the recorded calls naming the log group, by name or ARN,
// by operation, since the suite started.
func opsOn(t *testing.T, name string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		var body map[string]any
		if json.Unmarshal(c.Body, &body) != nil {
			continue
		}
		for _, k := range []string{"logGroupName", "logGroupNamePrefix", "resourceArn"} {
			if v, _ := body[k].(string); v == name || strings.HasSuffix(v, ":log-group:"+name) {
				counts[c.Operation()]++
				break
			}
		}
	}
	return counts
}

// isRead says whether a CloudWatch Logs operation only reads.
func isRead(op string) bool {
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List")
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// checkEconomy counts what an unchanged LogGroup named name costs over
// ten resyncs: no writes, and reads only of the operations named, each at
// most once per resync.
func (e env) checkEconomy(name string, reads ...string) {
	e.T.Helper()
	all := map[string]string{"kind": "LogGroup"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, name)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(e.T, name)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	calls := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			calls[op] = d
		}
	}
	e.T.Logf("economy cloudwatchlogs LogGroup: %.1f calls per resync: %v", float64(total(calls))/passes, calls)
	for op, n := range calls {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged LogGroup", n, op, passes)
		}
	}
	for _, op := range reads {
		if n := calls[op]; n == 0 || float64(n) > passes+1 {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged LogGroup, want one per resync", n, op, passes)
		}
	}
	if n := total(calls); float64(n) > float64(len(reads))*(passes+1) {
		e.T.Errorf("%d calls in %v resyncs of an unchanged LogGroup, want only %v once each: %v", n, passes, reads, calls)
	}
}
