package compare

import (
	"slices"
	"testing"
)

func TestMapChanges(t *testing.T) {
	doc := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`
	encoded := "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22s3%3AGetObject%22%5D%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
	cases := []struct {
		reason            string
		desired, observed map[string]string
		same              func(a, b string) bool
		put, remove       []string
	}{
		{"equal maps change nothing", map[string]string{"a": "1"}, map[string]string{"a": "1"}, SameText, nil, nil},
		{"a policy IAM returns URL-encoded, its lone action as a list, is the same", map[string]string{"p": doc}, map[string]string{"p": encoded}, Policy, nil, nil},
		{"a changed value is put, a missing key put, an extra key removed, each sorted",
			map[string]string{"b": "2", "a": "new", "c": "3"}, map[string]string{"a": "old", "z": "9", "y": "8"}, SameText,
			[]string{"a", "b", "c"}, []string{"y", "z"}},
		{"an empty desired map removes everything AWS has", map[string]string{}, map[string]string{"a": "1"}, SameText, nil, []string{"a"}},
	}
	for _, c := range cases {
		put, remove := MapChanges(c.desired, c.observed, c.same)
		if !slices.Equal(put, c.put) || !slices.Equal(remove, c.remove) {
			t.Errorf("%s: put %v, remove %v; want %v, %v", c.reason, put, remove, c.put, c.remove)
		}
		if same := SameMap(c.desired, c.observed, c.same); same != (len(c.put)+len(c.remove) == 0) {
			t.Errorf("%s: SameMap %t", c.reason, same)
		}
	}
}
