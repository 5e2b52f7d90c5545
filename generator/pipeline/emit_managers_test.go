package pipeline

import (
	"slices"
	"testing"
)

func TestEmitManagers(t *testing.T) {
	cases := []struct {
		reason string
		extra  bool // add a second kind, a copy of the first named Doohickey
		want   []string
	}{
		{reason: "one kind gets one manager package", want: []string{"resources/widget/compare.go", "resources/widget/convert.go", "resources/widget/manager.go"}},
		{reason: "every kind gets its own manager package", extra: true, want: []string{
			"resources/doohickey/compare.go", "resources/doohickey/convert.go", "resources/doohickey/manager.go",
			"resources/widget/compare.go", "resources/widget/convert.go", "resources/widget/manager.go",
		}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, "widgets", "prepare_emit")
			if c.extra {
				second := *s.Model.Resources[0]
				second.Kind, second.Plural = "Doohickey", "doohickeys"
				s.Model.Resources = append(s.Model.Resources, &second)
			}
			if err := emitManagers(s); err != nil {
				t.Fatal(err)
			}
			got := paths(s)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("emitted %v, want %v", got, c.want)
			}
		})
	}
}
