package reconciler

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// argoHealth is Argo CD's built-in health check for *.services.k8s.aws
// kinds: the first ACK.Terminal=True or Ready condition, in list order,
// decides.
func argoHealth(conds []metav1.Condition) string {
	for _, c := range conds {
		switch {
		case c.Type == "ACK.Terminal" && c.Status == metav1.ConditionTrue:
			return "Degraded"
		case c.Type == "Ready" && c.Status == metav1.ConditionTrue:
			return "Healthy"
		case c.Type == "Ready" && c.Status == metav1.ConditionFalse:
			return "Progressing"
		}
	}
	return "Progressing" // no verdict yet
}

// TestArgoHealth checks the conditions the reconciler writes against
// Argo CD's rule, in every state a resource goes through.
func TestArgoHealth(t *testing.T) {
	invalid := apiError("UpdateWidget", "ValidationException", "size is too large", 400)
	cases := map[string]struct {
		reason string
		obj    *Widget
		aws    *fakeAWS
		want   string
	}{
		"Creating": {
			reason: "A resource AWS is still creating is Progressing.",
			obj:    widget(), aws: &fakeAWS{pending: "CREATING"}, want: "Progressing",
		},
		"Ready": {
			reason: "A resource matching AWS is Healthy.",
			obj:    widget(ownedIn("us-west-2")), aws: awsState("w", 3, "standard"), want: "Healthy",
		},
		"ReadyThenRecoverable": {
			reason: "A passing fault after Ready is Progressing.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			aws:    &fakeAWS{observeErr: networkError("DescribeWidget")}, want: "Progressing",
		},
		"TerminalFirst": {
			reason: "A create AWS refuses is Degraded.",
			obj:    widget(), aws: &fakeAWS{createErr: apiError("CreateWidget", "ValidationException", "size is too large", 400)},
			want: "Degraded",
		},
		"TerminalAfterReady": {
			reason: "A refused update of a resource that was Ready is Degraded, not Progressing behind the older Ready condition.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Generation = 2; w.Spec.Size = aws.Int64(99) }),
			aws:    func() *fakeAWS { f := awsState("w", 3, "standard"); f.updateErr = invalid; return f }(),
			want:   "Degraded",
		},
		"TerminalAfterRecoverable": {
			reason: "A Terminal error after a Recoverable one is Degraded.",
			obj: widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) {
				w.Generation = 2
				w.Spec.Size = aws.Int64(99)
				w.Status.Conditions = append(w.Status.Conditions, metav1.Condition{Type: "ACK.Recoverable", Status: metav1.ConditionTrue,
					Reason: "RequestSendError", Message: "no answer", ObservedGeneration: 1, LastTransitionTime: metav1.NewTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))})
			}),
			aws:  func() *fakeAWS { f := awsState("w", 3, "standard"); f.updateErr = invalid; return f }(),
			want: "Degraded",
		},
		"Deleting": {
			reason: "A resource being deleted in AWS is Progressing.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), deleting), aws: awsState("w", 3, "standard"), want: "Progressing",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, tc.aws, nil, nil, tc.obj)
			_, _ = e.reconcile()
			w := e.get()
			if w == nil {
				t.Fatalf("%s\nthe object is gone", tc.reason)
			}
			if got := argoHealth(w.Status.Conditions); got != tc.want {
				t.Errorf("%s\nArgo CD health %s, want %s; conditions in order:", tc.reason, got, tc.want)
				for _, c := range w.Status.Conditions {
					t.Logf("  %s=%s (%s)", c.Type, c.Status, c.Reason)
				}
			}
		})
	}
}
