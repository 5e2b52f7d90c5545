package eks

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controllers' --aws-region.
const region = "us-east-1"

// env is one test's running EKS controller; iam and ec2 are the peers
// beside it, when the test started them.
type env struct {
	*harness.Env
	iam, ec2 *harness.Env
}

// start runs the EKS controller for this test, resyncing every object of
// the kinds named each second; withPeers runs the IAM and EC2 controllers
// beside it.
func start(t *testing.T, withPeers bool, namespaces []string, resync ...string) env {
	t.Helper()
	o := harness.ControllerOptions{Namespaces: namespaces, Region: region}
	for _, kind := range resync {
		o.Flags = append(o.Flags, "--reconcile-resource-resync-seconds", kind+"=1")
	}
	e := env{Env: suite.StartController(t, o)}
	if withPeers {
		e.iam = e.StartPeer("iam", o)
		e.ec2 = e.StartPeer("ec2", o)
	}
	return e
}

func client() *eks.Client { return eks.NewFromConfig(suite.Moto.AWSConfig(region)) }

// ref names another object of the namespace.
func ref(name string) *ackv1alpha1.AWSResourceReferenceWrapper {
	return &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String(name)}}
}

// notFound reports whether err is EKS's ResourceNotFoundException;
// another error fails the test.
func notFound(t *testing.T, call string, err error) bool {
	t.Helper()
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return true
	}
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	return false
}

// describeCluster reads a cluster through the SDK; nil when EKS has none.
func describeCluster(t *testing.T, name string) *types.Cluster {
	t.Helper()
	out, err := client().DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: &name})
	if notFound(t, "DescribeCluster "+name, err) {
		return nil
	}
	return out.Cluster
}

// describeNodegroup reads a node group through the SDK; nil when EKS has
// none.
func describeNodegroup(t *testing.T, cluster, name string) *types.Nodegroup {
	t.Helper()
	out, err := client().DescribeNodegroup(context.Background(), &eks.DescribeNodegroupInput{ClusterName: &cluster, NodegroupName: &name})
	if notFound(t, "DescribeNodegroup "+cluster+"/"+name, err) {
		return nil
	}
	return out.Nodegroup
}

// calls counts the recorded EKS calls naming the cluster, by method and
// path with the names in it replaced: "GET /clusters/{cluster}" is
// DescribeCluster, "GET /tags/{arn}" ListTagsForResource.
func calls(t *testing.T, cluster string, names ...string) func() map[string]int {
	return func() map[string]int {
		out := map[string]int{}
		for _, c := range suite.Moto.Recording(t) {
			path := c.URL.EscapedPath()
			if !strings.Contains(path, cluster) {
				continue
			}
			if strings.HasPrefix(path, "/tags/") {
				out[c.Method+" /tags/{arn}"]++
				continue
			}
			path = strings.ReplaceAll(path, cluster, "{cluster}")
			for _, n := range names {
				path = strings.ReplaceAll(path, n, "{name}")
			}
			out[c.Method+" "+path]++
		}
		return out
	}
}

// isRead tells EKS's reads, which are GETs.
func isRead(op string) bool { return strings.HasPrefix(op, "GET ") }

// enabledLogs are the log types a cluster's logging enables, joined.
func enabledLogs(l *types.Logging) string {
	var on []string
	if l == nil {
		return ""
	}
	for _, s := range l.ClusterLogging {
		if aws.ToBool(s.Enabled) {
			for _, typ := range s.Types {
				on = append(on, string(typ))
			}
		}
	}
	return strings.Join(on, ",")
}
