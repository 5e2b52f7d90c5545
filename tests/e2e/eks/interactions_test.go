package eks

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	ec2v1alpha1 "github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	iamv1alpha1 "github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateCluster kills the controller right after EKS made a
// cluster and before the controller heard of it. The restarted controller
// reads the cluster by name and claims it: one CreateCluster, one
// cluster, the object Ready and its owner, and deleting the object
// deletes the cluster.
func TestKillAfterCreateCluster(t *testing.T) {
	t.Parallel()
	k, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "POST /clusters")
	e := env{Env: k}
	c := e.newCluster("kill", "killed")
	name := aws.ToString(c.Spec.Name)
	e.Create(c)
	got := harness.WaitReady(e.Env, c)
	if !killed() {
		t.Fatal("the controller was not killed after CreateCluster; the test did not test")
	}
	if n := createClusterCalls(t, name); n != 1 {
		t.Errorf("%d CreateCluster calls for %s, want 1", n, name)
	}
	for op, n := range calls(t, name)() {
		if !isRead(op) {
			t.Errorf("%d %s calls for %s after the interrupted create, want none: the create sent the spec", n, op, name)
		}
	}
	if n := clustersNamed(t, name); n != 1 {
		t.Errorf("%d clusters named %s in EKS, want 1", n, name)
	}
	harness.CheckOwnership(e.Env, got, ackv1alpha1.OwnershipCreated)
	if s := aws.ToString(got.Status.Status); s != "ACTIVE" {
		t.Errorf("status.status %q, want ACTIVE", s)
	}
	e.Delete(got)
	e.WaitGone(got)
	if describeCluster(t, name) != nil {
		t.Errorf("cluster %s is left after its object was deleted", name)
	}
}

// TestAdoptCluster: a cluster made through the SDK is adopted, with no
// CreateCluster from the controller. adopt makes the spec EKS's (its
// version, left out of the spec, and logging copied in); adopt-or-create fills only what the spec
// leaves empty, and the spec's logging then reaches EKS; adopt-or-create
// with no cluster to adopt creates one.
func TestAdoptCluster(t *testing.T) {
	t.Parallel()
	e := start(t, false, []string{"adopt"})
	for _, c := range []struct {
		policy        string
		existing      bool
		wantLogs      string
		wantOwnership ackv1alpha1.Ownership
	}{
		{policy: "adopt", existing: true, wantLogs: "scheduler", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: true, wantLogs: "api", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: false, wantLogs: "api", wantOwnership: ackv1alpha1.OwnershipCreated},
	} {
		t.Run(fmt.Sprintf("%s/existing=%t", c.policy, c.existing), func(t *testing.T) {
			t.Parallel()
			e := env{Env: e.For(t)}
			cl := e.newCluster("adopt", fmt.Sprintf("%s-%t", c.policy, c.existing))
			name := aws.ToString(cl.Spec.Name)
			if c.existing {
				if _, err := client().CreateCluster(context.Background(), &eks.CreateClusterInput{
					Name: aws.String(name), Version: aws.String("1.31"), RoleArn: cl.Spec.RoleARN,
					ResourcesVpcConfig: &types.VpcConfigRequest{SubnetIds: subnets},
					Logging:            &types.Logging{ClusterLogging: []types.LogSetup{{Types: []types.LogType{types.LogTypeScheduler}, Enabled: aws.Bool(true)}}},
				}); err != nil {
					t.Fatalf("CreateCluster %s: %v", name, err)
				}
			}
			cl.Annotations = map[string]string{"services.k8s.aws/adoption-policy": c.policy}
			if c.policy == "adopt" {
				cl.Spec.Version = nil
			}
			e.Create(cl)
			got := harness.WaitFor(e.Env, cl, "to be "+string(c.wantOwnership)+" and synced", func(cl *v1alpha1.Cluster) error {
				if md := cl.Status.ACKResourceMetadata; md == nil || md.Ownership != c.wantOwnership {
					return fmt.Errorf("resource metadata %+v, want ownership %s", md, c.wantOwnership)
				}
				return harness.ConditionIs[*v1alpha1.Cluster]("ACK.ResourceSynced", metav1.ConditionTrue)(cl)
			})
			if got.Status.ACKResourceMetadata.ARN == nil || aws.ToString(got.Status.Status) != "ACTIVE" || got.Status.Endpoint == nil {
				t.Errorf("status: ARN %v, status %q, endpoint %v; want all filled", got.Status.ACKResourceMetadata.ARN, aws.ToString(got.Status.Status), got.Status.Endpoint)
			}
			if c.policy == "adopt" {
				if v, l := aws.ToString(got.Spec.Version), specLogs(got.Spec.Logging); v != "1.31" || l != "scheduler" {
					t.Errorf("adopted spec: version %q, logging %q; want EKS's 1.31 and scheduler", v, l)
				}
			}
			waitLogs(t, name, c.wantLogs, "the adoption")
			if n := createClusterCalls(t, name); n != 1 {
				t.Errorf("%d CreateCluster calls for %s, want 1 (the test's or the controller's)", n, name)
			}
		})
	}
}

// incumbentCluster is an IAM Role, a VPC with two Subnets and an EKS
// Cluster written in the incumbent's field names and shapes: roleRef and
// resourcesVPCConfig.subnetRefs with namespaces, endpoint access,
// kubernetesNetworkConfig, accessConfig, logging and tags as a map.
// NAMESPACE and P (a prefix for AWS names) are replaced by the test.
const incumbentCluster = `
apiVersion: iam.services.k8s.aws/v1alpha1
kind: Role
metadata:
  name: cluster-role
spec:
  name: P-cluster
  assumeRolePolicyDocument: |
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
  policies:
  - arn:aws:iam::aws:policy/AmazonEKSClusterPolicy
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPC
metadata:
  name: cluster-vpc
spec:
  cidrBlocks:
  - 10.50.0.0/16
  enableDNSHostnames: true
  enableDNSSupport: true
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: cluster-a
spec:
  availabilityZone: us-east-1a
  cidrBlock: 10.50.1.0/24
  vpcRef:
    from:
      name: cluster-vpc
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: cluster-b
spec:
  availabilityZone: us-east-1b
  cidrBlock: 10.50.2.0/24
  vpcRef:
    from:
      name: cluster-vpc
---
apiVersion: eks.services.k8s.aws/v1alpha1
kind: Cluster
metadata:
  name: platform
spec:
  name: P-platform
  version: "1.31"
  roleRef:
    from:
      name: cluster-role
      namespace: NAMESPACE
  resourcesVPCConfig:
    endpointPrivateAccess: true
    endpointPublicAccess: true
    subnetRefs:
    - from:
        name: cluster-a
        namespace: NAMESPACE
    - from:
        name: cluster-b
        namespace: NAMESPACE
  kubernetesNetworkConfig:
    ipFamily: ipv4
    serviceIPv4CIDR: 172.20.0.0/16
  accessConfig:
    authenticationMode: API_AND_CONFIG_MAP
    bootstrapClusterCreatorAdminPermissions: true
  logging:
    clusterLogging:
    - enabled: true
      types: [api, audit]
  tags:
    team: platform
    env: prod
`

// TestIncumbentClusterManifest applies a manifest written for the
// incumbent, unchanged, with kubectl apply --validate=strict: the API
// server accepts every field, the Role, VPC, Subnets and Cluster become
// Ready, and EKS has the cluster with the Role's ARN, the Subnets' IDs,
// the service CIDR, the logging and the tags as written.
func TestIncumbentClusterManifest(t *testing.T) {
	t.Parallel()
	e := start(t, true, []string{"incumbent"})
	ns := e.NS("incumbent")
	file := filepath.Join(t.TempDir(), "cluster.yaml")
	if err := os.WriteFile(file, []byte(strings.NewReplacer("NAMESPACE", ns, "P-", e.Prefix+"-").Replace(incumbentCluster)), 0o600); err != nil {
		t.Fatal(err)
	}
	e.Kubectl("apply", "--validate=strict", "-n", ns, "-f", file)

	role := harness.WaitReady(e.iam, &iamv1alpha1.Role{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "cluster-role"}})
	var ids []string
	for _, s := range []string{"cluster-a", "cluster-b"} {
		ids = append(ids, aws.ToString(harness.WaitReady(e.ec2, &ec2v1alpha1.Subnet{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: s}}).Status.SubnetID))
	}
	harness.WaitReady(e.Env, &v1alpha1.Cluster{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "platform"}})
	name := e.Prefix + "-platform"
	got := describeCluster(t, name)
	if got == nil {
		t.Fatalf("cluster %s is not in EKS", name)
	}
	var cidr, family string
	if n := got.KubernetesNetworkConfig; n != nil {
		cidr, family = aws.ToString(n.ServiceIpv4Cidr), string(n.IpFamily)
	}
	have := fmt.Sprintf("version %s, role %s, subnets %v, service CIDR %s %s, logs %s, tags team=%s env=%s",
		aws.ToString(got.Version), aws.ToString(got.RoleArn), got.ResourcesVpcConfig.SubnetIds, cidr, family, enabledLogs(got.Logging), got.Tags["team"], got.Tags["env"])
	want := fmt.Sprintf("version 1.31, role %s, subnets %v, service CIDR 172.20.0.0/16 ipv4, logs api,audit, tags team=platform env=prod",
		aws.ToString(role.Status.ACKResourceMetadata.ARN), ids)
	if have != want {
		t.Errorf("cluster %s in EKS:\n have %s\n want %s", name, have, want)
	}
}

// clustersNamed counts the clusters EKS lists under name.
func clustersNamed(t *testing.T, name string) int {
	t.Helper()
	n := 0
	p := eks.NewListClustersPaginator(client(), &eks.ListClustersInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListClusters: %v", err)
		}
		n += len(slices.DeleteFunc(out.Clusters, func(c string) bool { return c != name }))
	}
	return n
}

// createClusterCalls counts the recorded CreateCluster calls naming the
// cluster, the controller's and the test's.
func createClusterCalls(t *testing.T, name string) int {
	t.Helper()
	n := 0
	for _, c := range suite.Moto.Recording(t) {
		var body struct{ Name string }
		if c.Method == "POST" && c.URL.Path == "/clusters" && json.Unmarshal(c.Body, &body) == nil && body.Name == name {
			n++
		}
	}
	return n
}

// specLogs are the log types a Cluster's spec enables, joined.
func specLogs(l *v1alpha1.Logging) string {
	var on []string
	if l == nil {
		return ""
	}
	for _, s := range l.ClusterLogging {
		if aws.ToBool(s.Enabled) {
			on = append(on, s.Types...)
		}
	}
	return strings.Join(on, ",")
}
