// Package dynamodb drives the generated DynamoDB controller, as its real
// binary, against a real API server and the moto emulator, and checks the
// AWS side through the SDK.
package dynamodb

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// moto is shared by the package's tests: one emulator per package, with
// tests kept apart by unique names.
var moto *harness.Moto

func TestMain(m *testing.M) {
	os.Exit(harness.RunWithMoto(m, func(mo *harness.Moto) { moto = mo }))
}
