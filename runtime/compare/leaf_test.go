package compare

import "testing"

func TestLeafHelpers(t *testing.T) {
	kv := func(p [2]*string) (*string, *string) { return p[0], p[1] }
	s := func(v string) *string { return &v }
	cases := []struct {
		name   string
		reason string
		got    bool
		want   bool
	}{
		{"same elements", "a set's order carries no meaning", SameElements([]string{"b", "a"}, []string{"a", "b"}), true},
		{"different elements", "a missing element is drift", SameElements([]string{"a", "a"}, []string{"a", "b"}), false},
		{"same set of structs", "struct sets match element by element", SameSet([]int{1, 2}, []int{2, 1}, func(a, b *int) bool { return *a == *b }), true},
		{"different set of structs", "each element is used once", SameSet([]int{1, 1}, []int{1, 2}, func(a, b *int) bool { return *a == *b }), false},
		{"partial desired elements", "a desired element that matches several observed ones leaves the one another needs", SameSet([]int{0, 2}, []int{2, 3}, func(d, o *int) bool { return *d == 0 || *d == *o }), true},
		{"aws tags ignored", "AWS adds aws: tags no spec holds", Tags(map[string]string{"team": "a"}, map[string]string{"team": "a", "aws:cloudformation:stack": "x"}), true},
		{"tag value differs", "a changed value is drift", Tags(map[string]string{"team": "a"}, map[string]string{"team": "b"}), false},
		{"extra observed tag", "a tag added outside is drift", Tags(map[string]string{}, map[string]string{"x": "y"}), false},
		{"tag list order", "tag lists compare as maps", TagList([][2]*string{{s("a"), s("1")}, {s("b"), s("2")}}, [][2]*string{{s("b"), s("2")}, {s("a"), s("1")}}, kv), true},
		{"json spacing", "documents compare as data", JSON(`{"a": 1, "b": [1,2]}`, `{"b":[1,2],"a":1}`), true},
		{"json differs", "different data is drift", JSON(`{"a": 1}`, `{"a": 2}`), false},
		{"not json", "text that is not JSON compares as text", JSON(`a b`, `a  b`), false},
		{"policy lone values", "a lone Action equals a list of one, in any order", Policy(
			`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`,
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}]}`), true},
		{"policy url encoded", "IAM returns policies URL-encoded", Policy(
			`{"Statement":[{"Effect":"Allow","Action":["a","b"]}]}`,
			`%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22b%22%2C%22a%22%5D%7D%5D%7D`), true},
		{"policy effect differs", "Deny is not Allow", Policy(
			`{"Statement":[{"Effect":"Allow","Action":"a"}]}`,
			`{"Statement":[{"Effect":"Deny","Action":"a"}]}`), false},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v (%s)", c.name, c.got, c.want, c.reason)
		}
	}
}
