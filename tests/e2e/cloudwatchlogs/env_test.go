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

// checkEconomy checks that ten resyncs of an unchanged LogGroup named name
// write nothing and read only reads, once each.
func (e env) checkEconomy(name string, reads ...string) {
	e.T.Helper()
	harness.CheckSteadyReads(e.Env, "cloudwatchlogs", "LogGroup", func() map[string]int { return opsOn(e.T, name) }, isRead, reads...)
}
