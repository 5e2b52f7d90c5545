package infer

import (
	"strings"
	"testing"
)

// TestWeakPointOptionErrors checks the mistakes the options elementCalls:,
// subResources' sendWith:, attributes' default: and idempotentCreate: refuse,
// each with the file's line and what is wrong.
func TestWeakPointOptionErrors(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		want   string
	}{{
		reason: "idempotentCreate on a kind read by spec fields, whose lost create a read finds",
		yaml:   "resources:\n  Table:\n    idempotentCreate: {because: x}\n",
		want:   "generator.yaml:3: Table is read by spec fields, so a lost create is found by reading it; idempotentCreate is for resources whose identifier AWS assigns",
	}, {
		reason: "elementCalls naming a field the kind lacks",
		yaml:   "resources:\n  Table:\n    elementCalls:\n      TabelName: {add: DescribeTable, remove: DescribeTable}\n",
		want:   `generator.yaml:4: elementCalls TabelName: Table has no spec field TabelName (did you mean "TableName"?)`,
	}, {
		reason: "elementCalls on a field that is not a list of strings",
		yaml:   "resources:\n  Table:\n    elementCalls:\n      TableName: {add: DescribeTable, remove: DescribeTable}\n",
		want:   "generator.yaml:4: elementCalls TableName: TableName is not a list of strings",
	}}
	for _, c := range cases {
		_, err := run(t, "names.json", c.yaml, Options{})
		if err == nil {
			t.Errorf("%s: no error, want %q", c.reason, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got: %v\nwant: %s", c.reason, err, c.want)
		}
	}
}
