package reconciler

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/log"

	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// updateCreated sends, in the create's own pass, what AWS takes only once
// the resource exists (tags, rules, attributes, sub-resources), and reads
// it again: the status write that records the create then records Ready
// too. A separate update pass would cost two more writes per create
// (Updating, then Synced), which at thousands of objects is load on the
// API server. The read moves here from the pass that would confirm the
// update. Anything short of a match leaves the next pass to look.
func (r *Reconciler[T]) updateCreated(ctx context.Context, p *pass[T], ext managed.External[T], obs managed.Observation) outcome {
	waiting := outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
	if !p.policy.Has(ActionUpdate) {
		return waiting
	}
	unsent, err := sendUpdate(ctx, ext, p.obj, obs)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if len(unsent) > 0 {
		// The create recorded the whole spec as applied; AWS has not got these yet.
		keepRecords(p.obj.GetManagedStatus(), nil, unsent)
		return waiting
	}
	log.FromContext(ctx).V(1).Info("updated after the create", "fields", obs.Diff)
	setProgress(p.obj, "Updating", "the resource was created; waiting for AWS to report what was sent after the create")
	again, err := ext.Observe(ctx, p.obj)
	switch {
	case err != nil:
		log.FromContext(ctx).V(1).Info("reading the created resource failed; the next pass reads it", "error", err.Error())
		return waiting
	case !again.Exists || again.Pending != "" || len(again.Diff) > 0:
		return waiting
	}
	setSynced(p.obj, "the resource in AWS matches the spec")
	return outcome{result: metrics.ResultChanged, after: r.jitter(r.opts.Resync)}
}
