package reconciler

import (
	"reflect"
	"slices"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func TestObjectChanged(t *testing.T) {
	base := func() *Widget {
		w := widget(annotate("services.k8s.aws/region", "us-west-2", "kubectl.kubernetes.io/last-applied-configuration", "{}"))
		w.ResourceVersion = "1"
		return w
	}
	unknown := func(w *Widget) {
		annotate(AnnotationCreatePending, "2026-01-01T00:00:00Z")(w)
		w.Status.Conditions = []metav1.Condition{{Type: "ACK.Terminal", Status: metav1.ConditionTrue, Reason: reasonCreateUnknown}}
	}
	unpend := func(w *Widget) { delete(w.Annotations, AnnotationCreatePending) }
	cases := map[string]struct {
		reason string
		before func(*Widget) // applied to the old and new object alike
		change func(*Widget)
		want   bool
	}{
		"CreatePendingSet": {
			reason: "The controller's own create-pending record does not trigger a pass: a Terminal create would loop on its own writes.",
			change: annotate(AnnotationCreatePending, "2026-01-01T00:00:00Z"),
			want:   false,
		},
		"CreatePendingCleared": {
			reason: "Nor does the controller clearing it.",
			before: annotate(AnnotationCreatePending, "2026-01-01T00:00:00Z"),
			change: unpend,
			want:   false,
		},
		"CreateSettledByPerson": {
			reason: "A person removing it from an object waiting with CreateOutcomeUnknown asks for a new create now.",
			before: unknown,
			change: unpend,
			want:   true,
		},
		"StatusWrite": {
			reason: "The controller's own status write (a new resourceVersion, nothing else) never triggers a pass.",
			change: func(w *Widget) { w.ResourceVersion = "2"; setSynced(w, "x") },
			want:   false,
		},
		"FinalizerAdded": {
			reason: "The controller's finalizer patch does not trigger a pass.",
			change: func(w *Widget) { w.Finalizers = []string{testFinalizer} },
			want:   false,
		},
		"SpecChange": {
			reason: "A spec change (a new generation) triggers a pass.",
			change: func(w *Widget) { w.Generation = 2 },
			want:   true,
		},
		"RequestedAt": {
			reason: "Setting reconcile-requested-at asks for a check now.",
			change: annotate(AnnotationReconcileRequestedAt, "2026-01-01T00:00:00Z"),
			want:   true,
		},
		"OurAnnotation": {
			reason: "Any services.k8s.aws/* annotation change triggers a pass, adoption added later included.",
			change: annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt),
			want:   true,
		},
		"OtherAnnotation": {
			reason: "Other tools' annotations do not trigger a pass.",
			change: annotate("kubectl.kubernetes.io/last-applied-configuration", `{"x":1}`),
			want:   false,
		},
		"LabelChange": {
			reason: "Labels do not steer the controller.",
			change: func(w *Widget) { w.Labels = map[string]string{"team": "a"} },
			want:   false,
		},
		"DeletionStarted": {
			reason: "The start of a deletion triggers a pass.",
			change: deleting,
			want:   true,
		},
	}
	p := objectChanged()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			old, updated := base(), base()
			if tc.before != nil {
				tc.before(old)
				tc.before(updated)
			}
			tc.change(updated)
			if got := p.Update(event.UpdateEvent{ObjectOld: old, ObjectNew: updated}); got != tc.want {
				t.Errorf("%s\ngot %v", tc.reason, got)
			}
		})
	}
	if !p.Create(event.CreateEvent{Object: base()}) {
		t.Error("a new object (or a controller start) must be reconciled")
	}
}

func TestNamespaceAnnotationsChanged(t *testing.T) {
	ns := func(ann, labels map[string]string) client.Object {
		return &metav1.PartialObjectMetadata{ObjectMeta: metav1.ObjectMeta{Name: testNS, Annotations: ann, Labels: labels}}
	}
	cases := map[string]struct {
		reason   string
		old, new client.Object
		want     bool
	}{
		"DefaultRegion": {
			reason: "A new default-region on the namespace reconciles its objects.",
			old:    ns(nil, nil), new: ns(map[string]string{AnnotationDefaultRegion: "eu-west-1"}, nil), want: true,
		},
		"DeletionPolicy": {
			reason: "A namespace deletion-policy change reconciles its objects.",
			old:    ns(map[string]string{AnnotationDeletionPolicy: "delete"}, nil), new: ns(map[string]string{AnnotationDeletionPolicy: "retain"}, nil), want: true,
		},
		"Label": {
			reason: "Namespace labels do not matter.",
			old:    ns(nil, nil), new: ns(nil, map[string]string{"a": "b"}), want: false,
		},
		"OtherAnnotation": {
			reason: "Other annotations on the namespace do not matter.",
			old:    ns(nil, nil), new: ns(map[string]string{"owner": "me"}, nil), want: false,
		},
	}
	p := namespaceAnnotationsChanged()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := p.Update(event.UpdateEvent{ObjectOld: tc.old, ObjectNew: tc.new}); got != tc.want {
				t.Errorf("%s\ngot %v", tc.reason, got)
			}
		})
	}
	if p.Create(event.CreateEvent{Object: ns(map[string]string{AnnotationDefaultRegion: "x"}, nil)}) {
		t.Error("namespace creation must not enqueue: every object gets its own create event at start")
	}
}

func TestBackoff(t *testing.T) {
	cases := map[string]struct {
		reason   string
		failures int
		rand     float64
		want     time.Duration
	}{
		"First":      {reason: "The first retry waits between half the base and the base.", failures: 1, rand: 0, want: 500 * time.Millisecond},
		"FirstFull":  {reason: "Jitter reaches the full base.", failures: 1, rand: 1, want: time.Second},
		"Doubles":    {reason: "Each failure doubles the delay.", failures: 4, rand: 1, want: 8 * time.Second},
		"Capped":     {reason: "The delay never passes the cap.", failures: 30, rand: 1, want: time.Minute},
		"CappedHalf": {reason: "Jitter keeps at least half the capped delay, so an outage still backs off.", failures: 30, rand: 0, want: 30 * time.Second},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			b := newBackoff[reconcile.Request](time.Second, time.Minute)
			b.rand = func() float64 { return tc.rand }
			item := reconcile.Request{}
			var got time.Duration
			for range tc.failures {
				got = b.When(item)
			}
			if got != tc.want {
				t.Errorf("%s\ngot %s, want %s", tc.reason, got, tc.want)
			}
		})
	}
	b := newBackoff[string](time.Second, time.Minute)
	b.rand = func() float64 { return 1 }
	b.When("a")
	b.When("a")
	b.Forget("a")
	if got := b.When("a"); got != time.Second || b.NumRequeues("b") != 0 {
		t.Errorf("after a success the delay starts over: got %s", got)
	}
}

func TestResolvePolicy(t *testing.T) {
	all := []Action{ActionObserve, ActionCreate, ActionUpdate, ActionDelete, ActionLateInitialize}
	cases := map[string]struct {
		reason      string
		annotations map[string]string
		deletion    string
		want        []Action
		paused      bool
		err         bool
	}{
		"Default":       {reason: "A plain object gets every action but adoption.", want: all},
		"Retain":        {reason: "retain removes Delete only.", deletion: "retain", want: []Action{ActionObserve, ActionCreate, ActionUpdate, ActionLateInitialize}},
		"ReadOnly":      {reason: "read-only observes only; deletion policy cannot add Delete back.", annotations: map[string]string{AnnotationReadOnly: "true"}, deletion: "delete", want: []Action{ActionObserve}},
		"ReadOnlyFalse": {reason: "read-only: false is the default.", annotations: map[string]string{AnnotationReadOnly: "false"}, want: all},
		"Paused":        {reason: "paused allows nothing.", annotations: map[string]string{AnnotationPaused: "true", AnnotationReadOnly: "true"}, paused: true},
		"Adopt":         {reason: "adopt may not create.", annotations: map[string]string{AnnotationAdoptionPolicy: "adopt"}, want: []Action{ActionObserve, ActionUpdate, ActionDelete, ActionLateInitialize, ActionAdopt}},
		"AdoptOrCreate": {reason: "adopt-or-create may create or adopt.", annotations: map[string]string{AnnotationAdoptionPolicy: "adopt-or-create"}, want: append(slices.Clone(all), ActionAdopt)},
		"BadAdoption":   {reason: "An unknown adoption policy is an error, not ignored.", annotations: map[string]string{AnnotationAdoptionPolicy: "take"}, err: true},
		"BadDeletion":   {reason: "An unknown deletion policy is an error, not a delete.", deletion: "keep", err: true},
		"BadFields":     {reason: "adoption-fields must be a JSON object.", annotations: map[string]string{AnnotationAdoptionPolicy: "adopt", AnnotationAdoptionFields: "name=x"}, err: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			p, err := resolvePolicy(policyInput{annotations: tc.annotations, deletionPolicy: tc.deletion})
			if (err != nil) != tc.err {
				t.Fatalf("%s\nerr %v", tc.reason, err)
			}
			if err != nil {
				return
			}
			if p.Paused != tc.paused || !slices.Equal(p.Actions, tc.want) {
				t.Errorf("%s\ngot actions %v paused %v, want %v paused %v", tc.reason, p.Actions, p.Paused, tc.want, tc.paused)
			}
		})
	}
}

func TestSpecValues(t *testing.T) {
	desired := map[string]any{"size": int64(3), "nested": map[string]any{"a": "x"}}
	observed := map[string]any{"size": int64(5), "mode": "standard", "nested": map[string]any{"a": "x", "b": "y"}, "gone": nil}
	cases := map[string]struct {
		reason string
		got    map[string]any
		want   map[string]any
	}{
		"LateInit": {
			reason: "Late-init copies only listed paths the spec leaves empty, nested ones too.",
			got:    lateInitValues(desired, observed, []string{"size", "mode", "nested.b", "missing"}),
			want:   map[string]any{"mode": "standard", "nested.b": "y"},
		},
		"AdoptReadsSpec": {
			reason: "adopt takes AWS's value for every field AWS reports.",
			got:    adoptionValues(adoptReadSpec, desired, observed),
			want:   map[string]any{"size": int64(5), "mode": "standard", "nested": map[string]any{"a": "x", "b": "y"}},
		},
		"AdoptFillsSpec": {
			reason: "adopt-or-create fills only what the spec leaves empty.",
			got:    adoptionValues(adoptFillSpec, desired, observed),
			want:   map[string]any{"mode": "standard"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("%s\ngot %v, want %v", tc.reason, tc.got, tc.want)
			}
		})
	}
	fields, err := parseAdoptionFields(`{"name": "t", "size": 4, "ratio": 0.5}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := (map[string]any{"name": "t", "size": int64(4), "ratio": 0.5}); !reflect.DeepEqual(fields, want) {
		t.Errorf("adoption fields %#v, want integers as int64 like unstructured data: %#v", fields, want)
	}
}

func TestTags(t *testing.T) {
	tags, err := ParseTags(DefaultResourceTags)
	if err != nil {
		t.Fatal(err)
	}
	got := ExpandTags(tags, widget(), "dynamodb", "v1.2.3")
	want := map[string]string{
		"services.k8s.aws/controller-version": "dynamodb-v1.2.3",
		"services.k8s.aws/namespace":          testNS,
		"services.k8s.aws/name":               testName,
	}
	if !mapsEqual(got, want) {
		t.Errorf("default tags %v, want %v", got, want)
	}
	cases := map[string]struct {
		reason string
		in     string
		err    bool
		n      int
	}{
		"Empty":   {reason: "An empty flag means no default tags.", in: "", n: 0},
		"Two":     {reason: "Tags are comma separated.", in: "team=a, cost=b", n: 2},
		"NoValue": {reason: "A tag must be key=value.", in: "team", err: true},
		"AWS":     {reason: "aws: keys belong to AWS.", in: "aws:x=y", err: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := ParseTags(tc.in)
			if (err != nil) != tc.err || len(got) != tc.n {
				t.Errorf("%s\ngot %v, %v", tc.reason, got, err)
			}
		})
	}
}
