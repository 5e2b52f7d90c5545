package reconciler

import (
	"context"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// TestSecretRenewal follows one object through passes: a Secret changed
// after the create is sent again at the next pass, as an update rather
// than a drift correction, and an unchanged one costs no AWS write.
func TestSecretRenewal(t *testing.T) {
	db := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "db", Namespace: testNS}, Data: map[string][]byte{"password": []byte("v1"), "other": []byte("o1")}}
	obj := widget(func(w *Widget) {
		w.Spec.Password = &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}
	})
	e := newEnv(t, nil, func(k *managed.Kind[*Widget]) { k.SecretFields = []string{"password"} }, nil, obj, db)
	setSecret := func(key, value string) func() {
		return func() {
			var s corev1.Secret
			if err := e.c.Get(context.Background(), client.ObjectKeyFromObject(db), &s); err != nil {
				t.Fatal(err)
			}
			s.Data[key] = []byte(value)
			if err := e.c.Update(context.Background(), &s); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		reason    string
		change    func()
		calls     []string
		events    []string
		passwords []string
	}{
		{"the create sends the value and records the Secret's version", nil, []string{"Observe", "Create", "Observe"}, []string{"Created"}, []string{"v1"}},
		{"nothing changed: only a read", nil, []string{"Observe"}, nil, []string{"v1"}},
		{"the Secret's value changed: an update sends it, and it is no drift", setSecret("password", "v2"), []string{"Observe", "Update"}, []string{"Updated"}, []string{"v1", "v2"}},
		{"sent already: only a read", nil, []string{"Observe"}, nil, []string{"v1", "v2"}},
		{"the reference changed to another key: an update sends its value", func() {
			setSecret("rotated", "v3")()
			w := e.get()
			w.Spec.Password.Key = "rotated"
			if err := e.c.Update(context.Background(), w); err != nil {
				t.Fatal(err)
			}
		}, []string{"Observe", "Update"}, []string{"Updated"}, []string{"v1", "v2", "v3"}},
	}
	for i, s := range steps {
		if s.change != nil {
			s.change()
		}
		callsBefore, eventsBefore := len(e.aws.Calls()), len(e.events.reasons())
		if _, err := e.reconcile(); err != nil {
			t.Fatalf("step %d, %s: %v", i, s.reason, err)
		}
		if got := e.aws.Calls()[callsBefore:]; !slices.Equal(got, s.calls) {
			t.Errorf("step %d, %s: AWS calls %v, want %v", i, s.reason, got, s.calls)
		}
		if got := e.events.reasons()[eventsBefore:]; !slices.Equal(got, s.events) && !(len(got) == 0 && len(s.events) == 0) {
			t.Errorf("step %d, %s: events %v, want %v", i, s.reason, got, s.events)
		}
		if !slices.Equal(e.aws.passwords, s.passwords) {
			t.Errorf("step %d, %s: AWS received %q, want %q", i, s.reason, e.aws.passwords, s.passwords)
		}
		w := e.get()
		if v := w.Status.SecretsVersion; len(v) != 32 || strings.Trim(v, "0123456789abcdef") != "" {
			t.Errorf("step %d, %s: secretsVersion %q is no hash of versions", i, s.reason, v)
		}
		if w.Status.LastDrift != nil {
			t.Errorf("step %d, %s: a changed Secret was reported as drift: %+v", i, s.reason, w.Status.LastDrift)
		}
	}
}
