package reconciler

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// TestGlobalPlacement: a kind of a global service (IAM) calls AWS in the
// controller's region whatever the annotations say, and a change of them
// after the create is no move.
func TestGlobalPlacement(t *testing.T) {
	global := func(k *managed.Kind[*Widget]) { k.Global = true }
	targetRegion := func(want string) func(t *testing.T, e *env, w *Widget) {
		return func(t *testing.T, e *env, _ *Widget) {
			for _, got := range e.targets {
				if got.Region != want {
					t.Errorf("an AWS client was built for region %s, want %s", got.Region, want)
				}
			}
		}
	}
	runPassCases(t, map[string]passCase{
		"AnnotationsIgnored": {
			reason: "The resource's region annotation and the namespace's default-region name no place for a global kind: the controller's region is used.",
			obj:    widget(annotate(AnnotationRegion, "eu-west-1")),
			ns:     map[string]string{AnnotationDefaultRegion: "ap-south-1"},
			kind:   global,
			want: want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "us-west-2",
				check: targetRegion("us-west-2")},
		},
		"AnnotationChangedAfterCreate": {
			reason: "A global resource made while its namespace named another region is the same resource after the namespace changes: it is observed and synced, not Terminal.",
			obj:    widget(ownedIn("eu-west-1"), func(w *Widget) { w.Spec.Mode = aws.String("standard") }),
			ns:     map[string]string{AnnotationDefaultRegion: "ap-south-1"},
			aws:    awsState("w", 3, "standard"),
			kind:   global,
			want: want{calls: []string{"Observe"}, requeue: 10 * time.Hour, check: targetRegion("us-west-2"),
				conds: map[string]string{"Ready": "True/Available", "ACK.ResourceSynced": "True/Synced", "ACK.Terminal": ""}},
		},
		"NoControllerRegion": {
			reason: "Without a controller region a global kind still works from the annotations, as any kind does.",
			obj:    widget(),
			ns:     map[string]string{AnnotationDefaultRegion: "ap-south-1"},
			kind:   global,
			opts:   func(o *Options) { o.DefaultRegion = "" },
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "ap-south-1"},
		},
	})
}
