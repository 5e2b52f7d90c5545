package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestClassifyFields(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		r      *model.Resource
		member string
		class  string
		why    string // in the reason
	}{
		{"in create and update input", resource(t, names, "Table"), "BillingMode", model.ClassSpec, "in CreateTable input and UpdateTable input"},
		{"absent from the update input", resource(t, names, "Table"), "KeySchema", model.ClassCreateOnly, "absent from UpdateTable input"},
		{"an identifier never changes", resource(t, names, "Table"), "TableName", model.ClassCreateOnly, "identifies the resource in DescribeTable"},
		{"no update at all", resource(t, names, "Repository"), "registryId", model.ClassCreateOnly, "the resource has no update operation"},
		{"a @sensitive string input", resource(t, names, "Table"), "MasterPassword", model.ClassSecret, "@sensitive, so it is read from a Secret"},
		{"drift needs the read to return the field", resource(t, names, "Table"), "Tags", model.ClassCreateOnly, "not returned by DescribeTable, so drift is not detected"},
		{"in the read output only", resource(t, names, "Table"), "TableStatus", model.ClassStatus, "in DescribeTable output only"},
		{"in the create output only, kept", resource(t, names, "Queue"), "QueueUrl", model.ClassStatus, "in CreateQueue output only; set at create"},
		{"put as create and update", resource(t, shapes, "Policy"), "policy", model.ClassSpec, "which also replaces the resource"},
	}
	for _, c := range cases {
		f := field(c.r, c.member)
		if f == nil {
			t.Errorf("%s: %s has no field %s", c.reason, c.r.Kind, c.member)
			continue
		}
		if f.Class != c.class || !strings.Contains(f.Reason, c.why) {
			t.Errorf("%s: %s is %s (%s), want %s (%s)", c.reason, c.member, f.Class, f.Reason, c.class, c.why)
		}
	}
}

func TestClassifyFieldsLeavesOut(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	table := resource(t, names, "Table")
	cases := []struct {
		reason string
		member string
	}{
		{"the ARN goes to ackResourceMetadata", "TableArn"},
		{"an idempotency token", "ClientToken"},
	}
	for _, c := range cases {
		if field(table, c.member) != nil {
			t.Errorf("%s: %s is a field", c.reason, c.member)
		}
	}
	if table.ARNMember != "TableArn" {
		t.Errorf("the ARN member is TableArn, got %q", table.ARNMember)
	}
	topic := resource(t, names, "Topic")
	if field(topic, "TopicArn") != nil {
		t.Errorf("the ARN that the create output returns is not a status field either")
	}
}

func TestClassifyFieldsTypes(t *testing.T) {
	table := resource(t, mustRun(t, "names.json", "", Options{All: true}), "Table")
	cases := []struct {
		reason string
		member string
		want   string
	}{
		{"a timestamp", "CreationDateTime", "time"},
		{"a document", "Settings", "json"},
		{"a map", "Counts", "map[string]int32"},
		{"a list of structures", "KeySchema", "[]struct KeyElement"},
		{"an enum", "BillingMode", "enum BillingMode"},
		{"an output number with a zero default is a value in the SDK", "ItemCount", "int64 (value)"},
		{"an input boolean with a false default is a value in the SDK too", "Enabled", "bool (value)"},
		{"a union is a structure with a field per member", "Stream", "struct StreamTarget"},
	}
	for _, c := range cases {
		f := field(table, c.member)
		if f == nil {
			t.Errorf("%s: no field %s", c.reason, c.member)
			continue
		}
		if got := model.TypeString(f.Type); got != c.want {
			t.Errorf("%s: %s is %s, want %s", c.reason, c.member, got, c.want)
		}
	}
}
