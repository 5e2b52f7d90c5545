package compare

import (
	"reflect"
	"testing"
)

type inner struct {
	Name *string `json:"name,omitempty"`
}

type spec struct {
	Mode  *string           `json:"mode,omitempty"`
	Count *int64            `json:"count,omitempty"`
	Inner *inner            `json:"inner,omitempty"`
	List  []inner           `json:"list,omitempty"`
	Tags  map[string]string `json:"tags,omitempty"`
}

func str(s string) *string { return &s }
func num(n int64) *int64   { return &n }

func TestDiff(t *testing.T) {
	cases := []struct {
		name     string
		reason   string
		desired  spec
		observed spec
		want     []string
	}{
		{"unset", "fields the user left unset are never drift", spec{}, spec{Mode: str("A"), Count: num(3)}, nil},
		{"equal", "equal values give no diff", spec{Mode: str("A")}, spec{Mode: str("A")}, nil},
		{"scalar", "a changed scalar is reported by its JSON name", spec{Mode: str("A"), Count: num(1)}, spec{Mode: str("B"), Count: num(1)}, []string{"mode"}},
		{"missing", "a set field that AWS lacks is drift", spec{Count: num(1)}, spec{}, []string{"count"}},
		{"nested", "nested fields are reported with a dotted path", spec{Inner: &inner{Name: str("x")}}, spec{Inner: &inner{Name: str("y")}}, []string{"inner.name"}},
		{"list length", "a list of another length differs as a whole", spec{List: []inner{{}}}, spec{}, []string{"list"}},
		{"list item", "list items are compared in order", spec{List: []inner{{Name: str("a")}}}, spec{List: []inner{{Name: str("b")}}}, []string{"list[0].name"}},
		{"map", "maps are compared key by key, both ways", spec{Tags: map[string]string{"a": "1", "b": "2"}}, spec{Tags: map[string]string{"a": "1", "c": "3"}}, []string{"tags.b", "tags.c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Diff(tc.desired, tc.observed); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: Diff() = %v, want %v", tc.reason, got, tc.want)
			}
		})
	}
}
