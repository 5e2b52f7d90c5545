package infer

import (
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inferDynamoDB infers DynamoDB from the real model with the config
// text: the summaries and element updates under test are DynamoDB's.
func inferDynamoDB(t *testing.T, yaml string) (*Result, error) {
	t.Helper()
	files, err := smithy.FindModels(awsModelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f smithy.ModelFile) bool { return f.SDKID == "dynamodb" })
	if i < 0 {
		t.Skip("no DynamoDB model")
	}
	m, err := smithy.Load(files[i].Path)
	if err != nil {
		t.Fatal(err)
	}
	return Run("dynamodb", m, parseConfig(t, yaml), Options{})
}

func dynamodbTable(t *testing.T, yaml string) *model.Resource {
	t.Helper()
	res, err := inferDynamoDB(t, yaml)
	if err != nil {
		t.Fatal(err)
	}
	return resource(t, res, "Table")
}

func TestObservedUnderSummaryNames(t *testing.T) {
	table := dynamodbTable(t, "resources:\n  Table: {}\n")
	cases := []struct {
		reason, member string
		want           []string
	}{
		{"X is found as XSummary.X", "TableClass", []string{"TableClassSummary", "TableClass"}},
		{"X is found as XSummary.X without observedAt in generator.yaml", "BillingMode", []string{"BillingModeSummary", "BillingMode"}},
		{"XSpecification is found as XDescription, which shares some members", "SSESpecification", []string{"SSEDescription"}},
		{"a member of its own name wins", "ProvisionedThroughput", []string{"ProvisionedThroughput"}},
	}
	for _, c := range cases {
		f := field(table, c.member)
		if !slices.Equal(f.ObservedPath, c.want) {
			t.Errorf("%s: %s observed at %v, want %v", c.reason, c.member, f.ObservedPath, c.want)
		}
		if got, want := f.ObservedOptional, len(c.want) > 1 || c.want[0] != c.member; got != want {
			t.Errorf("%s: %s observed only when reported = %t, want %t", c.reason, c.member, got, want)
		}
	}
}

func TestLastAppliedFields(t *testing.T) {
	table := dynamodbTable(t, "resources:\n  Table: {}\n")
	cases := []struct {
		reason, member string
		want           bool
	}{
		{"an updatable field AWS reports only in a summary it may leave out", "TableClass", true},
		{"an updatable field in a description AWS leaves out when encryption is the default", "SSESpecification", true},
		{"a create-only field the read does not return", "ResourcePolicy", true},
		{"a field the read always returns", "ProvisionedThroughput", false},
		{"tags, which their own operations read and change", "Tags", false},
	}
	for _, c := range cases {
		if got := field(table, c.member).LastApplied; got != c.want {
			t.Errorf("%s: %s last-applied = %t, want %t", c.reason, c.member, got, c.want)
		}
	}
}

func TestElementUpdates(t *testing.T) {
	table := dynamodbTable(t, `resources:
  Table:
    fields:
      GlobalSecondaryIndexes: {updatedAs: GlobalSecondaryIndexUpdates}
      AttributeDefinitions: {sendWith: [GlobalSecondaryIndexes]}
`)
	f := field(table, "GlobalSecondaryIndexes")
	u := f.UpdatedBy
	switch {
	case u == nil:
		t.Fatal("updatedAs was not applied")
	case f.CreateOnly || !f.Updatable:
		t.Errorf("GlobalSecondaryIndexes create-only %t, updatable %t; want an updatable field", f.CreateOnly, f.Updatable)
	case u.Member != "GlobalSecondaryIndexUpdates" || u.Key != "IndexName":
		t.Errorf("updated by %s keyed by %s, want GlobalSecondaryIndexUpdates by IndexName", u.Member, u.Key)
	case u.Create == nil || u.Update == nil || u.Delete == nil:
		t.Errorf("actions %v, want Create, Update and Delete", actionNames(u))
	}
	if got := field(table, "AttributeDefinitions").SendWith; !slices.Equal(got, []string{"globalSecondaryIndexes"}) {
		t.Errorf("AttributeDefinitions is sent with %v, want [globalSecondaryIndexes]", got)
	}
	if lsi := field(table, "LocalSecondaryIndexes"); !lsi.CreateOnly {
		t.Error("LocalSecondaryIndexes, which no update takes, is not create-only")
	}
}

func TestElementUpdatesErrors(t *testing.T) {
	cases := []struct {
		reason, yaml, want string
	}{
		{"a member the update input lacks", "GlobalSecondaryIndexes: {updatedAs: GlobalSecondaryIndexChanges}", `no member "GlobalSecondaryIndexChanges"`},
		{"a field that is not a list of structures", "TableClass: {updatedAs: GlobalSecondaryIndexUpdates}", "applies to lists of structures"},
		{"a status field, which no update sets", "TableStatus: {updatedAs: GlobalSecondaryIndexUpdates}", "is a status field"},
		{"sendWith naming no spec field", "AttributeDefinitions: {sendWith: [GlobalIndexes]}", `has no spec field "GlobalIndexes"`},
		{"sendWith on a field no update takes", "KeySchema: {sendWith: [GlobalSecondaryIndexes]}", "no update can carry it"},
	}
	for _, c := range cases {
		_, err := inferDynamoDB(t, "resources:\n  Table:\n    fields:\n      "+c.yaml+"\n")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.want)
		}
	}
}
