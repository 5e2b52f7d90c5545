package reconciler

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"k8s.io/apimachinery/pkg/types"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// fleetAWS is many AWS widgets behind Widgets named w0, w1, …, whose
// identifier is their ARN; its read takes a list of identifiers.
type fleetAWS struct {
	mu      sync.Mutex
	size    map[string]int64 // by identifier; absent once deleted
	batches [][]string       // the identifiers of each ReadBatch
	single  []string         // the identifier of each Observe
	updates []string
	// batchErr fails every ReadBatch; refuseUnknown answers ErrBatchMiss
	// to a list naming a deleted widget, as EC2 does.
	batchErr      error
	refuseUnknown bool
	// dropFromBatch leaves a widget out of ReadBatch's answer although
	// it exists, as a list that is eventually consistent may.
	dropFromBatch string
}

func fleetID(i int) string { return fmt.Sprintf("arn:aws:test:us-west-2:%s:widget/w%d", ownAccount, i) }

func (f *fleetAWS) BatchID(w *Widget) string {
	if md := w.Status.ACKResourceMetadata; md != nil {
		return aws.ToString(md.ARN)
	}
	return ""
}

func (f *fleetAWS) ReadBatch(_ context.Context, ids []string) (map[string]any, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.batches = append(f.batches, slices.Clone(ids))
	if f.batchErr != nil {
		return nil, f.batchErr
	}
	out := map[string]any{}
	for _, id := range ids {
		size, ok := f.size[id]
		if !ok && f.refuseUnknown {
			return nil, fmt.Errorf("DescribeWidgets: %w", managed.ErrBatchMiss)
		}
		if ok && id != f.dropFromBatch {
			out[id] = size
		}
	}
	return out, nil
}

func (f *fleetAWS) ObserveFrom(_ context.Context, w *Widget, desc any) (managed.Observation, error) {
	return fleetObservation(w, desc.(int64)), nil
}

func (f *fleetAWS) Observe(_ context.Context, w *Widget) (managed.Observation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.BatchID(w)
	f.single = append(f.single, id)
	size, ok := f.size[id]
	if !ok {
		return managed.Observation{}, nil
	}
	return fleetObservation(w, size), nil
}

func fleetObservation(w *Widget, size int64) managed.Observation {
	obs := managed.Observation{Exists: true, ARN: w.Status.ACKResourceMetadata.ARN}
	if aws.ToInt64(w.Spec.Size) != size {
		obs.Diff = []string{"size"}
	}
	return obs
}

func (f *fleetAWS) Create(context.Context, *Widget) error {
	return errors.New("the fleet's widgets exist; nothing should create one")
}

func (f *fleetAWS) Update(_ context.Context, w *Widget, _ managed.Observation) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, w.Name)
	f.size[f.BatchID(w)] = aws.ToInt64(w.Spec.Size)
	return nil
}

func (f *fleetAWS) Delete(_ context.Context, w *Widget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.size, f.BatchID(w))
	return nil
}

// fleet is a reconciler of n Widgets, each Ready and Synced at its
// generation with a widget of size 3 in AWS, read in batches of size.
type fleet struct {
	*env
	aws    *fleetAWS
	rounds []func() // rounds whose window is open; close runs them
	clock  time.Time
}

func newFleet(t *testing.T, n, size int) *fleet {
	t.Helper()
	fa := &fleetAWS{size: map[string]int64{}}
	var objs []client.Object
	for i := range n {
		fa.size[fleetID(i)] = 3
		objs = append(objs, widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) {
			w.Name = fmt.Sprintf("w%d", i)
			w.Status.ACKResourceMetadata.ARN = aws.String(fleetID(i))
		}))
	}
	f := &fleet{aws: fa}
	f.env = newEnv(t, nil, func(k *managed.Kind[*Widget]) {
		k.BatchSize = size
		k.LateInitFields = nil
		k.Connect = func(aws.Config, managed.ClientOptions) managed.External[*Widget] { return fa }
	}, func(o *Options) { o.BatchWindow = time.Second }, objs...)
	f.r.batch.after = func(_ time.Duration, fn func()) { f.rounds = append(f.rounds, fn) }
	f.r.batch.now = func() time.Time { return f.clock }
	return f
}

func (f *fleet) reconcile(i int) (ctrl.Result, error) {
	return f.r.Reconcile(context.Background(), ctrl.Request{NamespacedName: types.NamespacedName{Namespace: testNS, Name: fmt.Sprintf("w%d", i)}})
}

// pass reconciles widgets 0..n-1 and fails the test on an error.
func (f *fleet) pass(n int) []ctrl.Result {
	f.t.Helper()
	var out []ctrl.Result
	for i := range n {
		res, err := f.reconcile(i)
		if err != nil {
			f.t.Fatalf("w%d: %v", i, err)
		}
		out = append(out, res)
	}
	return out
}

// close reads the open rounds, as their windows ending with no object
// joining would.
func (f *fleet) close() {
	f.clock = f.clock.Add(time.Second)
	rounds := f.rounds
	f.rounds = nil
	for _, fn := range rounds {
		fn()
	}
}

func (f *fleet) widget(i int) *Widget {
	f.t.Helper()
	var w Widget
	if err := f.c.Get(context.Background(), types.NamespacedName{Namespace: testNS, Name: fmt.Sprintf("w%d", i)}, &w); err != nil {
		f.t.Fatal(err)
	}
	return &w
}

// edit changes widget i as a user would; a deletion timestamp becomes a
// delete, and a status change is written to the status.
func (f *fleet) edit(i int, mutate func(*Widget)) {
	f.t.Helper()
	w := f.widget(i)
	mutate(w)
	ctx := context.Background()
	var err error
	switch {
	case w.DeletionTimestamp != nil:
		err = f.c.Delete(ctx, f.widget(i))
	case w.Status.Conditions == nil:
		err = f.c.Status().Update(ctx, w)
	default:
		err = f.c.Update(ctx, w)
	}
	if err != nil {
		f.t.Fatal(err)
	}
}

func TestBatchReadsUnchangedResyncsTogether(t *testing.T) {
	f := newFleet(t, 10, 4)
	for i, res := range f.pass(10) {
		if res.RequeueAfter != time.Second {
			t.Errorf("w%d's resync requeued after %s, want the batch window of 1s", i, res.RequeueAfter)
		}
	}
	if len(f.aws.single)+len(f.aws.batches) != 0 || len(f.rounds) != 1 {
		t.Fatalf("joining read AWS (single %v, batches %v) or opened %d rounds, want none and one", f.aws.single, f.aws.batches, len(f.rounds))
	}
	f.aws.size[fleetID(7)] = 9 // changed outside Kubernetes
	f.close()
	f.pass(10)
	if got := len(f.aws.batches); got != 3 {
		t.Errorf("%d batch reads of 10 widgets in batches of 4, want 3: %v", got, f.aws.batches)
	}
	if len(f.aws.single) != 0 {
		t.Errorf("widgets read alone after their round: %v", f.aws.single)
	}
	if !slices.Equal(f.aws.updates, []string{"w7"}) {
		t.Errorf("updates %v, want only w7's drift put back", f.aws.updates)
	}
	if f.aws.size[fleetID(7)] != 3 {
		t.Errorf("w7 is %d in AWS, want 3 put back", f.aws.size[fleetID(7)])
	}
}

// TestBatchRoundStaysOpenWhileObjectsJoin: resyncs due together but
// slowed by a busy controller, joining less than a window apart, share
// one round, up to maxWindows windows after it opened.
func TestBatchRoundStaysOpenWhileObjectsJoin(t *testing.T) {
	f := newFleet(t, 8, 200)
	for i := range 8 {
		if _, err := f.reconcile(i); err != nil {
			t.Fatal(err)
		}
		f.clock = f.clock.Add(900 * time.Millisecond)
		// The window ends 0.9 s after the last join: not yet closed.
		rounds := f.rounds
		f.rounds = nil
		for _, fn := range rounds {
			fn()
		}
	}
	f.close()
	f.pass(8)
	if got := len(f.aws.batches); got != 2 || len(f.aws.batches[0]) != 6 {
		t.Errorf("batch reads %v, want one of the 6 widgets that joined within 5 windows of the first, then one of the other 2", f.aws.batches)
	}
}

// TestBatchAnswerNotUsedAcrossChanges: a pass acts on a round's answer
// only if nothing happened to the object since it joined.
func TestBatchAnswerNotUsedAcrossChanges(t *testing.T) {
	for _, tc := range []struct {
		reason string
		change func(*Widget)
		// wantSingle is whether w0's pass reads alone.
		wantSingle bool
		wantUpdate bool
	}{
		{reason: "nothing changed: the round's answer is used", change: nil},
		{reason: "a spec edit after joining is read alone, and applied",
			change: func(w *Widget) { w.Spec.Size = aws.Int64(5); w.Generation = 2 }, wantSingle: true, wantUpdate: true},
		{reason: "any other change of the object after joining (an annotation) is read alone",
			change: func(w *Widget) { annotate("team", "blue")(w) }, wantSingle: true},
		{reason: "a delete after joining is read alone before AWS is touched",
			change: func(w *Widget) { deleting(w) }, wantSingle: true},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			f := newFleet(t, 3, 200)
			f.pass(3)
			f.close()
			if tc.change != nil {
				f.edit(0, tc.change)
			}
			f.pass(3)
			single := slices.Contains(f.aws.single, fleetID(0))
			if single != tc.wantSingle {
				t.Errorf("%s: w0 read alone = %v, want %v (single reads %v)", tc.reason, single, tc.wantSingle, f.aws.single)
			}
			if len(f.aws.single) > 1 {
				t.Errorf("%s: %d single reads, want at most w0's: %v", tc.reason, len(f.aws.single), f.aws.single)
			}
			if got := slices.Contains(f.aws.updates, "w0"); got != tc.wantUpdate {
				t.Errorf("%s: w0 updated = %v, want %v", tc.reason, got, tc.wantUpdate)
			}
		})
	}
}

// TestBatchOnlySteadyResyncsJoin: a pass that may act (a create, an
// edited spec, a delete, a create pending) reads alone at once.
func TestBatchOnlySteadyResyncsJoin(t *testing.T) {
	for _, tc := range []struct {
		reason string
		mutate func(*Widget)
	}{
		{"an edited spec: the Synced condition is of an older generation", func(w *Widget) { w.Generation = 2 }},
		{"not yet Synced", func(w *Widget) { w.Status.Conditions = nil }},
		{"being deleted", func(w *Widget) { deleting(w) }},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			f := newFleet(t, 1, 200)
			f.edit(0, tc.mutate)
			if _, err := f.reconcile(0); err != nil {
				t.Fatal(err)
			}
			if len(f.rounds) != 0 || len(f.aws.single) != 1 {
				t.Errorf("%s: %d rounds opened, %d single reads; want none and one", tc.reason, len(f.rounds), len(f.aws.single))
			}
		})
	}
}

// TestBatchMissIsConfirmedAlone: a widget the batch answer lacks is read
// alone before anything is decided; it is neither recreated nor dropped.
func TestBatchMissIsConfirmedAlone(t *testing.T) {
	for _, tc := range []struct {
		reason        string
		setup         func(*fleetAWS)
		wantBatches   int
		wantSingle    []string
		wantCondition string // w1's Ready after its pass
	}{
		{
			reason:      "left out of a list answer though it exists: the single read finds it, nothing changes",
			setup:       func(a *fleetAWS) { a.dropFromBatch = fleetID(1) },
			wantBatches: 1, wantSingle: []string{fleetID(1)}, wantCondition: "True/Available",
		},
		{
			reason: "deleted outside Kubernetes, the list refused whole: halves are read, the others still batched, the deleted one confirmed alone",
			setup: func(a *fleetAWS) {
				a.refuseUnknown = true
				delete(a.size, fleetID(1))
			},
			// [w0 w1 w2 w3] refused, [w0 w1] refused, [w0], [w1] refused, [w2 w3]
			wantBatches: 5, wantSingle: []string{fleetID(1)}, wantCondition: "",
		},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			f := newFleet(t, 4, 200)
			tc.setup(f.aws)
			f.pass(4)
			f.close()
			_, err := f.reconcile(1)
			for _, i := range []int{0, 2, 3} {
				if _, err := f.reconcile(i); err != nil {
					t.Fatalf("w%d: %v", i, err)
				}
			}
			if len(f.aws.batches) != tc.wantBatches || !slices.Equal(f.aws.single, tc.wantSingle) {
				t.Errorf("%s: batches %v, single reads %v; want %d batches and %v", tc.reason, f.aws.batches, f.aws.single, tc.wantBatches, tc.wantSingle)
			}
			if tc.wantCondition != "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := cond(f.widget(1), "Ready"); got != tc.wantCondition {
					t.Errorf("%s: Ready %s, want %s", tc.reason, got, tc.wantCondition)
				}
			}
			if len(f.aws.updates) != 0 {
				t.Errorf("%s: updates %v, want none", tc.reason, f.aws.updates)
			}
		})
	}
}

// TestBatchErrorSurfacesOnEachObject: a throttled batch read fails the
// pass of every widget of its round as its own read would.
func TestBatchErrorSurfacesOnEachObject(t *testing.T) {
	f := newFleet(t, 3, 200)
	f.pass(3)
	f.aws.batchErr = apiError("DescribeWidgets", "Throttling", "Rate exceeded", 400)
	f.close()
	for i := range 3 {
		if _, err := f.reconcile(i); err == nil || !strings.Contains(err.Error(), "Rate exceeded") {
			t.Errorf("w%d: error %v, want the batch read's throttling", i, err)
		}
		if got := condMessage(f.widget(i), "ACK.Recoverable"); !strings.Contains(got, "Throttling") {
			t.Errorf("w%d: ACK.Recoverable says %q, want the batch read's throttling", i, got)
		}
	}
	if len(f.aws.single) != 0 {
		t.Errorf("single reads %v after a failed batch, want none", f.aws.single)
	}
}

// TestBatchResyncsAreDueTogether: a batched kind's unchanged resources are
// due at the next multiple of the resync period, whatever their phase, so
// that a resync is one round.
func TestBatchResyncsAreDueTogether(t *testing.T) {
	f := newFleet(t, 1, 200)
	f.edit(0, func(w *Widget) { w.Status.Conditions = nil })
	f.now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) // 10h periods start at 00:00 and 10:00 UTC
	res, err := f.reconcile(0)
	if err != nil {
		t.Fatal(err)
	}
	if want := 10*time.Hour - (3*time.Hour + 4*time.Minute + 5*time.Second); res.RequeueAfter != want {
		t.Errorf("resync after %s, want %s: the next multiple of 10h", res.RequeueAfter, want)
	}
}
