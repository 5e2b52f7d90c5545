package reconciler

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/interceptor"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// idAWS is an AWS API that assigns the identifier (like CreateBackup): it
// can only read a resource by the ID the status holds, and a create
// without a known client token always makes a new one.
type idAWS struct {
	mu        sync.Mutex
	resources map[string]time.Time // ID -> creation time
	tokens    map[string]string    // client token -> ID
	calls     []string
	// createErr is returned after the create took effect: a lost answer.
	createErr error
	// onCreate runs inside Create, for races with the API server.
	onCreate func()
	now      func() time.Time
}

func newIDAWS(now func() time.Time) *idAWS {
	return &idAWS{resources: map[string]time.Time{}, tokens: map[string]string{}, now: now}
}

func (f *idAWS) Observe(_ context.Context, w *Widget) (managed.Observation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Observe")
	id := aws.ToString(w.Status.State)
	if _, ok := f.resources[id]; !ok {
		return managed.Observation{}, nil
	}
	return managed.Observation{Exists: true, Observed: *w.Spec.DeepCopy()}, nil
}

func (f *idAWS) Create(ctx context.Context, w *Widget) error {
	f.mu.Lock()
	f.calls = append(f.calls, "Create")
	token := aws.ToString(managed.ClientToken(ctx))
	id, seen := f.tokens[token]
	if !seen || token == "" {
		id = fmt.Sprintf("w-%d", len(f.resources)+1)
		f.resources[id] = f.now()
		if token != "" {
			f.tokens[token] = id
		}
	}
	onCreate := f.onCreate
	f.mu.Unlock()
	if onCreate != nil {
		onCreate()
	}
	if f.createErr != nil {
		return f.createErr
	}
	w.Status.State = &id // the identifier AWS assigned, as status holds it
	return nil
}

func (f *idAWS) Update(context.Context, *Widget, managed.Observation) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Update")
	return nil
}

func (f *idAWS) Delete(_ context.Context, w *Widget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Delete")
	delete(f.resources, aws.ToString(w.Status.State))
	return nil
}

func (f *idAWS) count(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == call {
			n++
		}
	}
	return n
}

// findingAWS adds a Finder that lists resources made since a time.
type findingAWS struct{ *idAWS }

func (f findingAWS) FindCreated(_ context.Context, w *Widget, since time.Time) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "FindCreated")
	var found []string
	for id, at := range f.resources {
		if !at.Before(since) {
			found = append(found, id)
		}
	}
	if len(found) == 1 {
		w.Status.State = &found[0]
	}
	return len(found), nil
}

// createEnv is an env whose kind has an AWS-assigned identifier.
func createEnv(t *testing.T, ext managed.External[*Widget], token bool, c func(*interceptor.Funcs), objs ...client.Object) *env {
	t.Helper()
	e := newEnv(t, nil, func(k *managed.Kind[*Widget]) {
		k.Connect = func(aws.Config, managed.ClientOptions) managed.External[*Widget] { return ext }
		k.AssignedIdentifier, k.ClientToken = true, token
		k.LateInitFields = nil
	}, nil, objs...)
	if c != nil {
		var funcs interceptor.Funcs
		c(&funcs)
		e.r.client = interceptor.NewClient(e.c.(client.WithWatch), funcs)
	}
	return e
}

// lostCreate is a widget whose create answer was lost at a time: the
// annotation is on, the place is pinned, and nothing is owned.
func lostCreate(at time.Time) func(*Widget) {
	return func(w *Widget) {
		w.Finalizers = append(w.Finalizers, testFinalizer)
		annotate(AnnotationCreatePending, at.Format(time.RFC3339))(w)
		w.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Region: aws.String("us-west-2"), OwnerAccountID: aws.String(ownAccount)}
	}
}

func TestCreateOnce(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	lost := now.Add(-10 * time.Second)
	cases := map[string]struct {
		reason string
		obj    *Widget
		// made are the creation times of resources AWS holds at the start.
		made    []time.Time
		finder  bool
		token   bool
		passes  int
		creates int
		// resources is how many AWS holds at the end.
		resources int
		cond      string // Ready "Status/Reason" at the end
		pending   bool   // the create's outcome is still unknown: annotated, nothing owned
	}{
		"FirstCreate": {
			reason: "A plain create records ownership and the identifier, which settles its create record.",
			obj:    widget(), passes: 2, creates: 1, resources: 1, cond: "True/Available",
		},
		"LostAnswerFoundByFinder": {
			reason: "The create made a resource but the process died before the status write: the Finder finds it and the object takes it, with no second create.",
			obj:    widget(lostCreate(lost)), made: []time.Time{lost.Add(time.Second)}, finder: true,
			passes: 2, creates: 0, resources: 1, cond: "True/Available",
		},
		"LostAnswerNoFinder": {
			reason: "Without a way to look the resource up, the outcome is unknown: a person decides, and nothing is created.",
			obj:    widget(lostCreate(lost)), made: []time.Time{lost.Add(time.Second)},
			passes: 2, creates: 0, resources: 1, cond: "False/CreateOutcomeUnknown", pending: true,
		},
		"LostAnswerTwoMatches": {
			reason: "Two candidates: the controller cannot tell which is its own, so a person decides.",
			obj:    widget(lostCreate(lost)), made: []time.Time{lost, lost.Add(time.Second)}, finder: true,
			passes: 1, creates: 0, resources: 2, cond: "False/CreateOutcomeUnknown", pending: true,
		},
		"LostAnswerNothingYet": {
			reason: "Nothing found soon after the lost create: a request the dead process sent may still land, so wait.",
			obj:    widget(lostCreate(lost)), finder: true,
			passes: 1, creates: 0, resources: 0, cond: "False/CreatePending", pending: true,
		},
		"LostAnswerNothingMade": {
			reason: "Nothing found long after the lost create: it made nothing, so create again, once.",
			obj:    widget(lostCreate(now.Add(-time.Hour))), finder: true,
			passes: 2, creates: 1, resources: 1, cond: "True/Available",
		},
		"OldResourceIsNotOurs": {
			reason: "A matching resource made long before the create is someone else's.",
			obj:    widget(lostCreate(now.Add(-time.Hour))), made: []time.Time{now.Add(-48 * time.Hour)}, finder: true,
			passes: 2, creates: 1, resources: 2, cond: "True/Available",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fa := newIDAWS(func() time.Time { return now })
			for i, at := range tc.made {
				fa.resources[fmt.Sprintf("old-%d", i)] = at
			}
			var ext managed.External[*Widget] = fa
			if tc.finder {
				ext = findingAWS{fa}
			}
			e := createEnv(t, ext, tc.token, nil, tc.obj)
			for range tc.passes {
				_, _ = e.reconcile()
			}
			w := e.get()
			if got := fa.count("Create"); got != tc.creates {
				t.Errorf("%s\n%d creates, want %d: calls %v", tc.reason, got, tc.creates, fa.calls)
			}
			if got := len(fa.resources); got != tc.resources {
				t.Errorf("%s\nAWS holds %d resources, want %d", tc.reason, got, tc.resources)
			}
			if got := cond(w, "Ready"); got != tc.cond {
				t.Errorf("%s\nReady = %q, want %q (%s)", tc.reason, got, tc.cond, condMessage(w, "Ready"))
			}
			if _, got := e.r.createPending(w); got != tc.pending {
				t.Errorf("%s\ncreate pending = %v, want %v (annotation %q, ownership %q)", tc.reason, got, tc.pending, w.Annotations[AnnotationCreatePending], ownership(w))
			}
			if tc.cond == "True/Available" && w.Status.ACKResourceMetadata.Ownership != ackv1alpha1.OwnershipCreated {
				t.Errorf("%s\nownership %q, want Created", tc.reason, w.Status.ACKResourceMetadata.Ownership)
			}
		})
	}
}

func TestCreateOnceClientToken(t *testing.T) {
	// reason: a create whose answer was lost is sent again with the same
	// client token, so AWS returns what it made instead of a second one.
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	fa := newIDAWS(func() time.Time { return now })
	fa.createErr = networkError("CreateWidget")
	e := createEnv(t, fa, true, nil, widget())
	if _, err := e.reconcile(); err == nil {
		t.Fatal("the lost answer was not reported")
	}
	fa.createErr = nil
	for range 2 {
		_, _ = e.reconcile()
	}
	if got := fa.count("Create"); got != 2 {
		t.Errorf("%d creates, want the lost one and one retry: %v", got, fa.calls)
	}
	if len(fa.resources) != 1 {
		t.Errorf("AWS holds %d resources, want 1", len(fa.resources))
	}
	if got := cond(e.get(), "Ready"); got != "True/Available" {
		t.Errorf("Ready = %q (%s)", got, condMessage(e.get(), "Ready"))
	}
}

func TestCreateOnceStatusWrite(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := map[string]struct {
		reason string
		// during runs inside the create call.
		during func(e *env)
		// failStatus makes status writes after the create fail.
		failStatus bool
	}{
		"UserEditDuringCreate": {
			reason: "A user's edit between the read and the status write after a create must not lose the identifier AWS assigned.",
			during: func(e *env) {
				w := e.get()
				w.Labels = map[string]string{"edited": "yes"}
				if err := e.c.Update(context.Background(), w); err != nil {
					panic(err)
				}
			},
		},
		"StatusWriteFails": {
			reason:     "A status write that fails after the create (the API server away, or the process killed) leaves the pending record; the next pass finds the resource instead of making another.",
			failStatus: true,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fa := newIDAWS(func() time.Time { return now })
			var failing bool
			e := createEnv(t, findingAWS{fa}, false, func(f *interceptor.Funcs) {
				f.SubResourcePatch = func(ctx context.Context, c client.Client, sub string, obj client.Object, patch client.Patch, opts ...client.SubResourcePatchOption) error {
					if failing {
						return errors.New("the API server went away")
					}
					return c.SubResource(sub).Patch(ctx, obj, patch, opts...)
				}
			}, widget())
			fa.onCreate = func() {
				if tc.during != nil {
					tc.during(e)
				}
				failing = tc.failStatus
			}
			_, _ = e.reconcile()
			fa.onCreate, failing = nil, false
			for range 3 {
				_, _ = e.reconcile()
			}
			if got := fa.count("Create"); got != 1 {
				t.Errorf("%s\n%d creates, want 1: %v", tc.reason, got, fa.calls)
			}
			w := e.get()
			if got := cond(w, "Ready"); got != "True/Available" {
				t.Errorf("%s\nReady = %q (%s)", tc.reason, got, condMessage(w, "Ready"))
			}
			if _, ok := e.r.createPending(w); ok {
				t.Errorf("%s\nthe create is still pending: annotation %q, ownership %q", tc.reason, w.Annotations[AnnotationCreatePending], ownership(w))
			}
		})
	}
}

func TestCreateOnceDelete(t *testing.T) {
	// reason: an object deleted after a lost create must delete what that
	// create made, found through the Finder, not leak it.
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	lost := now.Add(-10 * time.Second)
	fa := newIDAWS(func() time.Time { return now })
	fa.resources["w-1"] = lost.Add(time.Second)
	e := createEnv(t, findingAWS{fa}, false, nil, widget(lostCreate(lost), deleting))
	for range 3 {
		_, _ = e.reconcile()
	}
	if len(fa.resources) != 0 {
		t.Errorf("AWS still holds %v after the object was deleted: calls %v", fa.resources, fa.calls)
	}
	if !slices.Contains(fa.calls, "Delete") {
		t.Errorf("no Delete call: %v", fa.calls)
	}
	if w := e.get(); w != nil {
		t.Errorf("the object is still there with finalizers %v", w.Finalizers)
	}
}

func ownership(w *Widget) ackv1alpha1.Ownership {
	if md := w.Status.ACKResourceMetadata; md != nil {
		return md.Ownership
	}
	return ""
}
