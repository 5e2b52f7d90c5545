package dynamodb

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTableLifecycle applies a Table, changes it and deletes it, checking
// DynamoDB itself after each step, with the controller under the RBAC of
// each install scope of the chart. The controller runs with AWS_CA_BUNDLE
// set to a valid bundle, as behind a corporate proxy; the incumbent fails
// every call that way.
func TestTableLifecycle(t *testing.T) {
	t.Parallel()
	for _, scope := range []string{"namespace", "cluster"} {
		t.Run(scope, func(t *testing.T) {
			t.Parallel()
			tableLifecycle(t, startController(t, controllerOptions{
				Namespaces: []string{"lifecycle"}, InstallScope: scope, Env: []string{"AWS_CA_BUNDLE=" + caBundle(t)},
			}))
		})
	}
}

func tableLifecycle(t *testing.T, e *env) {
	ctx := context.Background()

	tbl := e.newTable("lifecycle", "orders", nil)
	name := *tbl.Spec.TableName
	e.Create(tbl)
	ready := e.waitReady(tbl)

	desc := describe(t, name)
	if desc == nil {
		t.Fatalf("table %s is not in DynamoDB", name)
	}
	if got := desc.KeySchema; len(got) != 1 || aws.ToString(got[0].AttributeName) != "id" || got[0].KeyType != types.KeyTypeHash {
		t.Errorf("key schema in DynamoDB = %+v, want id HASH", got)
	}
	if got := billingMode(desc); got != types.BillingModeProvisioned {
		t.Errorf("billing mode in DynamoDB = %q, want PROVISIONED", got)
	}
	if got := aws.ToInt64(desc.ProvisionedThroughput.ReadCapacityUnits); got != 5 {
		t.Errorf("read capacity in DynamoDB = %d, want 5", got)
	}
	if got := aws.ToString(ready.Status.ACKResourceMetadata.ARN); got != aws.ToString(desc.TableArn) {
		t.Errorf("status ARN = %q, DynamoDB says %q", got, aws.ToString(desc.TableArn))
	}
	if got := aws.ToString(ready.Status.ACKResourceMetadata.Region); got != region {
		t.Errorf("status region = %q, want %q", got, region)
	}
	e.WaitEvent(tbl, "Created", region)
	if line := logLine(e.Ctrl().Log(), `"msg":"created"`); !strings.Contains(line, `"namespace":"`+tbl.Namespace+`"`) ||
		!strings.Contains(line, `"name":"orders"`) || !strings.Contains(line, `"region":"`+region+`"`) {
		t.Errorf("the log line of the create lacks namespace, name or region: %q", line)
	}

	// Switch to on-demand: AWS must follow.
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) {
		s.BillingMode = aws.String("PAY_PER_REQUEST")
		s.ProvisionedThroughput = nil
	})
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		if got := billingMode(describe(t, name)); got != types.BillingModePayPerRequest {
			return fmt.Errorf("billing mode in DynamoDB is still %q", got)
		}
		return nil
	})
	e.waitReady(tbl)
	e.WaitEvent(tbl, "Updated", "billingMode")

	// Delete: the table goes, then the object.
	if err := e.K.Delete(ctx, ready); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		if describe(t, name) != nil {
			return fmt.Errorf("table %s still in DynamoDB", name)
		}
		return nil
	})
	e.WaitGone(tbl)
}

// logLine returns the first log line containing text.
func logLine(log, text string) string {
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, text) {
			return line
		}
	}
	return ""
}

func billingMode(d *types.TableDescription) types.BillingMode {
	if d == nil || d.BillingModeSummary == nil {
		return ""
	}
	return d.BillingModeSummary.BillingMode
}
