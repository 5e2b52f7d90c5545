package cloudwatchlogs

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateLogGroup kills the controller right after CloudWatch
// Logs made a log group and before the controller heard of it. The
// restarted controller reads the group by name and claims it: one
// CreateLogGroup, the object Ready and its owner.
func TestKillAfterCreateLogGroup(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateLogGroup")
	e := env{h}
	g := e.newLogGroup("kill", "killed", 7)
	e.Create(g)
	got := harness.WaitReady(e.Env, g)
	if !killed() {
		t.Fatal("the controller was not killed after CreateLogGroup; the test did not test")
	}
	name := aws.ToString(g.Spec.Name)
	if n := opsOn(t, name)["CreateLogGroup"]; n != 1 {
		t.Errorf("%d CreateLogGroup calls for %s, want 1", n, name)
	}
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %+v, want Created", md)
	}
	if lg := group(t, name); lg == nil || aws.ToInt32(lg.RetentionInDays) != 7 {
		t.Errorf("log group %s in CloudWatch Logs: %+v, want one with 7 days' retention", name, lg)
	}
}

// TestAdoptLogGroup adopts a log group made outside Kubernetes, with 3
// days' retention, by a manifest asking for 14, under each policy: no
// CreateLogGroup; adopt makes the spec AWS's (3), adopt-or-create keeps
// the spec's 14, which then reaches AWS.
func TestAdoptLogGroup(t *testing.T) {
	t.Parallel()
	e := start(t, "adopt")
	for _, c := range []struct {
		policy string
		want   int64
	}{{"adopt", 3}, {"adopt-or-create", 14}} {
		t.Run(c.policy, func(t *testing.T) {
			t.Parallel()
			e := env{e.For(t)}
			g := e.newLogGroup("adopt", "legacy-"+c.policy, 14)
			name := aws.ToString(g.Spec.Name)
			ctx := context.Background()
			if _, err := logsClient().CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(name)}); err != nil {
				t.Fatal(err)
			}
			if _, err := logsClient().PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String(name), RetentionInDays: aws.Int32(3)}); err != nil {
				t.Fatal(err)
			}
			g.Annotations = map[string]string{
				"services.k8s.aws/adoption-policy": c.policy,
				"services.k8s.aws/adoption-fields": fmt.Sprintf(`{"name": %q}`, name),
			}
			e.Create(g)
			got := harness.WaitFor(e.Env, g, "to be adopted and synced", func(g *v1alpha1.LogGroup) error {
				if md := g.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipAdopted {
					return fmt.Errorf("ownership %+v, want Adopted", md)
				}
				if lg := group(t, name); lg == nil || int64(aws.ToInt32(lg.RetentionInDays)) != c.want {
					return fmt.Errorf("log group in AWS: %+v, want %d days' retention", lg, c.want)
				}
				return harness.ConditionIs[*v1alpha1.LogGroup]("ACK.ResourceSynced", metav1.ConditionTrue)(g)
			})
			if r := aws.ToInt64(got.Spec.RetentionDays); r != c.want {
				t.Errorf("adopted spec's retentionDays %d, want %d", r, c.want)
			}
			if n := opsOn(t, name)["CreateLogGroup"]; n != 1 {
				t.Errorf("%d CreateLogGroup calls for %s, want only the one that made it outside Kubernetes", n, name)
			}
		})
	}
}
