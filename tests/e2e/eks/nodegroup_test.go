package eks

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestNodegroup: a Nodegroup naming its Cluster by reference is created
// once the cluster is Ready, with its role, subnets and scaling; a scaling
// change goes through UpdateNodegroupConfig; a size changed outside
// Kubernetes is put back at the next resync; an unchanged node group costs
// one DescribeNodegroup (which returns the tags) and no write per resync; deleting the object
// deletes the node group in EKS.
func TestNodegroup(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"nodegroup"}, "Nodegroup")
	c := e.newCluster("nodegroup", "with-nodes")
	cluster := *c.Spec.Name
	role := "arn:aws:iam::123456789012:role/" + e.Unique("nodes")
	ng := &v1alpha1.Nodegroup{
		ObjectMeta: metav1.ObjectMeta{Name: "nodes", Namespace: e.NS("nodegroup")},
		Spec: v1alpha1.NodegroupSpec{
			Name:          aws.String(e.Unique("nodes")),
			ClusterRef:    ref(c.Name),
			NodeRole:      aws.String(role),
			Subnets:       subnets,
			ScalingConfig: scaling(1, 3, 2),
			Labels:        map[string]string{"pool": "general"},
		},
	}
	name := *ng.Spec.Name
	e.Create(ng)
	e.Create(c)
	ng = harness.WaitReady(e.Env, ng)

	got := describeNodegroup(t, cluster, name)
	if got == nil || aws.ToString(got.NodeRole) != role || !slices.Equal(got.Subnets, subnets) || got.Labels["pool"] != "general" {
		t.Fatalf("node group %s in EKS: %+v, want role %s, subnets %v and label pool=general", name, got, role, subnets)
	}
	if s := sizes(got.ScalingConfig); s != "1/3/2" {
		t.Errorf("node group %s scaling %s at create, want 1/3/2", name, s)
	}

	harness.Edit(e.Env, ng, func(ng *v1alpha1.Nodegroup) { ng.Spec.ScalingConfig = scaling(1, 5, 4) })
	waitSizes(t, cluster, name, "1/5/4", "the spec's change")

	if _, err := client().UpdateNodegroupConfig(context.Background(), &eks.UpdateNodegroupConfigInput{
		ClusterName: &cluster, NodegroupName: &name,
		ScalingConfig: &types.NodegroupScalingConfig{MinSize: aws.Int32(1), MaxSize: aws.Int32(5), DesiredSize: aws.Int32(1)},
	}); err != nil {
		t.Fatalf("UpdateNodegroupConfig outside Kubernetes: %v", err)
	}
	waitSizes(t, cluster, name, "1/5/4", "the resync putting the spec back")

	harness.CheckSteadyReads(e.Env, "eks", "Nodegroup", calls(t, cluster, name), isRead, "GET /clusters/{cluster}/node-groups/{name}")

	e.Delete(ng)
	e.WaitGone(ng)
	if got := describeNodegroup(t, cluster, name); got != nil {
		t.Errorf("node group %s still in EKS after the object's delete: %s", name, got.Status)
	}
	e.Delete(c)
	e.WaitGone(c)
}

func scaling(min, max, desired int64) *v1alpha1.NodegroupScalingConfig {
	return &v1alpha1.NodegroupScalingConfig{MinSize: &min, MaxSize: &max, DesiredSize: &desired}
}

// sizes is a scaling configuration as min/max/desired.
func sizes(s *types.NodegroupScalingConfig) string {
	if s == nil {
		return "none"
	}
	return fmt.Sprintf("%d/%d/%d", aws.ToInt32(s.MinSize), aws.ToInt32(s.MaxSize), aws.ToInt32(s.DesiredSize))
}

// waitSizes waits until EKS reports the node group's scaling want, after
// what.
func waitSizes(t *testing.T, cluster, name, want, what string) {
	t.Helper()
	harness.Eventually(t, 60*time.Second, 200*time.Millisecond, func() error {
		if got := sizes(describeNodegroup(t, cluster, name).ScalingConfig); got != want {
			return fmt.Errorf("node group %s scaling %s after %s, want %s", name, got, what, want)
		}
		return nil
	})
}
