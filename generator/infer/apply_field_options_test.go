package infer

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestApplyFieldOptions(t *testing.T) {
	res := mustRun(t, "names.json", `resources:
  Table:
    fields:
      KmsKeyId:
        reference: {service: kms, kind: Key}
        because: keys live in KMS
      BillingMode:
        observedAt: BillingModeSummary.BillingMode
        lateInitialize: true
        nilEqualsZero: true
      ReadCapacity: {compareIgnore: true, immutable: true}
      Tags: {required: true}
      MasterPassword: {secret: false}
      KeySchema: {primaryKey: true}
      TableStatus: {column: {}}
  Queue:
    fields:
      DeadLetterTopicArn:
        reference: {kind: Topic}
        secret: true
`, Options{})
	table, queue := resource(t, res, "Table"), resource(t, res, "Queue")
	cases := []struct {
		reason string
		ok     bool
	}{
		{"a reference to another service's kind", refersTo(field(table, "KmsKeyId"), "kms.services.k8s.aws", "Key")},
		{"a reference to this service's kind", refersTo(field(queue, "DeadLetterTopicArn"), "fixture.services.k8s.aws", "Topic")},
		{"because is kept", field(table, "KmsKeyId").Because == "keys live in KMS"},
		{"late-initialize", field(table, "BillingMode").LateInitialize},
		{"nil equals zero", field(table, "BillingMode").NilEqualsZero},
		{"compare-ignore, and so not compared", field(table, "ReadCapacity").CompareIgnore && !field(table, "ReadCapacity").Compared()},
		{"immutable makes an updatable field create-only", field(table, "ReadCapacity").CreateOnly && field(table, "ReadCapacity").Class == model.ClassCreateOnly},
		{"required", field(table, "Tags").Required},
		{"secret: false undoes @sensitive", !field(table, "MasterPassword").Secret && field(table, "MasterPassword").Class == model.ClassCreateOnly},
		{"secret: true on a string", field(queue, "DeadLetterTopicArn").Secret && field(queue, "DeadLetterTopicArn").Class == model.ClassSecret},
		{"primaryKey moves the primary key", field(table, "KeySchema").PrimaryKey && !field(table, "TableName").PrimaryKey},
		{"a column with a default name", len(table.Columns) == 1 && table.Columns[0].Name == "TABLE-STATUS" && table.Columns[0].JSONPath == ".status.tableStatus"},
	}
	for _, c := range cases {
		if !c.ok {
			t.Errorf("%s: not applied", c.reason)
		}
	}
}

func refersTo(f *model.Field, group, kind string) bool {
	return f.Reference != nil && f.Reference.Group == group && f.Reference.Kind == kind && f.Reference.Path == ".status.ackResourceMetadata.arn"
}
