// Package eks drives the generated EKS controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK. The IAM and EC2 controllers run beside it (peers of the
// suite) for the stack of docs/stacks/eks, whose cluster and node group
// refer to their Roles and Subnets.
//
// The package shares one moto, one API server holding the three services'
// CRDs, and one build of each controller. Each test starts its own
// controllers, watching only the namespaces it creates; tests run in
// parallel and count their own AWS calls by cluster name.
package eks

import (
	"os"
	"testing"

	ec2v1alpha1 "github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	iamv1alpha1 "github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	os.Exit(harness.RunSuite(m, "eks", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s },
		harness.RecordAllCalls(),
		// The stack's roles attach AWS managed policies by ARN.
		harness.MotoEnv("MOTO_IAM_LOAD_MANAGED_POLICIES=true"),
		harness.WithPeer("iam", iamv1alpha1.AddToScheme), harness.WithPeer("ec2", ec2v1alpha1.AddToScheme)))
}
