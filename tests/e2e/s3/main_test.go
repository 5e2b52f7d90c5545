// Package s3 drives the generated S3 controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller (harness.Suite). Each test starts its own controller process
// (start), watching only the namespaces it creates; tests run in parallel
// and keep apart by unique namespace and bucket names (env.bucketName).
package s3

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by bucket name.
	os.Exit(harness.RunSuite(m, "s3", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }, harness.RecordAllCalls()))
}
