package conv

import (
	"slices"
	"testing"
)

func TestFlatten(t *testing.T) {
	type group struct{ items []string }
	cases := []struct {
		reason string
		groups []group
		want   []string
	}{
		{"no groups, no elements", nil, nil},
		{"every group's elements, in order", []group{{[]string{"i-1"}}, {nil}, {[]string{"i-2", "i-3"}}}, []string{"i-1", "i-2", "i-3"}},
	}
	for _, c := range cases {
		if got := Flatten(c.groups, func(g group) []string { return g.items }); !slices.Equal(got, c.want) {
			t.Errorf("%s: Flatten = %v, want %v", c.reason, got, c.want)
		}
	}
}
