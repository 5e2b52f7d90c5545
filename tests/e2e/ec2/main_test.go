// Package ec2 drives the generated EC2 controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller (harness.Suite): the EC2 SDK package is large, and only this
// package links it. Each test starts its own controller process watching
// only the namespaces it creates; tests run in parallel and count their
// own AWS calls by VPC ID.
package ec2

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by VPC ID.
	os.Exit(harness.RunSuite(m, "ec2", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }, harness.RecordAllCalls()))
}
