package infer

import (
	"strings"
	"testing"
)

func TestInferPending(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		res    *Result
		kind   string
		want   string
	}{
		{"the -ING values of <R>Status", names, "Table", "TableStatus CREATING UPDATING DELETING"},
		{"a REST-JSON status, in lower case", shapes, "Network", "status CREATING DELETING"},
		{"no status enum, no check", names, "Queue", ""},
		{"generator.yaml replaces the inferred check",
			mustRun(t, "names.json", "resources:\n  Table:\n    pending: {field: TableStatus, values: [CREATING]}\n", Options{}), "Table", "TableStatus CREATING"},
	}
	for _, c := range cases {
		r := resource(t, c.res, c.kind)
		got := ""
		if r.Pending != nil {
			got = strings.Join(append([]string{r.Pending.Field}, r.Pending.Values...), " ")
		}
		if got != c.want {
			t.Errorf("%s: pending %q, want %q", c.reason, got, c.want)
		}
	}
}
