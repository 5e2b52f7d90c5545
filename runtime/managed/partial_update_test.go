package managed

import (
	"errors"
	"slices"
	"testing"
)

// TestPartial: an update that ends its pass early names what it left,
// by the diff's own paths, so the runtime keeps them unrecorded.
func TestPartial(t *testing.T) {
	for _, c := range []struct {
		reason string
		diff   []string
		sent   []string
		want   []string // nil: the update was whole
	}{
		{reason: "the settings went, the code waits", diff: []string{"description", "code"}, sent: []string{"description", "role"}, want: []string{"code"}},
		{reason: "nested paths belong to the top-level field sent", diff: []string{"taints[key=a].value", "labels"}, sent: []string{"taints"}, want: []string{"labels"}},
		{reason: "everything that differed was sent: no partial update", diff: []string{"code"}, sent: []string{"tags", "code"}},
	} {
		err := Partial(Observation{Diff: c.diff}, c.sent...)
		var partial *PartialUpdate
		switch {
		case c.want == nil && err != nil:
			t.Errorf("%s: %v, want nil", c.reason, err)
		case c.want != nil && (!errors.As(err, &partial) || !slices.Equal(partial.Unsent, c.want)):
			t.Errorf("%s: %v, want unsent %v", c.reason, err, c.want)
		}
	}
}
