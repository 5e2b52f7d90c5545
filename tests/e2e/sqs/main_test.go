// Package sqs drives the generated SQS controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller (harness.Suite). Each test starts its own controller process
// watching only the namespaces it creates; tests run in parallel and count
// their own AWS calls by queue URL.
package sqs

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by queue URL.
	os.Exit(harness.RunSuite(m, "sqs", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }, harness.RecordAllCalls()))
}
