package reconciler

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// requiredPeer makes spec.peer (or spec.peerRef) what AWS needs to create
// a Widget.
func requiredPeer(k *managed.Kind[*Widget]) {
	k.References = []managed.Reference{{Field: "peer", RefField: "peerRef", Target: widgetGV.WithKind("Widget"), Path: "spec.name", Required: true}}
}

// TestRequiredReferences: a required field a reference can fill, left
// out with its reference, stops a create before any AWS call with a
// Terminal condition naming both; an adoption fills it from AWS instead.
func TestRequiredReferences(t *testing.T) {
	named := func(msg string) func(t *testing.T, _ *env, w *Widget) {
		return func(t *testing.T, _ *env, w *Widget) {
			if got := condMessage(w, "ACK.Terminal"); !strings.Contains(got, msg) {
				t.Errorf("ACK.Terminal says %q, want it to contain %q", got, msg)
			}
		}
	}
	runPassCases(t, map[string]passCase{
		"CreateWithoutEither": {
			reason: "A create with neither spec.peer nor spec.peerRef is Terminal, naming both, with no AWS call.",
			obj:    widget(),
			kind:   requiredPeer,
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/Terminal", "Ready": "False/Terminal"},
				check: named("spec.peer or spec.peerRef is required to create the Widget"),
			},
		},
		"AdoptOrCreateWithoutEither": {
			reason: "adopt-or-create finding nothing to adopt reads AWS, then refuses the create the same way.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdoptOrCreate)),
			kind:   requiredPeer,
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/Terminal"},
				check: named("spec.peer or spec.peerRef is required to create the Widget"),
			},
		},
		"CreateWithTheField": {
			reason: "The field given directly is enough to create.",
			obj:    widget(func(w *Widget) { w.Spec.Peer = aws.String("other") }),
			kind:   requiredPeer,
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, conds: map[string]string{"ACK.Terminal": ""}},
		},
		"AdoptWithoutEither": {
			reason: "adopt needs neither: AWS's value fills the spec.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt)),
			aws:    awsState("w", 3, "standard"),
			kind:   requiredPeer,
			want:   want{calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"}, conds: map[string]string{"ACK.Terminal": ""}},
		},
	})
}
