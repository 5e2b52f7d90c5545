package reconciler

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// peerUnreported makes the widget's peer a field AWS does not report back.
func peerUnreported(createOnly bool) func(*managed.Kind[*Widget]) {
	return func(k *managed.Kind[*Widget]) {
		k.AppliedFields = []managed.AppliedField{{Field: "peer", CreateOnly: createOnly}}
	}
}

// setPeer changes the stored widget's peer, as kubectl apply would.
func (e *env) setPeer(peer string) {
	e.t.Helper()
	w := e.get()
	w.Spec.Peer = aws.String(peer)
	w.Generation++
	if err := e.c.Update(context.Background(), w); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) passes(n int) {
	e.t.Helper()
	for range n {
		if _, err := e.reconcile(); err != nil {
			e.t.Fatal(err)
		}
	}
}

func count(calls []string, op string) int {
	n := 0
	for _, c := range calls {
		if c == op {
			n++
		}
	}
	return n
}

func TestUnreportedFieldChangeIsSentOnce(t *testing.T) {
	fa := &fakeAWS{}
	e := newEnv(t, fa, peerUnreported(false), nil, widget(func(w *Widget) { w.Spec.Peer = aws.String("a") }))
	e.passes(3)
	if n := count(fa.Calls(), "Update"); n != 0 {
		t.Fatalf("%d updates after create with an unchanged spec, want none: the create sent peer", n)
	}
	e.setPeer("b")
	e.passes(4)
	if n := count(fa.Calls(), "Update"); n != 1 {
		t.Fatalf("%d updates after peer changed, want 1: calls %v", n, fa.Calls())
	}
	if got := fa.updateDiffs[0]; !slices.Equal(got, []string{"peer"}) {
		t.Errorf("the update was asked to send %v, want [peer]", got)
	}
	if got := cond(e.get(), "Ready"); got != "True/Available" {
		t.Errorf("Ready = %q after the change was sent", got)
	}
}

func TestCreateOnlyChangeIsRefused(t *testing.T) {
	cases := map[string]struct {
		reason    string
		kind      func(*managed.Kind[*Widget])
		immutable []string
		edit      bool
		want      string
	}{
		"UnreportedCreateOnly": {
			reason: "A create-only field AWS does not report, changed after create, is refused by the record of what create sent.",
			kind:   peerUnreported(true),
			edit:   true,
			want:   "peer",
		},
		"ManagerReportsImmutable": {
			reason:    "A path the manager reports no update can change is refused.",
			immutable: []string{"localSecondaryIndexes"},
			want:      "localSecondaryIndexes",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			fa := &fakeAWS{}
			e := newEnv(t, fa, c.kind, nil, widget(func(w *Widget) { w.Spec.Peer = aws.String("a") }))
			e.passes(2)
			fa.immutable = c.immutable
			if c.edit {
				e.setPeer("b")
			}
			if _, err := e.reconcile(); err != nil {
				t.Fatal(err)
			}
			w := e.get()
			if got := cond(w, "ACK.Terminal"); got != "True/Terminal" {
				t.Fatalf("%s\nACK.Terminal = %q, want True/Terminal", c.reason, got)
			}
			if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, c.want) || !strings.Contains(msg, "only when it creates") {
				t.Errorf("%s\nthe Terminal message %q does not name %s and say why", c.reason, msg, c.want)
			}
			if n := count(fa.Calls(), "Update"); n != 0 {
				t.Errorf("%s\n%d updates sent for a refused spec", c.reason, n)
			}
		})
	}
}

func TestAppliedChanges(t *testing.T) {
	hash := func(v any) string { h, _ := appliedHash(map[string]any{"f": v}, "f"); return h }
	cases := map[string]struct {
		reason      string
		createOnly  bool
		observed    bool
		record      map[string]string
		spec        map[string]any
		diff        []string
		wantDiff    []string
		wantRefused []string
	}{
		"Unchanged": {
			reason: "A value equal to the record is not sent again.",
			record: map[string]string{"f": hash("x")}, spec: map[string]any{"f": "x"},
		},
		"Moved": {
			reason: "A value that moved from the record is sent.",
			record: map[string]string{"f": hash("x")}, spec: map[string]any{"f": "y"},
			wantDiff: []string{"f"},
		},
		"AlreadyInDiff": {
			reason: "A field the manager already found different is listed once.",
			record: map[string]string{"f": hash("x")}, spec: map[string]any{"f": "y"}, diff: []string{"f"},
			wantDiff: []string{"f"},
		},
		"NoRecord": {
			reason:   "With no record (adopted, or older than the record), a set value is sent once.",
			spec:     map[string]any{"f": "x"},
			wantDiff: []string{"f"},
		},
		"Unset": {
			reason: "An unset field is no opinion: nothing is sent.",
			record: map[string]string{"f": hash("x")}, spec: map[string]any{},
		},
		"CreateOnlyMoved": {
			reason:     "A create-only value that moved is refused.",
			createOnly: true, record: map[string]string{"f": hash("x")}, spec: map[string]any{"f": "y"},
			wantRefused: []string{"f"},
		},
		"ObservedMoved": {
			reason:   "A field the manager compares with AWS itself is left to its diff, even when it moved from the record.",
			observed: true, record: map[string]string{"f": hash("x")}, spec: map[string]any{"f": "y"},
		},
		"ObservedNoRecord": {
			reason:   "A field the manager compares with AWS itself is not sent for want of a record (an adopted configuration).",
			observed: true, spec: map[string]any{"f": "y"},
		},
		"CreateOnlyNoRecord": {
			reason:     "A create-only value with no record is taken as given.",
			createOnly: true, spec: map[string]any{"f": "y"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			obs := managed.Observation{Diff: c.diff}
			refused := appliedChanges([]managed.AppliedField{{Field: "f", CreateOnly: c.createOnly, Observed: c.observed}}, c.record, c.spec, &obs)
			if !slices.Equal(obs.Diff, c.wantDiff) || !slices.Equal(refused, c.wantRefused) {
				t.Errorf("%s\ndiff %v refused %v, want %v and %v", c.reason, obs.Diff, refused, c.wantDiff, c.wantRefused)
			}
		})
	}
}

// TestRecordAppliedObserved: the record of a field the manager compares
// itself is what tells the manager to read the field once the spec drops
// it, so it must follow the spec: kept while set, gone once unset.
func TestRecordAppliedObserved(t *testing.T) {
	kind := []managed.AppliedField{{Field: "f", Observed: true}}
	cases := []struct {
		reason string
		record map[string]string
		spec   map[string]any
		want   bool
	}{
		{reason: "applied with the spec setting it: recorded", spec: map[string]any{"f": "x"}, want: true},
		{reason: "dropped from the spec and applied (deleted): the record goes", record: map[string]string{"f": "1"}, spec: map[string]any{}, want: false},
	}
	for _, c := range cases {
		_, got := recordApplied(kind, c.record, c.spec)["f"]
		if got != c.want {
			t.Errorf("%s: recorded %t, want %t", c.reason, got, c.want)
		}
	}
}
