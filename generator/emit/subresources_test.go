package emit

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestSubResourceRemovable: which sub-resources an unset spec field
// deletes. Where AWS reports a default nobody put, a delete would leave
// the default and run again on every resync.
func TestSubResourceRemovable(t *testing.T) {
	op := &model.Operation{Name: "Op"}
	cases := []struct {
		reason string
		sub    model.SubResource
		ignore bool
		want   bool
	}{
		{reason: "a get tells AWS has one, a delete removes it", sub: model.SubResource{Get: op, Delete: op}, want: true},
		{reason: "AWS reports a default when unset: unset is no opinion", sub: model.SubResource{Get: op, Delete: op, ReportsDefault: true}, want: false},
		{reason: "no delete operation", sub: model.SubResource{Get: op}, want: false},
		{reason: "no get: nothing tells there is one to delete", sub: model.SubResource{Delete: op}, want: false},
		{reason: "compareIgnore: drift is not looked for", sub: model.SubResource{Get: op, Delete: op}, ignore: true, want: false},
	}
	for _, c := range cases {
		s := subResource{SubResource: &c.sub, f: &model.Field{CompareIgnore: c.ignore}}
		if got := s.removable(); got != c.want {
			t.Errorf("%s: removable %t, want %t", c.reason, got, c.want)
		}
	}
}
