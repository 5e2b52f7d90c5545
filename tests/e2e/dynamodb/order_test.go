package dynamodb

import (
	"bytes"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestAttributeDefinitionsInAnyOrder: attributeDefinitions is a set, so a
// spec listing them in another order than AWS reports is no drift: no
// UpdateTable call, counted by moto's recorder, through the spec change
// and two resyncs. Not parallel: the recorder sees every client of moto,
// and parallel tests wait until this one is done.
func TestAttributeDefinitionsInAnyOrder(t *testing.T) {
	e := startController(t, controllerOptions{Namespaces: []string{"order"}, Flags: []string{"--reconcile-resource-resync-seconds", "Table=1"}})
	tbl := e.newTable("order", "composite", nil)
	tbl.Spec.AttributeDefinitions = []v1alpha1.AttributeDefinition{
		{AttributeName: aws.String("id"), AttributeType: aws.String("S")},
		{AttributeName: aws.String("sk"), AttributeType: aws.String("S")},
	}
	tbl.Spec.KeySchema = []v1alpha1.KeySchemaElement{
		{AttributeName: aws.String("id"), KeyType: aws.String("HASH")},
		{AttributeName: aws.String("sk"), KeyType: aws.String("RANGE")},
	}
	e.Create(tbl)
	e.waitReady(tbl)

	// The spec lists the attributes in the reverse of the order AWS reports.
	var reversed []v1alpha1.AttributeDefinition
	var order []string
	for _, d := range describe(t, *tbl.Spec.TableName).AttributeDefinitions {
		order = append(order, aws.ToString(d.AttributeName))
		reversed = append([]v1alpha1.AttributeDefinition{{AttributeName: d.AttributeName, AttributeType: aws.String(string(d.AttributeType))}}, reversed...)
	}
	t.Logf("moto reports attributeDefinitions in the order %v (created as [id sk])", order)

	suite.Moto.StartRecording(t)
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) { s.AttributeDefinitions = reversed })
	e.waitReady(tbl)
	kind := map[string]string{"kind": "Table"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", kind, e.Scrape().Sum("kubesmith_reconciles_total", kind)+2)
	calls := suite.Moto.Recording(t)
	suite.Moto.StopRecording(t)

	name := []byte(`"` + *tbl.Spec.TableName + `"`)
	counts := harness.CountOperations(slices.DeleteFunc(calls, func(c harness.RecordedCall) bool { return !bytes.Contains(c.Body, name) }))
	if counts["DescribeTable"] == 0 {
		t.Fatalf("the recorder saw no DescribeTable of %s: %v", *tbl.Spec.TableName, counts)
	}
	if n := counts["UpdateTable"]; n != 0 {
		t.Errorf("%d UpdateTable calls for attributeDefinitions in another order (calls %v)", n, counts)
	}
}
