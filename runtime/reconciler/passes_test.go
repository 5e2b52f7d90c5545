package reconciler

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"
	"sigs.k8s.io/controller-runtime/pkg/client/interceptor"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// Tests over several passes: what a user sees over time.

func TestLostCreateAnswerCreatesOnce(t *testing.T) {
	fa := &fakeAWS{createErr: networkError("CreateWidget"), createTakesEffect: true}
	e := newEnv(t, fa, nil, nil, widget())
	if _, err := e.reconcile(); err == nil {
		t.Fatal("the first pass hid the network error")
	}
	fa.createErr = nil
	for range 2 {
		if _, err := e.reconcile(); err != nil {
			t.Fatal(err)
		}
	}
	creates := 0
	for _, c := range fa.Calls() {
		if c == "Create" {
			creates++
		}
	}
	if creates != 1 {
		t.Errorf("Create was called %d times, want 1: calls %v", creates, fa.Calls())
	}
	w := e.get()
	if got := cond(w, "Ready"); got != "True/Available" {
		t.Errorf("Ready = %q after AWS came back (message %q)", got, condMessage(w, "Ready"))
	}
}

func TestSteadyStateWritesNothing(t *testing.T) {
	fa := awsState("w", 3, "standard")
	e := newEnv(t, fa, nil, nil, widget(ownedIn("us-west-2"), func(w *Widget) { w.Spec.Mode = aws.String("standard") }))
	if _, err := e.reconcile(); err != nil {
		t.Fatal(err)
	}
	first := e.get()
	ready := *findCond(first, "Ready")
	for range 10 {
		e.now = e.now.Add(time.Hour)
		if _, err := e.reconcile(); err != nil {
			t.Fatal(err)
		}
	}
	last := e.get()
	if last.ResourceVersion != first.ResourceVersion {
		t.Errorf("ten unchanged passes wrote the object: resourceVersion %s -> %s", first.ResourceVersion, last.ResourceVersion)
	}
	if got := *findCond(last, "Ready"); !got.LastTransitionTime.Equal(&ready.LastTransitionTime) {
		t.Errorf("Ready's lastTransitionTime moved from %s to %s", ready.LastTransitionTime, got.LastTransitionTime)
	}
	if calls := fa.Calls(); len(calls) != 11 || slices.ContainsFunc(calls, func(c string) bool { return c != "Observe" }) {
		t.Errorf("AWS calls %v, want 11 reads and nothing else", calls)
	}
	if got := testutil.ToFloat64(e.metrics.ReconcilesFor("Widget", "synced")); got != 11 {
		t.Errorf("synced reconciles = %v, want 11", got)
	}
}

func TestConditionFlipMovesTransitionTime(t *testing.T) {
	fa := awsState("w", 3, "standard")
	fa.observeErr = networkError("DescribeWidget")
	e := newEnv(t, fa, nil, nil, widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Spec.Mode = aws.String("standard") }))
	_, _ = e.reconcile()
	w := e.get()
	ready := findCond(w, "Ready")
	if ready.Status != metav1.ConditionFalse || ready.LastTransitionTime.Year() == 2025 {
		t.Errorf("Ready after an outage: %+v, want False with a new transition time", ready)
	}
	rec := *findCond(w, "ACK.Recoverable")
	// The same failure again must not rewrite the status.
	rv := w.ResourceVersion
	_, _ = e.reconcile()
	if w2 := e.get(); w2.ResourceVersion != rv || !findCond(w2, "ACK.Recoverable").LastTransitionTime.Equal(&rec.LastTransitionTime) {
		t.Errorf("a repeated failure rewrote the status (resourceVersion %s -> %s)", rv, w2.ResourceVersion)
	}
}

func TestStaleReadConflict(t *testing.T) {
	fa := awsState("w", 3, "standard")
	e := newEnv(t, fa, nil, nil, widget(ownedIn("us-west-2"), func(w *Widget) { w.Spec.Mode = aws.String("standard") }))
	// Someone else writes the object after our read; the status write of a
	// pass that decided on the old object must not win.
	stale := e.get()
	fresh := stale.DeepCopyObject().(*Widget)
	fresh.Labels = map[string]string{"touched": "yes"}
	if err := e.c.Update(context.Background(), fresh); err != nil {
		t.Fatal(err)
	}
	p := &pass[*Widget]{obj: stale, persisted: stale.DeepCopyObject().(*Widget)}
	setSynced(p.obj, "x")
	if err := e.r.writeStatus(context.Background(), p, true); !apierrors.IsConflict(err) {
		t.Fatalf("a status write based on a stale read: err %v, want a conflict", err)
	}
}

func TestReferences(t *testing.T) {
	peerGVK := widgetGV.WithKind("Widget")
	refKind := func(k *managed.Kind[*Widget]) {
		k.References = []managed.Reference{{Field: "peer", RefField: "peerRef", Target: peerGVK, Path: "spec.name"}}
	}
	peer := func(ready bool) *Widget {
		p := &Widget{
			TypeMeta:   metav1.TypeMeta{APIVersion: widgetGV.String(), Kind: "Widget"},
			ObjectMeta: metav1.ObjectMeta{Name: "peer", Namespace: testNS, Generation: 1},
			Spec:       WidgetSpec{Name: aws.String("peer-aws-name")},
		}
		if ready {
			syncedAt(1)(p)
		}
		return p
	}
	withRef := func(w *Widget) {
		w.Spec.PeerRef = &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("peer")}}
	}
	refIn := func(ns string) func(*Widget) {
		return func(w *Widget) {
			w.Spec.PeerRef = &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("peer"), Namespace: aws.String(ns)}}
		}
	}
	peerIn := func(ns string) *Widget {
		p := peer(true)
		p.Namespace = ns
		return p
	}
	sameNamespaceOnly := func(o *Options) { o.SameNamespaceOnly = true }
	runPassCases(t, map[string]passCase{
		"OtherNamespace": {
			reason: "By default a reference may name an object in another namespace.",
			obj:    widget(refIn("shared")),
			kind:   refKind,
			extra:  []client.Object{peerIn("shared")},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
			},
		},
		"OtherNamespaceRefused": {
			reason: "With cross-namespace references off, one to another namespace is Terminal, naming the namespace, and nothing is called in AWS, though the target exists.",
			obj:    widget(refIn("shared")),
			kind:   refKind,
			opts:   sameNamespaceOnly,
			extra:  []client.Object{peerIn("shared")},
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "spec.peerRef") || !strings.Contains(msg, "namespace shared") {
						t.Errorf("Terminal message %q does not name the field and the namespace", msg)
					}
				},
			},
		},
		"OwnNamespaceNamedWhenRefused": {
			reason: "With cross-namespace references off, naming the object's own namespace explicitly is fine.",
			obj:    widget(refIn(testNS)),
			kind:   refKind,
			opts:   sameNamespaceOnly,
			extra:  []client.Object{peer(true)},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
			},
		},
		"Resolved": {
			reason: "A reference to a Ready object fills the field for the AWS calls, and the stored spec keeps only the reference.",
			obj:    widget(withRef),
			kind:   refKind,
			extra:  []client.Object{peer(true)},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
				check: func(t *testing.T, e *env, w *Widget) {
					if got := aws.ToString(e.aws.observed[0].Peer); got != "peer-aws-name" {
						t.Errorf("AWS saw peer %q", got)
					}
					if w.Spec.Peer != nil {
						t.Errorf("the resolved value %q was written to the stored spec", *w.Spec.Peer)
					}
				},
			},
		},
		"TargetNotReady": {
			reason: "A reference to an object that is not Ready waits: ReferencesResolved=False, Recoverable, no AWS call.",
			obj:    widget(withRef),
			kind:   refKind,
			extra:  []client.Object{peer(false)},
			want: want{
				err:   true,
				conds: map[string]string{"ACK.ReferencesResolved": "False/ReferencesUnresolved", "ACK.Recoverable": "True/ReferencesUnresolved", "Ready": "False/ReferencesUnresolved"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.ReferencesResolved"); !strings.Contains(msg, "Widget team/peer to be Ready") {
						t.Errorf("message %q", msg)
					}
				},
			},
		},
		"TargetMissing": {
			reason: "A reference to a missing object waits for it.",
			obj:    widget(withRef),
			kind:   refKind,
			want: want{
				err:   true,
				conds: map[string]string{"ACK.ReferencesResolved": "False/ReferencesUnresolved"},
			},
		},
		"BothSet": {
			reason: "Setting a field and its reference is Terminal.",
			obj:    widget(withRef, func(w *Widget) { w.Spec.Peer = aws.String("x") }),
			kind:   refKind,
			extra:  []client.Object{peer(true)},
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"NoRefUsed": {
			reason: "A kind with references whose object uses none reports them resolved.",
			obj:    widget(),
			kind:   refKind,
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
			},
		},
	})
}

func TestListElementReferences(t *testing.T) {
	peerGVK := widgetGV.WithKind("Widget")
	refKind := func(k *managed.Kind[*Widget]) {
		k.References = []managed.Reference{
			{Field: "hops[].via", RefField: "hops[].viaRef", Target: peerGVK, Path: "spec.name"},
			{Field: "gate.via", RefField: "gate.viaRef", Target: peerGVK, Path: "spec.name"},
		}
	}
	peer := func(name string, ready bool) *Widget {
		p := &Widget{
			TypeMeta:   metav1.TypeMeta{APIVersion: widgetGV.String(), Kind: "Widget"},
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: testNS, Generation: 1},
			Spec:       WidgetSpec{Name: aws.String(name + "-aws-name")},
		}
		if ready {
			syncedAt(1)(p)
		}
		return p
	}
	ref := func(name string) *ackv1alpha1.AWSResourceReferenceWrapper {
		return &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String(name)}}
	}
	hops := func(h ...WidgetHop) func(*Widget) { return func(w *Widget) { w.Spec.Hops = h } }
	runPassCases(t, map[string]passCase{
		"EachElementResolved": {
			reason: "Each element's reference fills that element's field for the AWS calls; an element giving the value itself keeps it; the stored spec keeps the references.",
			obj: widget(hops(
				WidgetHop{CIDR: aws.String("0.0.0.0/0"), ViaRef: ref("a")},
				WidgetHop{CIDR: aws.String("10.1.0.0/16"), Via: aws.String("literal")},
				WidgetHop{CIDR: aws.String("10.2.0.0/16"), ViaRef: ref("b")},
			)),
			kind:  refKind,
			extra: []client.Object{peer("a", true), peer("b", true)},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
				check: func(t *testing.T, e *env, w *Widget) {
					var got []string
					for _, h := range e.aws.observed[0].Hops {
						got = append(got, aws.ToString(h.CIDR)+"->"+aws.ToString(h.Via))
					}
					if want := []string{"0.0.0.0/0->a-aws-name", "10.1.0.0/16->literal", "10.2.0.0/16->b-aws-name"}; !slices.Equal(got, want) {
						t.Errorf("AWS saw hops %v, want %v", got, want)
					}
					if w.Spec.Hops[0].Via != nil || w.Spec.Hops[0].ViaRef == nil {
						t.Errorf("the stored spec changed: %+v", w.Spec.Hops[0])
					}
				},
			},
		},
		"InStructure": {
			reason: "A reference in a structure, not a list, fills the structure's field, as S3's replication.roleRef fills replication.role.",
			obj:    widget(func(w *Widget) { w.Spec.Gate = &WidgetHop{CIDR: aws.String("10.3.0.0/16"), ViaRef: ref("a")} }),
			kind:   refKind,
			extra:  []client.Object{peer("a", true)},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				conds: map[string]string{"ACK.ReferencesResolved": "True/ReferencesResolved"},
				check: func(t *testing.T, e *env, w *Widget) {
					if g := e.aws.observed[0].Gate; g == nil || aws.ToString(g.Via) != "a-aws-name" || aws.ToString(g.CIDR) != "10.3.0.0/16" {
						t.Errorf("AWS saw gate %+v, want via a-aws-name beside its CIDR", g)
					}
				},
			},
		},
		"OneElementWaits": {
			reason: "An element whose target is not Ready makes the object wait, naming the target and the element; nothing is called in AWS.",
			obj:    widget(hops(WidgetHop{CIDR: aws.String("0.0.0.0/0"), ViaRef: ref("a")}, WidgetHop{CIDR: aws.String("10.2.0.0/16"), ViaRef: ref("b")})),
			kind:   refKind,
			extra:  []client.Object{peer("a", true), peer("b", false)},
			want: want{
				err:   true,
				conds: map[string]string{"ACK.ReferencesResolved": "False/ReferencesUnresolved", "Ready": "False/ReferencesUnresolved"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.ReferencesResolved"); !strings.Contains(msg, "Widget team/b to be Ready") || !strings.Contains(msg, "spec.hops[1].viaRef") {
						t.Errorf("message %q does not name the target and the element", msg)
					}
				},
			},
		},
		"ElementTargetMissing": {
			reason: "An element naming a missing object waits for it.",
			obj:    widget(hops(WidgetHop{CIDR: aws.String("0.0.0.0/0"), ViaRef: ref("gone")})),
			kind:   refKind,
			want: want{
				err:   true,
				conds: map[string]string{"ACK.ReferencesResolved": "False/ReferencesUnresolved"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.ReferencesResolved"); !strings.Contains(msg, "Widget team/gone to exist") {
						t.Errorf("message %q", msg)
					}
				},
			},
		},
		"ElementBothSet": {
			reason: "An element setting both the field and its reference is Terminal, naming the element's index.",
			obj:    widget(hops(WidgetHop{CIDR: aws.String("0.0.0.0/0"), Via: aws.String("x")}, WidgetHop{CIDR: aws.String("10.2.0.0/16"), Via: aws.String("y"), ViaRef: ref("a")})),
			kind:   refKind,
			extra:  []client.Object{peer("a", true)},
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "spec.hops[1].via and spec.hops[1].viaRef") {
						t.Errorf("Terminal message %q does not name the element", msg)
					}
				},
			},
		},
	})
}

func TestResourcesMetric(t *testing.T) {
	fa := awsState("w", 3, "standard")
	e := newEnv(t, fa, nil, nil, widget(ownedIn("us-west-2"), func(w *Widget) { w.Spec.Mode = aws.String("standard") }))
	if _, err := e.reconcile(); err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	if err := e.metrics.Register(reg); err != nil {
		t.Fatal(err)
	}
	want := `
# HELP kubesmith_resources Resources by kind, condition type and condition status.
# TYPE kubesmith_resources gauge
kubesmith_resources{condition="ACK.LateInitialized",kind="Widget",status="True"} 1
kubesmith_resources{condition="ACK.ResourceSynced",kind="Widget",status="True"} 1
kubesmith_resources{condition="Ready",kind="Widget",status="True"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "kubesmith_resources"); err != nil {
		t.Error(err)
	}
	// Once the object is gone, it no longer counts.
	w := e.get()
	if err := e.c.Delete(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	w = e.get()
	w.Finalizers = nil
	if err := e.c.Update(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	if _, err := e.reconcile(); err != nil {
		t.Fatal(err)
	}
	if n, err := testutil.GatherAndCount(reg, "kubesmith_resources"); err != nil || n != 0 {
		t.Errorf("%d series after the object went (err %v)", n, err)
	}
}

func TestNamespaceAnnotationEnqueuesItsObjects(t *testing.T) {
	other := widget(func(w *Widget) { w.Name, w.Namespace = "x", "elsewhere" })
	second := widget(func(w *Widget) { w.Name = "w2" })
	e := newEnv(t, nil, nil, nil, widget(), second, other,
		&corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "elsewhere"}})
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: testNS}}
	reqs := e.r.objectsInNamespace(context.Background(), ns)
	var names []string
	for _, r := range reqs {
		names = append(names, r.Namespace+"/"+r.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"team/w", "team/w2"}) {
		t.Errorf("enqueued %v, want the namespace's two widgets", names)
	}
	e.r.opts.WatchNamespaces = []string{"elsewhere"}
	if reqs := e.r.objectsInNamespace(context.Background(), ns); len(reqs) != 0 {
		t.Errorf("an unwatched namespace enqueued %v", reqs)
	}
}

func findCond(w *Widget, typ string) *metav1.Condition {
	for i := range w.Status.Conditions {
		if w.Status.Conditions[i].Type == typ {
			return &w.Status.Conditions[i]
		}
	}
	return &metav1.Condition{}
}

func TestPendingThenResync(t *testing.T) {
	fa := awsState("w", 3, "standard")
	fa.pending = "CREATING"
	e := newEnv(t, fa, nil, nil, widget(ownedIn("us-west-2"), func(w *Widget) { w.Spec.Mode = aws.String("standard") }))
	for i, want := range []struct {
		pending string
		requeue time.Duration
		ready   string
	}{
		{"CREATING", 10 * time.Second, "False/Pending"},
		{"CREATING", 10 * time.Second, "False/Pending"},
		{"", 10 * time.Hour, "True/Available"},
		{"", 10 * time.Hour, "True/Available"},
	} {
		fa.pending = want.pending
		res, err := e.reconcile()
		if err != nil {
			t.Fatal(err)
		}
		if res.RequeueAfter != want.requeue || cond(e.get(), "Ready") != want.ready {
			t.Errorf("pass %d with AWS %q: requeue %s, Ready %s; want %s, %s", i, want.pending, res.RequeueAfter, cond(e.get(), "Ready"), want.requeue, want.ready)
		}
	}
}

func TestRefusedSpecPatchIsTerminal(t *testing.T) {
	fa := awsState("w", 3, "standard")
	s := testScheme(t)
	c := fake.NewClientBuilder().WithScheme(s).
		WithObjects(widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt)), &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: testNS}}).
		WithStatusSubresource(&Widget{}).
		WithInterceptorFuncs(interceptor.Funcs{Patch: func(ctx context.Context, c client.WithWatch, obj client.Object, patch client.Patch, opts ...client.PatchOption) error {
			return apierrors.NewInvalid(widgetGV.WithKind("Widget").GroupKind(), obj.GetName(), field.ErrorList{field.Invalid(field.NewPath("spec", "size"), 0, "must be at least 1")})
		}}).Build()
	e := newEnv(t, fa, nil, nil)
	e.r.client = c
	e.c = c
	res, err := e.reconcile()
	if err != nil || res.RequeueAfter != 10*time.Hour {
		t.Errorf("an adopted spec the API server refuses: err %v, requeue %s; want Terminal, re-checked at the resync period", err, res.RequeueAfter)
	}
	if got := e.events.reasons(); !slices.Equal(got, []string{"Terminal"}) {
		t.Errorf("events %v", got)
	}
}
