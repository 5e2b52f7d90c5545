package infer

import (
	"fmt"
	"strings"
	"testing"
)

func TestInferTags(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		res    *Result
		kind   string
		want   string
	}{
		{"a list of Key and Value structures", names, "Table", "Tags list Key/Value"},
		{"a map, in lower case", names, "Queue", "tags map"},
		{"a REST-JSON map", shapes, "Network", "tags map"},
		{"no tags", names, "Topic", ""},
		{"tags.ignore in generator.yaml", mustRun(t, "names.json", "resources:\n  Table:\n    tags: {ignore: true}\n", Options{}), "Table", ""},
	}
	for _, c := range cases {
		r := resource(t, c.res, c.kind)
		got := ""
		if tg := r.Tags; tg != nil {
			got = strings.Join(tg.Path, ".") + " map"
			if !tg.Map {
				got = fmt.Sprintf("%s list %s/%s", strings.Join(tg.Path, "."), tg.KeyMember, tg.ValueMember)
			}
		}
		if got != c.want {
			t.Errorf("%s: tags %q, want %q", c.reason, got, c.want)
		}
	}
}
