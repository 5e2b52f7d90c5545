package managed

import (
	"slices"
	"testing"
	"time"
)

func TestPrunable(t *testing.T) {
	at := func(s int) time.Time { return time.Unix(1700000000+int64(s), 0) }
	five := []Version{
		{ID: "v1", Created: at(0)}, {ID: "v2", Created: at(1)}, {ID: "v3", Created: at(2)},
		{ID: "v4", Created: at(3)}, {ID: "v5", Created: at(4), Default: true},
	}
	cases := []struct {
		reason   string
		versions []Version
		max      int
		want     string
	}{
		{"fewer than max leaves room: nothing to delete", five[:4], 5, ""},
		{"max reached: the oldest goes", five, 5, "v1"},
		{"the default is never pruned, however old", append([]Version{{ID: "v1", Created: at(0), Default: true}}, five[1:4]...), 4, "v2"},
		{"equal times: natural order of names, v9 before v10", []Version{{ID: "v10", Created: at(0)}, {ID: "v9", Created: at(0)}, {ID: "v11", Default: true}}, 3, "v9"},
		{"only the default: nothing to delete", []Version{{ID: "v1", Default: true}}, 1, ""},
	}
	for _, c := range cases {
		got, ok := Prunable(c.versions, c.max)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: Prunable = %q, %v; want %q", c.reason, got, ok, c.want)
		}
	}
}

func TestNonDefault(t *testing.T) {
	got := NonDefault([]Version{{ID: "v3", Default: true}, {ID: "v2"}, {ID: "v1"}})
	if want := []string{"v1", "v2"}; !slices.Equal(got, want) {
		t.Errorf("every version but the default, oldest first: got %v, want %v", got, want)
	}
}
