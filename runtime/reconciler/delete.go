package reconciler

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/log"

	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// delete removes the AWS resource of an object being deleted. The
// finalizer stays until a read reports the resource gone, so an
// asynchronous deletion is never cut short.
func (r *Reconciler[T]) delete(ctx context.Context, p *pass[T], ext managed.External[T]) outcome {
	obj := p.obj
	obs, err := ext.Observe(ctx, obj)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if since, ok := r.createPending(obj); ok && !obs.Exists && !managed.Owned(obj) && r.kind.AssignedIdentifier {
		// A create whose answer was lost may have made a resource the read
		// cannot find by identifier; it must not be left behind.
		if obs, err = r.findToDelete(ctx, ext, obj, since); err != nil {
			return r.fail(ctx, p, err)
		}
	}
	if !obs.Exists {
		return r.release(ctx, p)
	}
	if obs.Pending != "" {
		setProgress(obj, "Deleting", "waiting for AWS, which reports the resource as "+obs.Pending)
		return outcome{result: metrics.ResultPending, after: r.opts.Pending}
	}
	if err := ext.Delete(ctx, obj); err != nil {
		return r.fail(ctx, p, err)
	}
	r.event(obj, corev1.EventTypeNormal, "Deleting", "Delete", "deleting the %s in AWS", r.kind.Name)
	log.FromContext(ctx).Info("deleting")
	setProgress(obj, "Deleting", "deleting the resource; waiting for AWS to report it gone")
	return outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
}

// release removes the finalizer, leaving AWS as it is: the resource is
// gone, the policy retains it, or this object never owned one.
func (r *Reconciler[T]) release(ctx context.Context, p *pass[T]) outcome {
	obj := p.obj
	reason, msg := "Deleted", fmt.Sprintf("the %s is gone from AWS", r.kind.Name)
	switch {
	case !managed.Owned(obj):
		reason, msg = "Released", fmt.Sprintf("this object never created or adopted a %s in AWS; nothing to delete", r.kind.Name)
	case !p.policy.Has(ActionDelete):
		why := p.policy.Why
		if why == "" || p.policy.Has(ActionUpdate) {
			why = "deletion-policy " + DeletionPolicyRetain
		}
		reason, msg = "Retained", fmt.Sprintf("left the %s in AWS (%s)", r.kind.Name, why)
	}
	r.event(obj, corev1.EventTypeNormal, reason, "Delete", "%s", msg)
	if err := r.patch(ctx, obj, func(o T) error { controllerutil.RemoveFinalizer(o, r.finalizer); return nil }); err != nil {
		return r.fail(ctx, p, fmt.Errorf("removing the finalizer: %w", err))
	}
	log.FromContext(ctx).Info("released", "reason", reason)
	p.gone = true
	return outcome{result: metrics.ResultDeleted}
}

// findToDelete looks for what a lost create made, for deletion.
func (r *Reconciler[T]) findToDelete(ctx context.Context, ext managed.External[T], obj T, since time.Time) (managed.Observation, error) {
	n, err := r.findCreated(ctx, ext, obj, since)
	switch {
	case err != nil:
		return managed.Observation{}, err
	case n > 1:
		return managed.Observation{}, r.createUnknown(since, fmt.Sprintf("AWS has %d resources that match it", n))
	case n == 0:
		return managed.Observation{}, nil
	}
	return ext.Observe(ctx, obj)
}
