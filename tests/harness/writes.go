package harness

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
)

// ObjectWrite is one change the API server stored for an object, as its
// watch reports it: every stored write has a resourceVersion of its own
// and one watch event, and a write that changes nothing stores nothing.
type ObjectWrite struct {
	Type watch.EventType
	// Deleting: the object had a deletionTimestamp after this write.
	Deleting bool
	// Generation of the object after this write; a spec change moves it.
	Generation int64
}

// WriteLog records the writes to the objects of one resource in one
// namespace, from a watch started before the test acts.
type WriteLog struct {
	mu     sync.Mutex
	writes map[string][]ObjectWrite
	// lost: the API server ended the watch and could not resume it where
	// it stopped (410 Gone), so some writes may be missing.
	lost error
}

// WatchWrites starts recording the writes to gvr's objects in namespace.
// A watch the API server closes (as it does to a slow reader) is resumed
// from the last resourceVersion seen. Cleanup stops it.
func (k *Kube) WatchWrites(t testing.TB, gvr schema.GroupVersionResource, namespace string) *WriteLog {
	t.Helper()
	dc, err := dynamic.NewForConfig(k.Config)
	if err != nil {
		t.Fatalf("dynamic client: %v", err)
	}
	ri := dc.Resource(gvr).Namespace(namespace)
	ctx, cancel := context.WithCancel(context.Background())
	list, err := ri.List(ctx, metav1.ListOptions{})
	if err != nil {
		cancel()
		t.Fatalf("listing %s in %s: %v", gvr.Resource, namespace, err)
	}
	l := &WriteLog{writes: map[string][]ObjectWrite{}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		rv := list.GetResourceVersion()
		for ctx.Err() == nil {
			w, err := ri.Watch(ctx, metav1.ListOptions{ResourceVersion: rv, AllowWatchBookmarks: true})
			if err != nil {
				if ctx.Err() == nil {
					l.fail(fmt.Errorf("watching %s in %s from %s: %w", gvr.Resource, namespace, rv, err))
				}
				return
			}
			for ev := range w.ResultChan() {
				if ev.Type == watch.Error {
					l.fail(fmt.Errorf("the watch of %s in %s ended: %v", gvr.Resource, namespace, ev.Object))
					w.Stop()
					return
				}
				if u, ok := ev.Object.(*unstructured.Unstructured); ok {
					rv = u.GetResourceVersion()
					if ev.Type != watch.Bookmark {
						l.add(ev.Type, u)
					}
				}
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
	return l
}

func (l *WriteLog) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lost = err
}

func (l *WriteLog) add(typ watch.EventType, u *unstructured.Unstructured) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes[u.GetName()] = append(l.writes[u.GetName()], ObjectWrite{
		Type:       typ,
		Deleting:   u.GetDeletionTimestamp() != nil,
		Generation: u.GetGeneration(),
	})
}

// Writes returns the writes stored for the object called name so far.
func (l *WriteLog) Writes(name string) []ObjectWrite {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]ObjectWrite(nil), l.writes[name]...)
}

// Lifecycle splits an object's writes into those of its life before a
// deletion was asked for and those after it, leaving out the writes of
// the person (the create, the deletion request) and the finalizer removal
// that ends it (the DELETED event): what remains is what a controller wrote.
type Lifecycle struct {
	Create, Delete []ObjectWrite
}

// Split returns the controller's writes to the object called name; it
// fails unless the log saw the object created and, when gone, deleted.
func (l *WriteLog) Split(name string) (Lifecycle, error) {
	var lc Lifecycle
	if err := l.Err(); err != nil {
		return lc, err
	}
	ws := l.Writes(name)
	if len(ws) == 0 || ws[0].Type != watch.Added {
		return lc, fmt.Errorf("the watch did not see %s created: %+v", name, ws)
	}
	deleting := false
	for _, w := range ws[1:] {
		switch {
		case w.Type == watch.Deleted:
			return lc, nil
		case w.Deleting && !deleting:
			deleting = true // the deletion request
		case deleting:
			lc.Delete = append(lc.Delete, w)
		default:
			lc.Create = append(lc.Create, w)
		}
	}
	return lc, nil
}

// Err says why the log may miss writes: the watch ended and could not be
// resumed where it stopped.
func (l *WriteLog) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// Settled waits until the log saw the object called name deleted, and
// returns the controller's writes to it (see Split).
func (l *WriteLog) Settled(t testing.TB, name string) Lifecycle {
	t.Helper()
	var lc Lifecycle
	Eventually(t, Wait, 100*time.Millisecond, func() error {
		var err error
		if lc, err = l.Split(name); err != nil {
			return err
		}
		if ws := l.Writes(name); ws[len(ws)-1].Type != watch.Deleted {
			return fmt.Errorf("the watch has not seen %s go yet", name)
		}
		return nil
	})
	return lc
}

// CheckWrites fails t when the controller wrote the object called name
// more than maxCreate times from its creation to Ready, or more than
// maxDelete times between the deletion request and the finalizer removal.
func (l *WriteLog) CheckWrites(t testing.TB, name string, maxCreate, maxDelete int) {
	t.Helper()
	lc := l.Settled(t, name)
	t.Logf("writes: %s: %d per create, %d per delete besides the finalizer removal", name, len(lc.Create), len(lc.Delete))
	if len(lc.Create) > maxCreate {
		t.Errorf("%s: %d writes from create to Ready, want at most %d: %+v", name, len(lc.Create), maxCreate, lc.Create)
	}
	if len(lc.Delete) > maxDelete {
		t.Errorf("%s: %d writes between the deletion request and the finalizer removal, want at most %d: %+v", name, len(lc.Delete), maxDelete, lc.Delete)
	}
}
