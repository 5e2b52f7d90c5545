package eks

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"

	ec2v1alpha1 "github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// stackDir is the EKS stack a user applies, relative to the repository.
const stackDir = "docs/stacks/eks"

// TestStack applies docs/stacks/eks (IAM Roles, a VPC and Subnets, the
// Cluster, a Nodegroup, four Addons and an AccessEntry) shuffled into one
// file, in one kubectl apply --validate=strict, with the IAM and EC2
// controllers beside EKS's. References order it: every kind moto runs
// becomes Ready, EKS has the cluster with the Role's ARN and the Subnets'
// IDs and the node group with the node Role and the Subnets; the Addons
// and the AccessEntry, whose operations moto lacks, say so in a Terminal
// condition. Deleting the file removes all of it from AWS.
func TestStack(t *testing.T) {
	t.Parallel()
	e := start(t, true, []string{"stack"})
	file, objs := shuffledStack(e)
	e.Kubectl("apply", "--validate=strict", "-n", e.NS("stack"), "-f", file)

	ready := map[string]harness.Managed{}
	for _, o := range objs {
		switch o.(type) {
		case *v1alpha1.Addon, *v1alpha1.AccessEntry:
			got := harness.WaitFor(e.Env, o, "to say the emulator lacks its operations", harness.ConditionIs[harness.Managed]("ACK.Terminal", "True"))
			if c := harness.Condition(got, "ACK.Terminal"); !strings.Contains(c.Message, "does not implement") {
				t.Errorf("%s %s: Terminal %q, want it to say the endpoint does not implement the operation", o.GetObjectKind().GroupVersionKind().Kind, o.GetName(), c.Message)
			}
		default:
			ready[o.GetName()] = harness.WaitReady(e.Env, o)
		}
	}

	roleARN := aws.ToString(ready["eks-cluster-role"].GetManagedStatus().ACKResourceMetadata.ARN)
	nodeRoleARN := aws.ToString(ready["eks-node-role"].GetManagedStatus().ACKResourceMetadata.ARN)
	subnetIDs := []string{
		aws.ToString(ready["eks-subnet-a"].(*ec2v1alpha1.Subnet).Status.SubnetID),
		aws.ToString(ready["eks-subnet-b"].(*ec2v1alpha1.Subnet).Status.SubnetID),
	}
	cluster := *ready["eks-cluster"].(*v1alpha1.Cluster).Spec.Name
	got := describeCluster(t, cluster)
	if got == nil || aws.ToString(got.RoleArn) != roleARN || !slices.Equal(got.ResourcesVpcConfig.SubnetIds, subnetIDs) {
		t.Errorf("stack cluster %s in EKS: %+v, want role %s and subnets %v", cluster, got, roleARN, subnetIDs)
	}
	nodes := *ready["eks-nodes"].(*v1alpha1.Nodegroup).Spec.Name
	ng := describeNodegroup(t, cluster, nodes)
	if ng == nil || aws.ToString(ng.NodeRole) != nodeRoleARN || !slices.Equal(ng.Subnets, subnetIDs) {
		t.Errorf("stack node group %s in EKS: %+v, want role %s and subnets %v", nodes, ng, nodeRoleARN, subnetIDs)
	}
	attached := attachedPolicies(t, "kubesmith-stack-eks-nodes")
	for _, want := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"} {
		if !slices.Contains(attached, "arn:aws:iam::aws:policy/"+want) {
			t.Errorf("node role policies %v, want %s attached", attached, want)
		}
	}

	e.Kubectl("delete", "--wait=false", "-n", e.NS("stack"), "-f", file)
	for _, o := range objs {
		e.WaitGone(o)
	}
	if describeCluster(t, cluster) != nil || describeNodegroup(t, cluster, nodes) != nil {
		t.Errorf("cluster %s or its node group still in EKS after the stack's delete", cluster)
	}
	for _, role := range []string{"kubesmith-stack-eks-cluster", "kubesmith-stack-eks-nodes"} {
		_, err := iam.NewFromConfig(suite.Moto.AWSConfig(region)).GetRole(context.Background(), &iam.GetRoleInput{RoleName: &role})
		var nse *iamtypes.NoSuchEntityException
		if !errors.As(err, &nse) {
			t.Errorf("role %s after the stack's delete: %v, want NoSuchEntity", role, err)
		}
	}
	out, err := ec2.NewFromConfig(suite.Moto.AWSConfig(region)).DescribeSubnets(context.Background(), &ec2.DescribeSubnetsInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range out.Subnets {
		if slices.Contains(subnetIDs, aws.ToString(s.SubnetId)) {
			t.Errorf("subnet %s still in EC2 after the stack's delete", aws.ToString(s.SubnetId))
		}
	}
}

// shuffledStack writes every document of the stack's files, in a random
// order, into one file, and returns it with the objects, in the test's
// namespace.
func shuffledStack(e env) (string, []harness.Managed) {
	e.T.Helper()
	files, err := filepath.Glob(filepath.Join(harness.RepoRoot(e.T), stackDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		e.T.Fatalf("no stack in %s: %v", stackDir, err)
	}
	var docs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			e.T.Fatal(err)
		}
		r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
		for {
			doc, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				e.T.Fatalf("%s: %v", f, err)
			}
			if len(bytes.TrimSpace(doc)) > 0 {
				docs = append(docs, doc)
			}
		}
	}
	rand.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	var objs []harness.Managed
	for _, doc := range docs {
		u := &unstructured.Unstructured{}
		if err := utilyaml.Unmarshal(doc, &u.Object); err != nil {
			e.T.Fatal(err)
		}
		obj, err := e.K.Scheme().New(u.GroupVersionKind())
		if err != nil {
			e.T.Fatal(err)
		}
		if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, obj); err != nil {
			e.T.Fatal(err)
		}
		m := obj.(harness.Managed)
		m.SetNamespace(e.NS("stack"))
		objs = append(objs, m)
		e.T.Logf("stack: %s %s", u.GetKind(), u.GetName())
	}
	file := filepath.Join(e.T.TempDir(), "stack.yaml")
	if err := os.WriteFile(file, bytes.Join(docs, []byte("\n---\n")), 0o644); err != nil {
		e.T.Fatal(err)
	}
	return file, objs
}

// attachedPolicies lists the managed policies attached to a role, through
// the SDK.
func attachedPolicies(t *testing.T, role string) []string {
	t.Helper()
	out, err := iam.NewFromConfig(suite.Moto.AWSConfig(region)).ListAttachedRolePolicies(context.Background(), &iam.ListAttachedRolePoliciesInput{RoleName: &role})
	if err != nil {
		t.Fatalf("ListAttachedRolePolicies %s: %v", role, err)
	}
	var arns []string
	for _, p := range out.AttachedPolicies {
		arns = append(arns, aws.ToString(p.PolicyArn))
	}
	return arns
}
