package reconciler

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/types"
	ctrl "sigs.k8s.io/controller-runtime"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// overlapFinder is a Finder that holds each lookup open until a second
// one begins (or a second passes) and records how many ran at once.
type overlapFinder struct {
	*idAWS
	inside, most, calls atomic.Int32
}

func (f *overlapFinder) FindCreated(context.Context, *Widget, time.Time) (int, error) {
	f.calls.Add(1)
	f.note(f.inside.Add(1))
	defer f.inside.Add(-1)
	for wait := time.Now().Add(time.Second); f.inside.Load() < 2 && time.Now().Before(wait); {
		time.Sleep(time.Millisecond)
	}
	f.note(f.inside.Load())
	return 0, nil
}

func (f *overlapFinder) note(n int32) {
	for m := f.most.Load(); n > m && !f.most.CompareAndSwap(m, n); m = f.most.Load() {
	}
}

func TestFindCreatedOneAtATime(t *testing.T) {
	reason := "Lost creates come in bursts when AWS is overloaded; each lookup lists every resource of the kind, so concurrent lookups would add to the load that lost the creates: they run one at a time."
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	lost := now.Add(-10 * time.Second)
	names := []string{"a", "b", "c"}
	var objs []*Widget
	for _, n := range names {
		objs = append(objs, widget(lostCreate(lost), func(w *Widget) { w.Name = n }))
	}
	f := &overlapFinder{idAWS: newIDAWS(func() time.Time { return now })}
	var ext managed.External[*Widget] = f
	e := createEnv(t, ext, false, nil, objs[0], objs[1], objs[2])
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = e.r.Reconcile(context.Background(), ctrl.Request{NamespacedName: types.NamespacedName{Namespace: testNS, Name: n}})
		}()
	}
	wg.Wait()
	if got := f.calls.Load(); got != int32(len(names)) {
		t.Fatalf("%s\n%d lookups, want one per object (%d)", reason, got, len(names))
	}
	if got := f.most.Load(); got != 1 {
		t.Errorf("%s\nat most %d lookups ran at once, want 1", reason, got)
	}
}
