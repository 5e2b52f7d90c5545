package reconciler

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/types"

	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// Batched observation, for a kind with managed.Kind.BatchSize. A resync of
// an unchanged resource (Ready and Synced at its generation, no create
// pending) reads nothing itself: it joins the open round of its (region,
// account) target and requeues after Options.BatchWindow. Once a window
// passes with no object joining (or maxWindows of them since it opened),
// the round reads every identifier it gathered, BatchSize per call, and
// the object's next pass takes its description from the round: resyncs
// due together but slowed by a busy controller still share one round.
//
// That description is as fresh as a read of the pass's own: the round's
// read starts after the object joined, and a pass uses it only while the
// object's resourceVersion is still the one it joined with, so no spec
// edit, create, delete, or write of this controller (which always writes
// the status) came in between. Every other pass reads alone, as before. An
// identifier the answer lacks is confirmed by that single read before the
// resource counts as gone, and an error of the round's read fails the
// pass of each of its objects as the object's own read would.
type batcher struct {
	window time.Duration
	size   int
	// after runs a function once a duration has passed (time.AfterFunc);
	// tests close rounds by hand, with a clock of their own.
	after func(time.Duration, func())
	now   func() time.Time

	mu      sync.Mutex
	open    map[awsclient.Target]*round
	tickets map[types.NamespacedName]*ticket
}

// round is the identifiers of one target waiting for one batch read.
type round struct {
	read         batchRead
	tickets      []*ticket
	opened, last time.Time // when the first and the last object joined
}

// maxWindows bounds how long a round stays open while objects keep
// joining, in windows.
const maxWindows = 5

type batchRead func(ctx context.Context, ids []string) (map[string]any, error)

// ticket is one object's place in a round, and then its answer.
type ticket struct {
	id, version string
	done        chan struct{}
	desc        any
	found       bool
	err         error
}

// batchReadTimeout bounds a round's reads: no pass's context covers them.
const batchReadTimeout = 2 * time.Minute

func newBatcher(window time.Duration, size int) *batcher {
	return &batcher{
		window:  window,
		size:    size,
		after:   func(d time.Duration, f func()) { time.AfterFunc(d, f) },
		now:     time.Now,
		open:    map[awsclient.Target]*round{},
		tickets: map[types.NamespacedName]*ticket{},
	}
}

// join puts the object key, whose resource is id, in the open round of
// target, opening one if there is none.
func (b *batcher) join(target awsclient.Target, key types.NamespacedName, id, version string, read batchRead) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := &ticket{id: id, version: version, done: make(chan struct{})}
	b.tickets[key] = t
	now := b.now()
	rd, ok := b.open[target]
	if !ok {
		rd = &round{read: read, opened: now}
		b.open[target] = rd
		b.after(b.window, func() { b.close(target) })
	}
	rd.tickets = append(rd.tickets, t)
	rd.last = now
}

// take removes the object's ticket; nil when it has none.
func (b *batcher) take(key types.NamespacedName) *ticket {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.tickets[key]
	delete(b.tickets, key)
	return t
}

// close reads the round of target and answers each of its tickets,
// unless an object joined within the last window and the round is young:
// then it looks again a window after that join.
func (b *batcher) close(target awsclient.Target) {
	b.mu.Lock()
	rd := b.open[target]
	now := b.now()
	if rd != nil && now.Sub(rd.last) < b.window && now.Sub(rd.opened) < maxWindows*b.window {
		b.after(b.window-now.Sub(rd.last), func() { b.close(target) })
		b.mu.Unlock()
		return
	}
	delete(b.open, target)
	b.mu.Unlock()
	if rd == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), batchReadTimeout)
	defer cancel()
	var ids []string
	for _, t := range rd.tickets {
		if !slices.Contains(ids, t.id) {
			ids = append(ids, t.id)
		}
	}
	found := map[string]any{}
	failed := map[string]error{}
	for chunk := range slices.Chunk(ids, b.size) {
		if err := readSplitting(ctx, rd.read, chunk, found); err != nil {
			for _, id := range chunk {
				failed[id] = err
			}
		}
	}
	for _, t := range rd.tickets {
		t.desc, t.found = found[t.id]
		t.err = failed[t.id]
		close(t.done)
	}
}

// readSplitting reads ids into found. A list refused whole because one
// identifier in it is unknown is read again in halves, so one resource
// deleted outside Kubernetes costs a few more calls, not one per object;
// the unknown one is left out, for its pass to confirm alone.
func readSplitting(ctx context.Context, read batchRead, ids []string, found map[string]any) error {
	got, err := read(ctx, ids)
	switch {
	case errors.Is(err, managed.ErrBatchMiss) && len(ids) == 1:
		return nil
	case errors.Is(err, managed.ErrBatchMiss):
		half := len(ids) / 2
		if err := readSplitting(ctx, read, ids[:half], found); err != nil {
			return err
		}
		return readSplitting(ctx, read, ids[half:], found)
	case err != nil:
		return err
	}
	maps.Copy(found, got)
	return nil
}

// wait returns the ticket's answer once its round is read.
func (t *ticket) wait(ctx context.Context) (desc any, found bool, err error) {
	select {
	case <-t.done:
		return t.desc, t.found, t.err
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
}

// observe reads the resource for a sync pass: from the object's round
// when it has one, else alone, unless the pass is the resync of an
// unchanged resource: then it joins a round and reports joined, and the
// pass ends there.
func (r *Reconciler[T]) observe(ctx context.Context, p *pass[T], ext managed.External[T]) (obs managed.Observation, joined bool, err error) {
	br, ok := ext.(managed.BatchReader[T])
	if r.batch == nil || !ok {
		obs, err := ext.Observe(ctx, p.obj)
		return obs, false, err
	}
	key := types.NamespacedName{Namespace: p.obj.GetNamespace(), Name: p.obj.GetName()}
	id, version := br.BatchID(p.obj), p.obj.GetResourceVersion()
	switch t := r.batch.take(key); {
	case t != nil && t.id == id && t.version == version:
		desc, found, err := t.wait(ctx)
		switch {
		case err != nil:
			return managed.Observation{}, false, err
		case found:
			obs, err := br.ObserveFrom(ctx, p.obj, desc)
			return obs, false, err
		}
		// Missing from the answer: only a read of its own says it is gone.
	case t != nil:
		// The object changed since it joined: the round's answer may
		// predate the change, and the change costs this one read.
	case id != "" && r.steady(p.obj):
		r.batch.join(p.place.target, key, id, version, br.ReadBatch)
		return managed.Observation{}, true, nil
	}
	obs, err = ext.Observe(ctx, p.obj)
	return obs, false, err
}

// steady reports whether the object's last pass found AWS matching its
// current spec, with nothing left to do: its next pass is a resync.
func (r *Reconciler[T]) steady(obj T) bool {
	conds, gen := obj.GetManagedStatus().Conditions, obj.GetGeneration()
	_, pending := r.createPending(obj)
	return !pending && conditions.IsTrue(conds, conditions.Synced, gen) && conditions.IsTrue(conds, conditions.Ready, gen)
}

// resyncAfter is how soon an unchanged resource is read again. A batched
// kind's resources are all due at the next multiple of the period on the
// wall clock, so that each resync is one round per target rather than
// reads spread out by jitter.
func (r *Reconciler[T]) resyncAfter() time.Duration {
	if r.batch == nil || r.opts.Resync <= 0 {
		return r.jitter(r.opts.Resync)
	}
	return r.opts.Resync - time.Duration(r.now().UnixNano()%int64(r.opts.Resync))
}
