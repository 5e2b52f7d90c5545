package reconciler

import (
	"strings"
	"testing"
	"time"

	"github.com/kubesmith/kubesmith/runtime/conditions"
)

// TestFailedState: a resource AWS reports in a state it does not leave by
// itself (an EKS cluster FAILED) is Terminal, with the state in the
// message, and is not updated nor re-read at the short pending interval;
// its deletion still deletes it.
func TestFailedState(t *testing.T) {
	failed := func() *fakeAWS { f := awsState("w", 3, "standard"); f.failed = "FAILED"; return f }
	runPassCases(t, map[string]passCase{
		"Failed": {
			reason: "FAILED is Terminal, not Ready, and nothing is sent to AWS.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			aws:    failed(),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"},
				conds: map[string]string{"Ready": "False/Terminal", "ACK.Terminal": "True/Terminal"},
				check: func(t *testing.T, _ *env, w *Widget) {
					for _, c := range w.Status.Conditions {
						if c.Type == conditions.Terminal && !strings.Contains(c.Message, "FAILED") {
							t.Errorf("Terminal says %q, want the state FAILED named", c.Message)
						}
					}
				},
			},
		},
		"DeleteFailed": {
			reason: "A FAILED resource is still deleted with its object.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			aws:    failed(),
			want:   want{calls: []string{"Observe", "Delete"}, requeue: time.Second, events: []string{"Deleting"}},
		},
	})
}
