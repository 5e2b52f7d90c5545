package reconciler

import (
	"context"
	"errors"
	"maps"
	"slices"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// sendUpdate calls the manager's Update; a *managed.PartialUpdate is no
// failure, and unsent are the diff's paths it left for later passes.
func sendUpdate[T managed.Object](ctx context.Context, ext managed.External[T], obj T, obs managed.Observation) (unsent []string, err error) {
	err = ext.Update(ctx, obj, obs)
	var partial *managed.PartialUpdate
	if errors.As(err, &partial) {
		return partial.Unsent, nil
	}
	return nil, err
}

// noteAppliedExcept records the spec's values as applied but for the
// top-level fields of unsent, which keep their earlier record (or none):
// AWS did not get them, so the next pass must still see them differ.
func (r *Reconciler[T]) noteAppliedExcept(p *pass[T], unsent []string) {
	status := p.obj.GetManagedStatus()
	before := maps.Clone(status.LastApplied)
	r.noteApplied(p)
	keepRecords(status, before, unsent)
}

// keepRecords sets the record of the top-level fields of unsent, and of
// the byte sources beneath them, back to their entries in before,
// dropping those it lacks.
func keepRecords(status *ackv1alpha1.ManagedStatus, before map[string]string, unsent []string) {
	for _, path := range unsent {
		top := managed.TopField(path)
		under := func(key string, _ string) bool { return managed.TopField(key) == top }
		maps.DeleteFunc(status.LastApplied, under)
		for key, old := range before {
			if under(key, old) {
				if status.LastApplied == nil {
					status.LastApplied = map[string]string{}
				}
				status.LastApplied[key] = old
			}
		}
	}
}

// sentPaths is the diff less what an update left for later passes.
func sentPaths(diff, unsent []string) []string {
	return slices.DeleteFunc(slices.Clone(diff), func(p string) bool { return slices.Contains(unsent, p) })
}
