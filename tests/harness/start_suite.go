package harness

import (
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
)

// StartSuite starts the suite of a generated service from within a test,
// for a package whose TestMain runs another service's (the bench's
// DynamoDB suite and its batched EC2 row); it stops when the test ends.
func StartSuite(t testing.TB, service string, addToScheme func(*runtime.Scheme) error) *Suite {
	t.Helper()
	s := &Suite{Service: service}
	stop, err := s.start(t.TempDir(), addToScheme)
	t.Cleanup(stop)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
