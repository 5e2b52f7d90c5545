// Package rds drives the generated RDS controller, as its real binary,
// against a real API server and the moto emulator, and checks the AWS side
// through the SDK. The generated EC2 controller runs beside it (a peer of
// the suite): a DB subnet group names Subnets, and a DB instance a
// SecurityGroup, that the EC2 controller makes from the same kubectl apply.
//
// The package shares one moto, one API server holding both services' CRDs,
// and one build of each controller. Each test starts its own controllers,
// watching only the namespaces it creates; tests run in parallel and count
// their own AWS calls by identifier and ARN.
package rds

import (
	"os"
	"testing"

	ec2v1alpha1 "github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var suite *harness.Suite

func TestMain(m *testing.M) {
	// Every call is recorded: tests count their own, and read the
	// password a ModifyDBInstance sent.
	os.Exit(harness.RunSuite(m, "rds", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s },
		harness.RecordAllCalls(), harness.WithPeer("ec2", ec2v1alpha1.AddToScheme)))
}
