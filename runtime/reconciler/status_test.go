package reconciler

import (
	"strings"
	"testing"
	"time"
)

// TestFailureConditions checks what a failed pass records, for errors
// whose code or timing the API server or the user would trip over.
func TestFailureConditions(t *testing.T) {
	runPassCases(t, map[string]passCase{
		"DottedCode": {
			reason: "An AWS code with a dot becomes a valid reason (the API server refuses a dot); the message keeps the code as AWS wrote it.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: apiError("CreateWidget", "KMS.DisabledException", "the key is disabled", 400)},
			want: want{
				calls: []string{"Observe", "Create"}, err: true,
				conds: map[string]string{"ACK.Recoverable": "True/KMS_DisabledException", "Ready": "False/KMS_DisabledException"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.Recoverable"); !strings.Contains(msg, "KMS.DisabledException: the key is disabled") {
						t.Errorf("message %q lacks AWS's code", msg)
					}
				},
			},
		},
		"ReconcileTimeout": {
			reason: "A pass that runs out of the reconcile timeout is Recoverable, says which timeout, and is retried with backoff.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			aws:    &fakeAWS{observeHangs: true},
			opts:   func(o *Options) { o.Timeout = 50 * time.Millisecond },
			want: want{
				err:   true,
				conds: map[string]string{"ACK.Recoverable": "True/Recoverable", "Ready": "False/Recoverable"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.Recoverable"); !strings.Contains(msg, "reconcile timeout of 50ms") {
						t.Errorf("message %q does not name the reconcile timeout", msg)
					}
				},
			},
		},
	})
}
