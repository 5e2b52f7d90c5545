package reconciler

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

func TestSecrets(t *testing.T) {
	secretKind := func(k *managed.Kind[*Widget]) { k.SecretFields = []string{"password"} }
	secret := func(ns string, data map[string]string) *corev1.Secret {
		s := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "db", Namespace: ns}, Data: map[string][]byte{}}
		for k, v := range data {
			s.Data[k] = []byte(v)
		}
		return s
	}
	withPassword := func(ns string) func(*Widget) {
		return func(w *Widget) {
			w.Spec.Password = &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password", Namespace: ns}
		}
	}
	sent := func(want ...string) func(*testing.T, *env, *Widget) {
		return func(t *testing.T, e *env, w *Widget) {
			if !slices.Equal(e.aws.passwords, want) {
				t.Errorf("AWS received passwords %q, want %q", e.aws.passwords, want)
			}
			if ref := w.Spec.Password; ref != nil && (ref.Name != "db" || ref.Key != "password") {
				t.Errorf("the stored spec lost its reference: %+v", ref)
			}
		}
	}
	waiting := func(substr string) func(*testing.T, *env, *Widget) {
		return func(t *testing.T, e *env, w *Widget) {
			sent()(t, e, w)
			if msg := condMessage(w, "ACK.Recoverable"); !strings.Contains(msg, substr) {
				t.Errorf("Recoverable message %q does not say %q", msg, substr)
			}
			if w.Status.ACKResourceMetadata != nil {
				t.Errorf("a create waiting for a Secret pinned %+v", w.Status.ACKResourceMetadata)
			}
		}
	}
	nestedKind := func(k *managed.Kind[*Widget]) {
		k.SecretFields = []string{"password", "access.*.token"}
		k.SecretMapFields = []string{"env.variablesFrom"}
	}
	withAccess := func(names ...string) func(*Widget) {
		return func(w *Widget) {
			for _, n := range names {
				w.Spec.Access = append(w.Spec.Access, WidgetAccess{Token: &ackv1alpha1.SecretKeyReference{Name: "db", Key: n}})
			}
		}
	}
	withEnv := func(plain map[string]string, from string) func(*Widget) {
		return func(w *Widget) {
			w.Spec.Env = &WidgetEnv{Variables: plain}
			if from != "" {
				w.Spec.Env.VariablesFrom = &ackv1alpha1.SecretReference{Name: from}
			}
		}
	}
	leaksNothing := func(next func(*testing.T, *env, *Widget)) func(*testing.T, *env, *Widget) {
		return func(t *testing.T, e *env, w *Widget) {
			next(t, e, w)
			data, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []string{"tok-a", "tok-b", "from-secret"} {
				if strings.Contains(string(data), v) {
					t.Errorf("the stored object holds the secret value %q: %s", v, data)
				}
			}
			for _, ev := range e.events.events {
				if strings.Contains(ev, "tok-") || strings.Contains(ev, "from-secret") {
					t.Errorf("an event holds a secret value: %s", ev)
				}
			}
		}
	}
	unresolved := map[string]string{"ACK.Recoverable": "True/SecretsUnresolved", "Ready": "False/SecretsUnresolved", "ACK.ResourceSynced": "False/SecretsUnresolved"}
	runPassCases(t, map[string]passCase{
		"Found": {
			reason: "The value of the named key reaches Create, and only Create: the stored object keeps the reference.",
			obj:    widget(withPassword("")),
			kind:   secretKind,
			extra:  []client.Object{secret(testNS, map[string]string{"password": "s3cret"})},
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, check: sent("s3cret")},
		},
		"OtherNamespace": {
			reason: "A reference with a namespace reads the Secret there, not in the object's namespace.",
			obj:    widget(withPassword("vault")),
			kind:   secretKind,
			extra: []client.Object{
				secret("vault", map[string]string{"password": "from-vault"}),
				secret(testNS, map[string]string{"password": "from-team"}),
			},
			want: want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, check: sent("from-vault")},
		},
		"OtherNamespaceRefused": {
			reason: "With cross-namespace references off, a Secret key in another namespace is Terminal and never read or sent, though it exists.",
			obj:    widget(withPassword("vault")),
			kind:   secretKind,
			opts:   func(o *Options) { o.SameNamespaceOnly = true },
			extra:  []client.Object{secret("vault", map[string]string{"password": "from-vault"})},
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"},
				check: func(t *testing.T, e *env, w *Widget) {
					sent()(t, e, w)
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "spec.password") || !strings.Contains(msg, "namespace vault") {
						t.Errorf("Terminal message %q does not name the field and the namespace", msg)
					}
				},
			},
		},
		"MissingSecret": {
			reason: "A missing Secret waits, Recoverable, naming the Secret and key; nothing is created or pinned.",
			obj:    widget(withPassword("")),
			kind:   secretKind,
			want:   want{err: true, calls: []string{"Observe"}, conds: unresolved, check: waiting(`Secret team/db (for key "password") to exist`)},
		},
		"MissingKey": {
			reason: "A Secret without the key waits, naming the key and the Secret.",
			obj:    widget(withPassword("")),
			kind:   secretKind,
			extra:  []client.Object{secret(testNS, map[string]string{"other": "x"})},
			want:   want{err: true, calls: []string{"Observe"}, conds: unresolved, check: waiting(`key "password" in Secret team/db`)},
		},
		"MissingInOtherNamespace": {
			reason: "A namespace in the reference is not a fallback: a Secret of the same name at home does not count.",
			obj:    widget(withPassword("vault")),
			kind:   secretKind,
			extra:  []client.Object{secret(testNS, map[string]string{"password": "from-team"})},
			want:   want{err: true, calls: []string{"Observe"}, conds: unresolved, check: waiting("Secret vault/db")},
		},
		"Update": {
			reason: "An update gets the value too, for APIs whose update must resend it.",
			obj:    widget(ownedIn("us-west-2"), withPassword(""), func(w *Widget) { w.Spec.Mode = aws.String("standard") }),
			aws:    awsState("w", 2, "standard"),
			kind:   secretKind,
			extra:  []client.Object{secret(testNS, map[string]string{"password": "s3cret"})},
			want:   want{calls: []string{"Observe", "Update"}, requeue: time.Second, events: []string{"Updated"}, check: sent("s3cret")},
		},
		"SteadyStateNeedsNoSecret": {
			reason: "Observing needs no secret: an unchanged resource syncs even while its Secret is gone.",
			obj:    widget(ownedIn("us-west-2"), withPassword(""), func(w *Widget) { w.Spec.Mode = aws.String("standard") }),
			aws:    awsState("w", 3, "standard"),
			kind:   secretKind,
			want:   want{calls: []string{"Observe"}, requeue: 10 * time.Hour, conds: map[string]string{"Ready": "True/Available"}, check: sent()},
		},
		"NestedInList": {
			reason: "A reference in every element of a list is resolved, in order, and only the references stay in the object.",
			obj:    widget(withAccess("a", "b")),
			kind:   nestedKind,
			extra:  []client.Object{secret(testNS, map[string]string{"a": "tok-a", "b": "tok-b"})},
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, check: leaksNothing(sent("tok-a", "tok-b"))},
		},
		"NestedMissingKey": {
			reason: "A nested reference to a missing key waits, and the message names the key, not a value.",
			obj:    widget(withAccess("a", "gone")),
			kind:   nestedKind,
			extra:  []client.Object{secret(testNS, map[string]string{"a": "tok-a"})},
			want:   want{err: true, calls: []string{"Observe"}, conds: unresolved, check: waiting(`key "gone" in Secret team/db`)},
		},
		"MapFromSecret": {
			reason: "Every key of the Secret a map names joins the entries the spec writes itself.",
			obj:    widget(withEnv(map[string]string{"MODE": "fast"}, "env")),
			kind:   nestedKind,
			extra: []client.Object{func() client.Object {
				s := secret(testNS, map[string]string{"TOKEN": "from-secret"})
				s.Name = "env"
				return s
			}()},
			want: want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, check: leaksNothing(sent("MODE=fast", "TOKEN=from-secret"))},
		},
		"MapSecretMissing": {
			reason: "A map whose Secret is missing waits for it, naming it.",
			obj:    widget(withEnv(nil, "env")),
			kind:   nestedKind,
			want:   want{err: true, calls: []string{"Observe"}, conds: unresolved, check: waiting("Secret team/env to exist")},
		},
		"MapKeyTwice": {
			reason: "A key both in the spec and in the Secret is Terminal: which value to send would be a guess.",
			obj:    widget(withEnv(map[string]string{"TOKEN": "plain"}, "env")),
			kind:   nestedKind,
			extra: []client.Object{func() client.Object {
				s := secret(testNS, map[string]string{"TOKEN": "from-secret"})
				s.Name = "env"
				return s
			}()},
			want: want{requeue: 10 * time.Hour, calls: []string{"Observe", "Create"}, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}, check: leaksNothing(sent())},
		},
		"AdoptKeepsReferences": {
			reason: "Adopting copies AWS's spec, which holds no secret, without dropping the spec's references or its plain map entries.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt), withAccess("a"), withEnv(map[string]string{"MODE": "fast"}, "env")),
			aws:    awsState("w", 3, "standard"),
			kind:   nestedKind,
			want: want{calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"}, check: func(t *testing.T, _ *env, w *Widget) {
				if len(w.Spec.Access) != 1 || w.Spec.Access[0].Token == nil || w.Spec.Access[0].Token.Key != "a" {
					t.Errorf("adoption dropped the nested reference: %+v", w.Spec.Access)
				}
				if env := w.Spec.Env; env == nil || env.VariablesFrom == nil || env.Variables["MODE"] != "fast" {
					t.Errorf("adoption dropped the map's reference or entries: %+v", env)
				}
			}},
		},
		"NotSet": {
			reason: "A kind with secret fields whose object sets none creates without reading any Secret.",
			obj:    widget(),
			kind:   secretKind,
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, check: sent()},
		},
	})
}
