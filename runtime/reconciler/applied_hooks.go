package reconciler

import (
	"context"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// checkApplied adds to obs.Diff the fields that moved away from what was
// last applied, and fails the pass, Terminal, when the spec asks for a
// change no update can make.
func (r *Reconciler[T]) checkApplied(ctx context.Context, p *pass[T], obs *managed.Observation) (outcome, bool) {
	if len(r.kind.AppliedFields) == 0 && len(obs.Immutable) == 0 {
		return outcome{}, false
	}
	spec, err := specOf(p.obj)
	if err != nil {
		return r.fail(ctx, p, err), true
	}
	refused := appliedChanges(r.kind.AppliedFields, p.obj.GetManagedStatus().LastApplied, spec, obs)
	if len(refused) > 0 && p.policy.Has(ActionUpdate) {
		return r.fail(ctx, p, managed.Terminalf("%s", refusedMessage(r.kind.Name, refused))), true
	}
	return outcome{}, false
}

// noteApplied records the spec's values of Kind.AppliedFields as applied,
// after a create or update AWS accepted, or a pass that found nothing to
// send. A read-only object applies nothing, so it records nothing. The
// status write at the end of the pass stores it.
func (r *Reconciler[T]) noteApplied(p *pass[T]) {
	if len(r.kind.AppliedFields) == 0 || !p.policy.Has(ActionUpdate) && !p.policy.Has(ActionCreate) {
		return
	}
	obj := p.obj
	spec, err := specOf(obj)
	if err != nil {
		return // the next pass reads the spec again and fails there
	}
	status := obj.GetManagedStatus()
	status.LastApplied = recordApplied(r.kind.AppliedFields, status.LastApplied, spec)
	recordSources(status, p.sources)
}

// specOf is the object's spec as JSON values.
func specOf(obj managed.Object) (map[string]any, error) {
	u, err := toMap(obj)
	if err != nil {
		return nil, err
	}
	spec, _ := u["spec"].(map[string]any)
	return spec, nil
}
