package compare

import (
	"slices"
	"testing"
)

func TestSetChanges(t *testing.T) {
	cases := []struct {
		reason            string
		desired, observed []string
		add, remove       []string
	}{
		{"the same elements in another order change nothing", []string{"a", "b"}, []string{"b", "a"}, nil, nil},
		{"a new element is added, a gone one removed", []string{"a", "c"}, []string{"a", "b"}, []string{"c"}, []string{"b"}},
		{"an empty desired list removes everything", nil, []string{"a"}, nil, []string{"a"}},
		{"a repeated element is added once", []string{"a", "a"}, nil, []string{"a"}, nil},
	}
	for _, c := range cases {
		add, remove := SetChanges(c.desired, c.observed)
		if !slices.Equal(add, c.add) || !slices.Equal(remove, c.remove) {
			t.Errorf("%s: got add %v remove %v, want add %v remove %v", c.reason, add, remove, c.add, c.remove)
		}
	}
}
