// Package sns drives the generated SNS controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK. The generated SQS controller runs beside it (a peer of
// the suite): a Subscription delivers to a Queue that the SQS controller
// makes from the same kubectl apply.
//
// The package shares one moto, one API server holding both services' CRDs,
// and one build of each controller. Each test starts its own controllers,
// watching only the namespaces it creates; tests run in parallel and count
// their own AWS calls by ARN.
package sns

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	sqsv1alpha1 "github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by ARN.
	os.Exit(harness.RunSuite(m, "sns", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s },
		harness.RecordAllCalls(), harness.WithPeer("sqs", sqsv1alpha1.AddToScheme)))
}
