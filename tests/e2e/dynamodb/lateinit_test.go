package dynamodb

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestLateInitialization leaves billingMode and deletionProtectionEnabled
// out of the manifest: the spec gets AWS's defaults once, and from then on
// a change in AWS is drift rather than "no opinion".
func TestLateInitialization(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"lateinit"}})
	tbl := e.newTable("lateinit", "defaults", nil)
	tbl.Spec.BillingMode = nil
	e.Create(tbl)

	got := e.waitFor(tbl, "to be late-initialized and Ready", func(t *v1alpha1.Table) error {
		if t.Spec.BillingMode == nil {
			return fmt.Errorf("spec.billingMode is still empty")
		}
		if err := conditionIs("ACK.LateInitialized", metav1.ConditionTrue)(t); err != nil {
			return err
		}
		return conditionIs("Ready", metav1.ConditionTrue)(t)
	})
	if m := aws.ToString(got.Spec.BillingMode); m != "PROVISIONED" {
		t.Errorf("late-initialized spec.billingMode = %q, want AWS's PROVISIONED", m)
	}
	if got.Spec.DeletionProtectionEnabled == nil || *got.Spec.DeletionProtectionEnabled {
		t.Errorf("late-initialized spec.deletionProtectionEnabled = %v, want AWS's false", got.Spec.DeletionProtectionEnabled)
	}
	if got.Generation != 2 {
		t.Errorf("generation %d after late initialization, want 2: one spec write, once", got.Generation)
	}

	// The defaults are now the spec: the pass that wrote them sent no
	// update, and turning deletion protection on in the console is drift
	// that the next check puts back.
	if n := e.Scrape().Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": "UpdateTable"}); n != 0 {
		t.Errorf("%v UpdateTable calls for a late-initialized table, want none", n)
	}
	name := *tbl.Spec.TableName
	if _, err := ddb(region, "").UpdateTable(context.Background(), &dynamodb.UpdateTableInput{
		TableName: aws.String(name), DeletionProtectionEnabled: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	e.RequestCheck(tbl)
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		if d := describe(t, name); aws.ToBool(d.DeletionProtectionEnabled) {
			return fmt.Errorf("deletion protection is still on in DynamoDB")
		}
		return nil
	})
	e.WaitEvent(tbl, "DriftCorrected", "deletionProtectionEnabled")
	var after v1alpha1.Table
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(tbl), &after); err != nil {
		t.Fatal(err)
	}
	if after.Generation != got.Generation || aws.ToString(after.Spec.BillingMode) != "PROVISIONED" {
		t.Errorf("the spec changed after late initialization: generation %d -> %d, billingMode %v", got.Generation, after.Generation, after.Spec.BillingMode)
	}
}
