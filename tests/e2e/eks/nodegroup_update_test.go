package eks

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestNodegroupLabelsAndTaints: a node group's labels and taints change
// through UpdateNodegroupConfig's add-or-update and remove lists: a label
// added and one removed in the spec, then a taint changed and one removed,
// reach EKS; a label and a taint changed outside Kubernetes are put back
// at the next resync; an unchanged node group sends no update in ten
// resyncs.
func TestNodegroupLabelsAndTaints(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"ng-update"}, "Nodegroup")
	c := e.newCluster("ng-update", "labelled")
	cluster := *c.Spec.Name
	ng := &v1alpha1.Nodegroup{
		ObjectMeta: metav1.ObjectMeta{Name: "labelled", Namespace: e.NS("ng-update")},
		Spec: v1alpha1.NodegroupSpec{
			Name:          aws.String(e.Unique("workers")),
			ClusterRef:    ref(c.Name),
			NodeRole:      aws.String("arn:aws:iam::123456789012:role/" + e.Unique("nodes")),
			Subnets:       subnets,
			ScalingConfig: scaling(1, 3, 2),
			Labels:        map[string]string{"pool": "general", "team": "a"},
			Taints:        []v1alpha1.Taint{taint("dedicated", "gpu", "NO_SCHEDULE"), taint("spot", "true", "PREFER_NO_SCHEDULE")},
		},
	}
	name := *ng.Spec.Name
	e.Create(c)
	e.Create(ng)
	ng = harness.WaitReady(e.Env, ng)
	waitLabelsAndTaints(t, cluster, name, "the create",
		"pool=general,team=a", "dedicated=gpu:NO_SCHEDULE,spot=true:PREFER_NO_SCHEDULE")

	harness.Edit(e.Env, ng, func(ng *v1alpha1.Nodegroup) {
		ng.Spec.Labels = map[string]string{"pool": "general", "zone": "b"}          // team removed, zone added
		ng.Spec.Taints = []v1alpha1.Taint{taint("dedicated", "cpu", "NO_SCHEDULE")} // value changed, spot removed
	})
	waitLabelsAndTaints(t, cluster, name, "the spec's change", "pool=general,zone=b", "dedicated=cpu:NO_SCHEDULE")

	if _, err := client().UpdateNodegroupConfig(context.Background(), &eks.UpdateNodegroupConfigInput{
		ClusterName: &cluster, NodegroupName: &name,
		Labels: &types.UpdateLabelsPayload{AddOrUpdateLabels: map[string]string{"rogue": "x"}, RemoveLabels: []string{"zone"}},
	}); err != nil {
		t.Fatalf("UpdateNodegroupConfig labels outside Kubernetes: %v", err)
	}
	if _, err := client().UpdateNodegroupConfig(context.Background(), &eks.UpdateNodegroupConfigInput{
		ClusterName: &cluster, NodegroupName: &name,
		Taints: &types.UpdateTaintsPayload{AddOrUpdateTaints: []types.Taint{{Key: aws.String("dedicated"), Value: aws.String("rogue"), Effect: types.TaintEffectNoSchedule}}},
	}); err != nil {
		t.Fatalf("UpdateNodegroupConfig taints outside Kubernetes: %v", err)
	}
	waitLabelsAndTaints(t, cluster, name, "the resync putting the spec back", "pool=general,zone=b", "dedicated=cpu:NO_SCHEDULE")

	harness.CheckSteadyReads(e.Env, "eks", "Nodegroup", calls(t, cluster, name), isRead, "GET /clusters/{cluster}/node-groups/{name}")

	e.Delete(ng)
	e.WaitGone(ng)
	e.Delete(c)
	e.WaitGone(c)
}

func taint(key, value, effect string) v1alpha1.Taint {
	return v1alpha1.Taint{Key: &key, Value: &value, Effect: &effect}
}

// waitLabelsAndTaints waits until EKS reports the node group's labels
// and taints as want (k=v and k=v:EFFECT, sorted, comma-separated), after
// what.
func waitLabelsAndTaints(t *testing.T, cluster, name, what, labels, taints string) {
	t.Helper()
	harness.Eventually(t, 60*time.Second, 200*time.Millisecond, func() error {
		ng := describeNodegroup(t, cluster, name)
		var ls, ts []string
		for _, k := range slices.Sorted(maps.Keys(ng.Labels)) {
			ls = append(ls, k+"="+ng.Labels[k])
		}
		for _, tt := range ng.Taints {
			ts = append(ts, fmt.Sprintf("%s=%s:%s", aws.ToString(tt.Key), aws.ToString(tt.Value), tt.Effect))
		}
		slices.Sort(ts)
		if got := strings.Join(ls, ","); got != labels {
			return fmt.Errorf("node group %s labels %s after %s, want %s", name, got, what, labels)
		}
		if got := strings.Join(ts, ","); got != taints {
			return fmt.Errorf("node group %s taints %s after %s, want %s", name, got, what, taints)
		}
		return nil
	})
}
