package conv

import (
	"maps"
	"slices"
	"testing"
)

type kv struct{ K, V *string }

func TestTags(t *testing.T) {
	mk := func(k, v string) kv { return kv{&k, &v} }
	read := func(t kv) (string, string) { return Value(t.K), Value(t.V) }
	cases := []struct {
		reason string
		tags   map[string]string
		keys   []string
	}{
		{"no tags send no list", nil, nil},
		{"an empty map sends no list either", map[string]string{}, nil},
		{"keys are sorted, so requests are stable", map[string]string{"b": "2", "a": "1"}, []string{"a", "b"}},
	}
	for _, c := range cases {
		list := TagList(c.tags, mk)
		if c.keys == nil && list != nil {
			t.Errorf("%s: got %v, want nil", c.reason, list)
		}
		var keys []string
		for _, e := range list {
			keys = append(keys, *e.K)
		}
		if !slices.Equal(keys, c.keys) {
			t.Errorf("%s: keys %v, want %v", c.reason, keys, c.keys)
		}
		if back := TagMap(list, read); len(c.tags) > 0 && !maps.Equal(back, c.tags) {
			t.Errorf("%s: round trip %v, want %v", c.reason, back, c.tags)
		}
	}
}
