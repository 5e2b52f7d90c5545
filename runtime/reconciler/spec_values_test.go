package reconciler

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestSetSpecValues: setting spec paths changes those fields only; an
// empty list elsewhere in the spec stays an empty list, not unset.
func TestSetSpecValues(t *testing.T) {
	cases := []struct {
		reason string
		values map[string]any
		check  func(w *Widget) string
	}{
		{reason: "a resolved reference fills its field; the empty access list stays empty, not nil (no opinion)",
			values: map[string]any{"peer": "peer-aws-name"},
			check: func(w *Widget) string {
				if aws.ToString(w.Spec.Peer) != "peer-aws-name" || w.Spec.Access == nil || len(w.Spec.Access) != 0 {
					return "peer " + aws.ToString(w.Spec.Peer) + ", access nil or not empty"
				}
				return ""
			}},
		{reason: "a path into a structure sets it there",
			values: map[string]any{"env.variables": map[string]any{"A": "1"}},
			check: func(w *Widget) string {
				if w.Spec.Env == nil || w.Spec.Env.Variables["A"] != "1" || w.Spec.Access == nil {
					return "env.variables.A not 1, or access lost"
				}
				return ""
			}},
	}
	for _, c := range cases {
		w := widget(func(w *Widget) { w.Spec.Access = []WidgetAccess{} })
		if err := setSpecValues(w, c.values); err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		if msg := c.check(w); msg != "" {
			t.Errorf("%s: %s", c.reason, msg)
		}
	}
}
