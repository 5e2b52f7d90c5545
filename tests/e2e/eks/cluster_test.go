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

// subnets are subnet IDs moto's EKS takes without looking them up.
var subnets = []string{"subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"}

// newCluster is a Cluster logging the API server's log.
func (e env) newCluster(ns, name string) *v1alpha1.Cluster {
	return &v1alpha1.Cluster{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec: v1alpha1.ClusterSpec{
			Name:               aws.String(e.Unique(name)),
			Version:            aws.String("1.31"),
			RoleARN:            aws.String("arn:aws:iam::123456789012:role/" + e.Unique("cluster")),
			ResourcesVPCConfig: &v1alpha1.VpcConfigRequest{SubnetIDs: subnets},
			Logging:            logging("api"),
		},
	}
}

// logging enables the log types given.
func logging(types ...string) *v1alpha1.Logging {
	return &v1alpha1.Logging{ClusterLogging: []v1alpha1.LogSetup{{Types: types, Enabled: aws.Bool(true)}}}
}

// TestCluster: a Cluster is created with its role and subnets, becomes
// Ready, takes a logging change through UpdateClusterConfig, has logging
// changed outside Kubernetes put back at the next resync, costs one
// DescribeCluster (which returns the tags) and no write per resync while
// unchanged, and is deleted
// from EKS with the object.
func TestCluster(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"cluster"}, "Cluster")
	c := e.newCluster("cluster", "lifecycle")
	name := *c.Spec.Name
	e.Create(c)
	c = harness.WaitReady(e.Env, c)

	got := describeCluster(t, name)
	if got == nil || aws.ToString(got.RoleArn) != *c.Spec.RoleARN || !slices.Equal(got.ResourcesVpcConfig.SubnetIds, subnets) {
		t.Fatalf("cluster %s in EKS: %+v, want role %s and subnets %v", name, got, *c.Spec.RoleARN, subnets)
	}
	if c.Status.ACKResourceMetadata == nil || c.Status.ACKResourceMetadata.ARN == nil || *c.Status.ACKResourceMetadata.ARN != aws.ToString(got.Arn) {
		t.Errorf("status ARN %+v, want %s", c.Status.ACKResourceMetadata, aws.ToString(got.Arn))
	}
	if enabledLogs(got.Logging) != "api" {
		t.Errorf("cluster %s logs %q at create, want api", name, enabledLogs(got.Logging))
	}

	harness.Edit(e.Env, c, func(c *v1alpha1.Cluster) { c.Spec.Logging = logging("api", "audit") })
	waitLogs(t, name, "api,audit", "the spec's change")

	if _, err := client().UpdateClusterConfig(context.Background(), &eks.UpdateClusterConfigInput{
		Name:    &name,
		Logging: &types.Logging{ClusterLogging: []types.LogSetup{{Types: []types.LogType{types.LogTypeScheduler}, Enabled: aws.Bool(true)}}},
	}); err != nil {
		t.Fatalf("UpdateClusterConfig outside Kubernetes: %v", err)
	}
	waitLogs(t, name, "api,audit", "the resync putting the spec back")

	harness.CheckSteadyReads(e.Env, "eks", "Cluster", calls(t, name), isRead, "GET /clusters/{cluster}")

	e.Delete(c)
	e.WaitGone(c)
	if got := describeCluster(t, name); got != nil {
		t.Errorf("cluster %s still in EKS after the object's delete: %s", name, got.Status)
	}
}

// waitLogs waits until EKS reports the cluster logging want, after what.
func waitLogs(t *testing.T, name, want, what string) {
	t.Helper()
	harness.Eventually(t, 60*time.Second, 200*time.Millisecond, func() error {
		if got := enabledLogs(describeCluster(t, name).Logging); got != want {
			return fmt.Errorf("cluster %s logs %q after %s, want %q", name, got, what, want)
		}
		return nil
	})
}
