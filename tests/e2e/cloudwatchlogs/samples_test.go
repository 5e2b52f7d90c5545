package cloudwatchlogs

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/cloudwatchlogs/samples/ as its header
// says: the LogGroup becomes Ready, CloudWatch Logs has the group with
// the sample's retention, and deleting the folder removes it.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, "samples")
	objs := e.ApplySamples("samples")
	var names []string
	for _, o := range objs {
		g, ok := harness.WaitReady(e.Env, o).(*v1alpha1.LogGroup)
		if !ok {
			t.Fatalf("no check of a %T sample in CloudWatch Logs", o)
		}
		name := aws.ToString(g.Spec.Name)
		names = append(names, name)
		cur := group(t, name)
		if cur == nil {
			t.Fatalf("LogGroup sample %s: no log group %s", g.Name, name)
		}
		if aws.ToInt32(cur.RetentionInDays) != int32(aws.ToInt64(g.Spec.RetentionDays)) {
			t.Errorf("LogGroup sample %s: retention %d, want %d", g.Name, aws.ToInt32(cur.RetentionInDays), aws.ToInt64(g.Spec.RetentionDays))
		}
	}
	if len(names) == 0 {
		t.Fatal("the samples hold no LogGroup")
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, name := range names {
			if group(t, name) != nil {
				return fmt.Errorf("log group %s is still in CloudWatch Logs", name)
			}
		}
		return nil
	})
}
