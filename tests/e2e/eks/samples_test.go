package eks

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/eks/samples/ as its header says, in one
// kubectl apply --validate=strict: the Cluster, Nodegroup and
// FargateProfile samples become Ready and EKS has each as written;
// deleting the folder removes them. The kinds moto lacks are in
// samples/emulator-gaps/, which the harness dry-runs only.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"samples"})
	objs := e.ApplySamples("samples")
	gone := map[string]func() bool{}
	for _, o := range objs {
		switch o := o.(type) {
		case *v1alpha1.Cluster:
			o = harness.WaitReady(e.Env, o)
			name := *o.Spec.Name
			got := describeCluster(t, name)
			if got == nil || aws.ToString(got.RoleArn) != *o.Spec.RoleARN || !slices.Equal(got.ResourcesVpcConfig.SubnetIds, o.Spec.ResourcesVPCConfig.SubnetIDs) {
				t.Errorf("sample cluster %s in EKS: %+v, want role %s and subnets %v", name, got, *o.Spec.RoleARN, o.Spec.ResourcesVPCConfig.SubnetIDs)
			}
			gone[o.Name] = func() bool { return describeCluster(t, name) == nil }
		case *v1alpha1.Nodegroup:
			o = harness.WaitReady(e.Env, o)
			cluster, name := *o.Status.ClusterName, *o.Spec.Name
			got := describeNodegroup(t, cluster, name)
			if got == nil || aws.ToString(got.NodeRole) != *o.Spec.NodeRole || sizes(got.ScalingConfig) != "1/3/2" {
				t.Errorf("sample node group %s in EKS: %+v, want role %s and scaling 1/3/2", name, got, *o.Spec.NodeRole)
			}
			gone[o.Name] = func() bool { return describeNodegroup(t, cluster, name) == nil }
		case *v1alpha1.FargateProfile:
			o = harness.WaitReady(e.Env, o)
			cluster, name := *o.Status.ClusterName, *o.Spec.Name
			read := func() *eks.DescribeFargateProfileOutput {
				out, err := client().DescribeFargateProfile(t.Context(), &eks.DescribeFargateProfileInput{ClusterName: &cluster, FargateProfileName: &name})
				if notFound(t, "DescribeFargateProfile "+name, err) {
					return nil
				}
				return out
			}
			if got := read(); got == nil || aws.ToString(got.FargateProfile.PodExecutionRoleArn) != *o.Spec.PodExecutionRoleARN {
				t.Errorf("sample Fargate profile %s in EKS: %+v, want pod execution role %s", name, got, *o.Spec.PodExecutionRoleARN)
			}
			gone[o.Name] = func() bool { return read() == nil }
		default:
			t.Fatalf("no check of a %T sample in EKS", o)
		}
	}
	e.DeleteSamples("samples", objs)
	for sample, isGone := range gone {
		if !isGone() {
			t.Errorf("sample %s still in EKS after the folder's delete", sample)
		}
	}
}
