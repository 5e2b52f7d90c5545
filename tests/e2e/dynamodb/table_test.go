package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTableLifecycle applies a Table, changes it and deletes it, checking
// DynamoDB itself after each step.
func TestTableLifecycle(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	e.namespace(t, "lifecycle", nil)

	name := "e2e-lifecycle"
	tbl := &v1alpha1.Table{
		ObjectMeta: metav1.ObjectMeta{Name: "orders", Namespace: "lifecycle"},
		Spec: v1alpha1.TableSpec{
			TableName:            aws.String(name),
			AttributeDefinitions: []v1alpha1.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: aws.String("S")}},
			KeySchema:            []v1alpha1.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: aws.String("HASH")}},
			BillingMode:          aws.String("PROVISIONED"),
			ProvisionedThroughput: &v1alpha1.ProvisionedThroughput{
				ReadCapacityUnits:  aws.Int64(5),
				WriteCapacityUnits: aws.Int64(5),
			},
		},
	}
	if err := e.k.Create(ctx, tbl); err != nil {
		t.Fatal(err)
	}
	key := client.ObjectKeyFromObject(tbl)
	ready := e.waitReady(t, key)

	desc := e.describe(t, name)
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

	// Switch to on-demand: AWS must follow.
	ready.Spec.BillingMode = aws.String("PAY_PER_REQUEST")
	ready.Spec.ProvisionedThroughput = nil
	if err := e.k.Update(ctx, ready); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, 60*time.Second, 250*time.Millisecond, func() error {
		if got := billingMode(e.describe(t, name)); got != types.BillingModePayPerRequest {
			return fmt.Errorf("billing mode in DynamoDB is still %q", got)
		}
		return nil
	})
	e.waitReady(t, key)

	// Delete: the table goes, then the object.
	if err := e.k.Delete(ctx, ready); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, 60*time.Second, 250*time.Millisecond, func() error {
		_, err := e.ddb.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
		var nf *types.ResourceNotFoundException
		if !errors.As(err, &nf) {
			return fmt.Errorf("table %s still in DynamoDB (err %v)", name, err)
		}
		return nil
	})
	harness.Eventually(t, 30*time.Second, 250*time.Millisecond, func() error {
		err := e.k.Get(ctx, key, &v1alpha1.Table{})
		if !apierrors.IsNotFound(err) {
			return fmt.Errorf("object still present (err %v); finalizer not removed", err)
		}
		return nil
	})
}

func (e *env) describe(t *testing.T, name string) *types.TableDescription {
	t.Helper()
	out, err := e.ddb.DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(name)})
	if err != nil {
		t.Fatalf("DescribeTable %s: %v", name, err)
	}
	return out.Table
}

func billingMode(d *types.TableDescription) types.BillingMode {
	if d.BillingModeSummary == nil {
		return ""
	}
	return d.BillingModeSummary.BillingMode
}
