package dynamodb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSpecChangesReachAWS adds to a Ready table what each update path
// carries: a local secondary index, which AWS takes only at create; a
// global secondary index, which UpdateTable creates through
// GlobalSecondaryIndexUpdates; a table class and encryption settings,
// which UpdateTable takes but moto's DescribeTable does not report back.
// The first is refused with the object unchanged; the others reach AWS in
// one UpdateTable, and no resync sends them again.
func TestSpecChangesReachAWS(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{
		Namespaces: []string{"changes"},
		Flags:      []string{"--reconcile-resource-resync-seconds", "Table=1"},
	})
	tbl := e.newTable("changes", "indexed", nil)
	e.Create(tbl)
	ready := e.waitReady(tbl)

	// The API server refuses the LSI, and the object stays as it was.
	lsi := ready.DeepCopy()
	lsi.Spec.LocalSecondaryIndexes = []v1alpha1.LocalSecondaryIndex{{
		IndexName:  aws.String("bySort"),
		KeySchema:  []v1alpha1.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: aws.String("HASH")}},
		Projection: &v1alpha1.Projection{ProjectionType: aws.String("ALL")},
	}}
	err := e.K.Patch(context.Background(), lsi, client.MergeFrom(ready))
	if err == nil || !strings.Contains(err.Error(), "localSecondaryIndexes cannot be added") {
		t.Fatalf("adding a local secondary index to a table in AWS: error %v, want the CRD's refusal", err)
	}
	var after v1alpha1.Table
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(tbl), &after); err != nil {
		t.Fatal(err)
	}
	if after.Generation != ready.Generation || after.Spec.LocalSecondaryIndexes != nil {
		t.Fatalf("the refused edit changed the object: generation %d -> %d, localSecondaryIndexes %v", ready.Generation, after.Generation, after.Spec.LocalSecondaryIndexes)
	}

	suite.Moto.StartRecording(t)
	t.Cleanup(func() { suite.Moto.StopRecording(t) })
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) {
		s.AttributeDefinitions = append(s.AttributeDefinitions, v1alpha1.AttributeDefinition{AttributeName: aws.String("email"), AttributeType: aws.String("S")})
		s.GlobalSecondaryIndexes = []v1alpha1.GlobalSecondaryIndex{{
			IndexName:  aws.String("byEmail"),
			KeySchema:  []v1alpha1.KeySchemaElement{{AttributeName: aws.String("email"), KeyType: aws.String("HASH")}},
			Projection: &v1alpha1.Projection{ProjectionType: aws.String("ALL")},
			ProvisionedThroughput: &v1alpha1.ProvisionedThroughput{
				ReadCapacityUnits: aws.Int64(1), WriteCapacityUnits: aws.Int64(1),
			},
		}}
		s.TableClass = aws.String("STANDARD_INFREQUENT_ACCESS")
		s.SSESpecification = &v1alpha1.SSESpecification{Enabled: aws.Bool(true), SSEType: aws.String("KMS")}
	})
	e.waitFor(tbl, "to be Ready at the new generation", func(got *v1alpha1.Table) error {
		if got.Generation == ready.Generation {
			return fmt.Errorf("generation %d is the one before the edit", got.Generation)
		}
		return conditionIs("Ready", "True")(got)
	})
	desc := describe(t, *tbl.Spec.TableName)
	if len(desc.GlobalSecondaryIndexes) != 1 || aws.ToString(desc.GlobalSecondaryIndexes[0].IndexName) != "byEmail" {
		t.Errorf("DynamoDB has global secondary indexes %+v, want byEmail", desc.GlobalSecondaryIndexes)
	}

	// Ten resyncs later, the changes were still sent exactly once.
	synced := map[string]string{"kind": "Table", "result": "synced"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, e.Scrape().Sum("kubesmith_reconciles_total", synced)+10)
	updates := updateTableCalls(t, *tbl.Spec.TableName)
	if len(updates) != 1 {
		t.Fatalf("%d UpdateTable calls for the edit and ten resyncs, want 1", len(updates))
	}
	var sent struct {
		TableClass                  string
		SSESpecification            struct{ Enabled bool }
		GlobalSecondaryIndexUpdates []struct{ Create struct{ IndexName string } }
		AttributeDefinitions        []struct{ AttributeName string }
	}
	if err := json.Unmarshal(updates[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	if sent.TableClass != "STANDARD_INFREQUENT_ACCESS" || !sent.SSESpecification.Enabled ||
		len(sent.GlobalSecondaryIndexUpdates) != 1 || sent.GlobalSecondaryIndexUpdates[0].Create.IndexName != "byEmail" {
		t.Errorf("UpdateTable sent %s, want the table class, encryption and a Create of byEmail", updates[0].Body)
	}

	// A second index on an attribute already defined: UpdateTable still
	// carries the attribute definitions, as AWS requires for a new index.
	edited := e.waitReady(tbl)
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) {
		gsi := s.GlobalSecondaryIndexes[0]
		gsi.IndexName = aws.String("byEmailToo")
		s.GlobalSecondaryIndexes = append(s.GlobalSecondaryIndexes, gsi)
	})
	e.waitFor(tbl, "to be Ready after the second index", func(got *v1alpha1.Table) error {
		if got.Generation == edited.Generation {
			return fmt.Errorf("generation %d is the one before the edit", got.Generation)
		}
		return conditionIs("Ready", "True")(got)
	})
	if desc := describe(t, *tbl.Spec.TableName); len(desc.GlobalSecondaryIndexes) != 2 {
		t.Errorf("DynamoDB has %d global secondary indexes, want byEmail and byEmailToo", len(desc.GlobalSecondaryIndexes))
	}
	updates = updateTableCalls(t, *tbl.Spec.TableName)
	if len(updates) != 2 {
		t.Fatalf("%d UpdateTable calls after the second index, want 2", len(updates))
	}
	sent.AttributeDefinitions, sent.GlobalSecondaryIndexUpdates = nil, nil
	if err := json.Unmarshal(updates[1].Body, &sent); err != nil {
		t.Fatal(err)
	}
	if len(sent.AttributeDefinitions) != 2 || len(sent.GlobalSecondaryIndexUpdates) != 1 || sent.GlobalSecondaryIndexUpdates[0].Create.IndexName != "byEmailToo" {
		t.Errorf("UpdateTable sent %s, want both attribute definitions and a Create of byEmailToo", updates[1].Body)
	}
}

// updateTableCalls are the UpdateTable calls moto recorded for a table.
func updateTableCalls(t *testing.T, table string) []harness.RecordedCall {
	var out []harness.RecordedCall
	for _, c := range suite.Moto.Recording(t) {
		if c.Operation() == "UpdateTable" && strings.Contains(string(c.Body), `"TableName":"`+table+`"`) {
			out = append(out, c)
		}
	}
	return out
}
