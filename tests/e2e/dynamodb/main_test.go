// Package dynamodb drives the generated DynamoDB controller, as its real
// binary, against a real API server and the moto emulator, and checks the
// AWS side through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller. Each test starts its own controller process, watching only
// the namespaces it creates, with the flags it needs; tests run in
// parallel and keep apart by unique namespace and table names.
package dynamodb

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	os.Exit(harness.RunSuite(m, "dynamodb", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }))
}
