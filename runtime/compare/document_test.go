package compare

import (
	"testing"

	kruntime "k8s.io/apimachinery/pkg/runtime"
)

func TestSameJSON(t *testing.T) {
	raw := func(s string) *kruntime.RawExtension { return &kruntime.RawExtension{Raw: []byte(s)} }
	cases := []struct {
		reason string
		a, b   any
		want   bool
	}{
		{"spacing and key order do not matter", raw(`{"a": 1, "b": [1, 2]}`), raw(`{"b":[1,2],"a":1}`), true},
		{"number spelling does not matter", raw(`{"a": 1.0}`), raw(`{"a":1}`), true},
		{"a changed value differs", raw(`{"a": 1}`), raw(`{"a": 2}`), false},
		{"list order matters in a document", raw(`[1, 2]`), raw(`[2, 1]`), false},
		{"a document AWS does not return differs", raw(`{}`), (*kruntime.RawExtension)(nil), false},
		{"lists of documents compare element by element as data", []kruntime.RawExtension{*raw(`{"x": true}`)}, []kruntime.RawExtension{*raw(`{ "x":true }`)}, true},
		{"maps of documents too", map[string]kruntime.RawExtension{"k": *raw(`[ ]`)}, map[string]kruntime.RawExtension{"k": *raw(`[]`)}, true},
	}
	for _, c := range cases {
		if got := SameJSON(c.a, c.b); got != c.want {
			t.Errorf("%s: SameJSON = %t, want %t", c.reason, got, c.want)
		}
	}
}
