// Package ecr drives the generated ECR controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller (harness.Suite). Each test starts its own controller process,
// watching only the namespaces it creates; tests run in parallel and keep
// apart by unique namespace and repository names (env.repoName).
package ecr

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by repository name.
	os.Exit(harness.RunSuite(m, "ecr", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }, harness.RecordAllCalls()))
}
