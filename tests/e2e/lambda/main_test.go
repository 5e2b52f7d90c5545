// Package lambda drives the generated Lambda controller, as its real
// binary, against a real API server and the moto emulator, and checks the
// AWS side through the SDK. The generated IAM, S3 and SQS controllers run
// beside it (peers of the suite): a Function's role is an IAM Role from the
// same kubectl apply, and an EventSourceMapping reads an SQS Queue.
//
// moto runs no function without Docker, which this machine lacks: the
// tests check a function's configuration through GetFunction instead of
// invoking it.
package lambda

import (
	"os"
	"testing"

	iamv1alpha1 "github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	s3v1alpha1 "github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	sqsv1alpha1 "github.com/kubesmith/kubesmith/generated/sqs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own by function name.
	os.Exit(harness.RunSuite(m, "lambda", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s },
		harness.RecordAllCalls(),
		harness.WithPeer("iam", iamv1alpha1.AddToScheme),
		harness.WithPeer("s3", s3v1alpha1.AddToScheme),
		harness.WithPeer("sqs", sqsv1alpha1.AddToScheme)))
}
