package dynamodb

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestFrozenAWS freezes the emulator: AWS takes the connection and never
// answers. Without a deadline the call waits forever and the objects show
// nothing; with one they turn Recoverable with a message naming the
// timeout, and return to Ready once AWS answers again. The test has a
// moto of its own, since freezing the shared one would stall the others.
func TestFrozenAWS(t *testing.T) {
	t.Parallel()
	own := harness.StartMoto(t)
	e := startController(t, controllerOptions{
		Namespaces: []string{"frozen"},
		Endpoint:   own.Endpoint(),
		// Short deadlines, so that the test sees them fire many times
		// within its wait; the defaults are 30s and 2m.
		Flags: []string{"--aws-call-timeout", "2s", "--reconcile-timeout", "10s"},
	})
	before := e.newTable("frozen", "before", nil)
	e.Create(before)
	e.waitReady(before)

	own.Freeze(t)
	during := e.newTable("frozen", "during", nil)
	e.Create(during)
	e.RequestCheck(before)
	for _, tbl := range []*v1alpha1.Table{before, during} {
		got := e.waitFor(tbl, "to be Recoverable", conditionIs("ACK.Recoverable", metav1.ConditionTrue))
		if msg := harness.Condition(got, "ACK.Recoverable").Message; !strings.Contains(msg, "AWS call timeout of 2s") {
			t.Errorf("%s: Recoverable message %q does not name the AWS call timeout", tbl.Name, msg)
		}
		if c := harness.Condition(got, "Ready"); c.Status != metav1.ConditionFalse {
			t.Errorf("%s: Ready = %s while AWS hangs, want False", tbl.Name, c.Status)
		}
		checkArgoHealth(t, got, "Progressing")
	}

	own.Thaw(t)
	for _, tbl := range []*v1alpha1.Table{before, during} {
		got := e.waitReady(tbl)
		if c := harness.Condition(got, "ACK.Recoverable"); c.Type != "" {
			t.Errorf("%s: ACK.Recoverable still present: %+v", tbl.Name, c)
		}
		checkArgoHealth(t, got, "Healthy")
	}
	out, err := dynamodb.NewFromConfig(own.AWSConfig(region)).ListTables(context.Background(), &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range []*v1alpha1.Table{before, during} {
		if !slices.Contains(out.TableNames, *tbl.Spec.TableName) {
			t.Errorf("table %s is not in DynamoDB: %v", *tbl.Spec.TableName, out.TableNames)
		}
	}
}
