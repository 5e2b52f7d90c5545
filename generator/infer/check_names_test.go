package infer

import (
	"strings"
	"testing"
)

func TestCheckNames(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		want   string
	}{
		{"two spec fields, one JSON name", "resources:\n  Table:\n    fields:\n      BillingMode: {rename: TableName}\n",
			"spec fields TableName and BillingMode would both be tableName; rename one"},
		{"a status field named like the managed status", "resources:\n  Table:\n    fields:\n      TableStatus: {rename: Conditions}\n",
			"status field TableStatus would be conditions, which every kind's status has; rename it"},
		{"a status field named like the runtime's record of the Secrets sent", "resources:\n  Table:\n    fields:\n      TableStatus: {rename: SecretsVersion}\n",
			"status field TableStatus would be secretsVersion, which every kind's status has; rename it"},
		{"two fields of a structure", "resources:\n  Table:\n    fields:\n      KeySchema.KeyType: {rename: AttributeName}\n",
			"KeyElement fields AttributeName and KeyType would both be attributeName; rename one"},
	}
	for _, c := range cases {
		// explain records the problem; generate fails on it.
		r := resource(t, mustRun(t, "names.json", c.yaml, Options{Only: "Table"}), "Table")
		if !strings.Contains(strings.Join(r.Problems, "\n"), c.want) {
			t.Errorf("%s: problems %v, want %q", c.reason, r.Problems, c.want)
		}
		if _, err := run(t, "names.json", c.yaml, Options{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: generating: %v, want %q", c.reason, err, c.want)
		}
	}
}
