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

func TestKeyedPlan(t *testing.T) {
	differs := func(d, o *entry) bool { return len(entryDiff("", d, o)) > 0 }
	cases := []struct {
		reason              string
		desired, observed   []entry
		add, change, remove []entry
	}{
		{reason: "nothing differs: no call",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"b", "y"}, {"a", "x"}}},
		{reason: "an entry whose key stays but that differs is changed, not added: a create of it would be refused as existing",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"a", "x"}, {"b", "z"}}, change: []entry{{"b", "y"}}},
		{reason: "a new entry is added; one the spec dropped is removed whole, as AWS reported it",
			desired: []entry{{"a", "x"}, {"b", "y"}}, observed: []entry{{"a", "x"}, {"c", "w"}}, add: []entry{{"b", "y"}}, remove: []entry{{"c", "w"}}},
		{reason: "nil desired removes every entry",
			observed: []entry{{"a", "x"}, {"c", "w"}}, remove: []entry{{"a", "x"}, {"c", "w"}}},
	}
	for _, c := range cases {
		add, change, remove := KeyedPlan(c.desired, c.observed, entryKey, differs)
		if !slices.Equal(add, c.add) || !slices.Equal(change, c.change) || !slices.Equal(remove, c.remove) {
			t.Errorf("%s: got add %v change %v remove %v, want %v %v %v", c.reason, add, change, remove, c.add, c.change, c.remove)
		}
	}
}

func TestMemberKey(t *testing.T) {
	members := []string{"destinationCIDRBlock", "destinationIPv6CIDRBlock"}
	v := func(s string) *string { return &s }
	cases := []struct {
		reason string
		values []*string
		want   string
	}{
		{reason: "the one member set names the entry", values: []*string{v("0.0.0.0/0"), nil}, want: "destinationCIDRBlock=0.0.0.0/0"},
		{reason: "the same value in another member is another entry", values: []*string{nil, v("0.0.0.0/0")}, want: "destinationIPv6CIDRBlock=0.0.0.0/0"},
		{reason: "an empty string is unset", values: []*string{v(""), v("::/0")}, want: "destinationIPv6CIDRBlock=::/0"},
	}
	for _, c := range cases {
		if got := MemberKey(members, c.values...); got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestMemberKeyOfText(t *testing.T) {
	members := []string{"egress", "ruleNumber"}
	n := func(i int64) *int64 { return &i }
	b := func(v bool) *bool { return &v }
	cases := []struct {
		reason string
		egress *bool
		number *int64
		want   string
	}{
		{reason: "false is a value, not unset: the ingress entry 100", egress: b(false), number: n(100), want: "egress=false,ruleNumber=100"},
		{reason: "the egress entry of the same number is another entry", egress: b(true), number: n(100), want: "egress=true,ruleNumber=100"},
		{reason: "zero is a value too", egress: b(true), number: n(0), want: "egress=true,ruleNumber=0"},
		{reason: "nil stays unset", number: n(7), want: "ruleNumber=7"},
	}
	for _, c := range cases {
		if got := MemberKey(members, Text(c.egress), Text(c.number)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, got, c.want)
		}
	}
}
