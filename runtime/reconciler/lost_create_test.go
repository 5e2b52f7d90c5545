package reconciler

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/interceptor"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

func TestLostCreateKeepsRecords(t *testing.T) {
	withPeer := func(w *Widget) { w.Spec.Peer = aws.String("a") }
	withPassword := func(w *Widget) {
		w.Spec.Password = &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}
	}
	cases := map[string]struct {
		reason string
		kind   func(*managed.Kind[*Widget])
		obj    *Widget
		// between runs after the lost status write, before the next pass.
		between func(*env)
		updates int
	}{
		"UnreportedField": {
			reason: "A field AWS does not report was sent by the create whose status write was lost: finding the resource must not send it again.",
			kind:   peerUnreported(false), obj: widget(withPeer), updates: 0,
		},
		"Secret": {
			reason: "The Secret the create sent is unchanged: finding the resource must not send it again (RDS would reset the master credentials).",
			kind:   func(k *managed.Kind[*Widget]) { k.SecretFields = []string{"password"} }, obj: widget(withPassword), updates: 0,
		},
		"SpecChangedMeanwhile": {
			reason: "The spec changed after the create was sent: the created resource has the old value, so the new one is sent once.",
			kind:   peerUnreported(false), obj: widget(withPeer), updates: 1,
			between: func(e *env) { e.setPeer("b") },
		},
		"SecretChangedMeanwhile": {
			reason: "The Secret changed after the create was sent: the new value is sent once.",
			kind:   func(k *managed.Kind[*Widget]) { k.SecretFields = []string{"password"} }, obj: widget(withPassword), updates: 1,
			between: func(e *env) {
				s := &corev1.Secret{}
				if err := e.c.Get(context.Background(), client.ObjectKey{Namespace: testNS, Name: "db"}, s); err != nil {
					e.t.Fatal(err)
				}
				s.Data["password"] = []byte("second-password")
				if err := e.c.Update(context.Background(), s); err != nil {
					e.t.Fatal(err)
				}
			},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fa := &fakeAWS{}
			secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "db", Namespace: testNS}, Data: map[string][]byte{"password": []byte("first-password")}}
			e := newEnv(t, fa, tc.kind, nil, tc.obj, secret)
			lost := true
			e.r.client = interceptor.NewClient(e.c.(client.WithWatch), interceptor.Funcs{
				SubResourcePatch: func(ctx context.Context, c client.Client, sub string, obj client.Object, patch client.Patch, opts ...client.SubResourcePatchOption) error {
					if lost {
						return errors.New("the process died before the status write")
					}
					return c.SubResource(sub).Patch(ctx, obj, patch, opts...)
				},
			})
			_, _ = e.reconcile()
			lost = false
			if n := count(fa.Calls(), "Create"); n != 1 {
				t.Fatalf("%s\n%d creates in the first pass, want 1: %v", tc.reason, n, fa.Calls())
			}
			if tc.between != nil {
				tc.between(e)
			}
			e.passes(4)
			if n := count(fa.Calls(), "Create"); n != 1 {
				t.Errorf("%s\n%d creates, want 1: %v", tc.reason, n, fa.Calls())
			}
			if n := count(fa.Calls(), "Update"); n != tc.updates {
				t.Errorf("%s\n%d updates, want %d: %v", tc.reason, n, tc.updates, fa.Calls())
			}
			if got := cond(e.get(), "Ready"); got != "True/Available" {
				t.Errorf("%s\nReady = %q (%s)", tc.reason, got, condMessage(e.get(), "Ready"))
			}
		})
	}
}
