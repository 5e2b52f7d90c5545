package compare

import (
	"slices"
	"testing"
)

type entry struct{ id, prefix string }

func entryKey(e *entry) string { return e.id }

func entryDiff(path string, d, o *entry) []string {
	if d.prefix != "" && d.prefix != o.prefix {
		return []string{path + ".prefix"}
	}
	return nil
}

func TestKeyed(t *testing.T) {
	cases := []struct {
		reason            string
		desired, observed []entry
		want              []string
	}{
		{reason: "same entries in another order: no difference",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"b", "y"}, {"a", "x"}}},
		{reason: "one entry changed: its own path, by key",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"b", "z"}, {"a", "x"}}, want: []string{"list[id=b].prefix"}},
		{reason: "an entry AWS lacks",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"a", "x"}}, want: []string{"list[id=b]"}},
		{reason: "an entry the spec lacks",
			desired: []entry{{"a", "x"}}, observed: []entry{{"a", "x"}, {"c", "w"}}, want: []string{"list[id=c]"}},
		{reason: "nil desired is the empty collection: every observed entry differs",
			observed: []entry{{"a", "x"}}, want: []string{"list[id=a]"}},
		{reason: "a desired entry leaving a member unset has no opinion on it",
			desired: []entry{{"a", ""}}, observed: []entry{{"a", "x"}}},
	}
	for _, c := range cases {
		if got := Keyed("list", "id", c.desired, c.observed, entryKey, entryDiff); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
		}
	}
}

func TestKeyedChanges(t *testing.T) {
	differs := func(d, o *entry) bool { return len(entryDiff("", d, o)) > 0 }
	cases := []struct {
		reason            string
		desired, observed []entry
		put               []entry
		remove            []string
	}{
		{reason: "nothing differs: no call",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"b", "y"}, {"a", "x"}}},
		{reason: "one changed entry is put alone",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"a", "x"}, {"b", "z"}}, put: []entry{{"b", "y"}}},
		{reason: "a new entry is put, an entry the spec dropped is deleted by key",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"a", "x"}, {"c", "w"}}, put: []entry{{"b", "y"}}, remove: []string{"c"}},
		{reason: "nil desired deletes every entry",
			observed: []entry{{"a", "x"}, {"c", "w"}}, remove: []string{"a", "c"}},
	}
	for _, c := range cases {
		put, remove := KeyedChanges(c.desired, c.observed, entryKey, differs)
		if !slices.Equal(put, c.put) || !slices.Equal(remove, c.remove) {
			t.Errorf("%s: put %v remove %v, want %v and %v", c.reason, put, remove, c.put, c.remove)
		}
	}
}
