package reconciler

import (
	"context"
	"errors"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/log"

	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// fail records err on the object. A Terminal error waits for a change of
// spec or annotations, or the resync period, and never hot-loops; any
// other error is retried with backoff.
func (r *Reconciler[T]) fail(ctx context.Context, p *pass[T], err error) outcome {
	if apierrors.IsConflict(err) {
		// A stale read from the cache: look again soon, and say nothing,
		// since nothing is wrong.
		return outcome{result: metrics.ResultRecoverable, after: r.opts.Confirm}
	}
	err = timedOut(ctx, err)
	obj := p.obj
	conds := &obj.GetManagedStatus().Conditions
	gen := obj.GetGeneration()
	msg := managed.Describe(err)
	var unresolved *unresolvedError
	var noSecret *unresolvedSecretsError
	// The API server refusing a spec the runtime wrote (adoption, late
	// initialization) will refuse it again: only a change can fix it.
	if managed.IsTerminal(err, r.kind.TerminalCodes, r.kind.RecoverableCodes) || apierrors.IsInvalid(err) {
		reason := reasonOf(err, "Terminal")
		conditions.Remove(conds, conditions.Recoverable)
		conditions.Set(conds, gen, conditions.Terminal, true, reason, msg)
		conditions.Set(conds, gen, conditions.Synced, false, reason, msg)
		conditions.Set(conds, gen, conditions.Ready, false, reason, msg)
		// Announced once the status says the same: a pass that read a stale
		// object loses its status write, and must not cry wolf either. The
		// re-check at each resync that finds the same error stays quiet.
		if !alreadyTerminal(p.persisted.GetManagedStatus().Conditions, gen, msg) {
			p.afterWrite = append(p.afterWrite, func(context.Context) { r.event(obj, corev1.EventTypeWarning, "Terminal", "Reconcile", "%s", msg) })
		}
		log.FromContext(ctx).Info("terminal error; waiting for a change of spec or annotations", "error", msg)
		return outcome{result: metrics.ResultTerminal, after: r.jitter(r.opts.Resync)}
	}
	reason := reasonOf(err, "Recoverable")
	switch {
	case errors.As(err, &unresolved):
		reason = "ReferencesUnresolved"
	case errors.As(err, &noSecret):
		reason = "SecretsUnresolved"
	}
	conditions.Remove(conds, conditions.Terminal)
	conditions.Set(conds, gen, conditions.Recoverable, true, reason, msg)
	conditions.Set(conds, gen, conditions.Synced, false, reason, msg)
	conditions.Set(conds, gen, conditions.Ready, false, reason, msg)
	return outcome{result: metrics.ResultRecoverable, err: err}
}

// alreadyTerminal reports whether the stored status already holds this
// Terminal error for this generation.
func alreadyTerminal(conds []metav1.Condition, gen int64, msg string) bool {
	c := meta.FindStatusCondition(conds, conditions.Terminal)
	return c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == gen && c.Message == conditions.Message(msg)
}

// reasonOf is the AWS error code when there is one, since it is what
// users search for. conditions.Set makes it a valid reason (a dotted code
// such as KMS.DisabledException loses its dot); the message keeps the
// code as AWS wrote it.
func reasonOf(err error, fallback string) string {
	if isCreateUnknown(err) {
		return reasonCreateUnknown
	}
	if code := managed.ErrorCode(err); code != "" {
		return code
	}
	return fallback
}

// setSynced: AWS matches the spec.
func setSynced(obj managed.Object, msg string) {
	conds := &obj.GetManagedStatus().Conditions
	gen := obj.GetGeneration()
	conditions.Remove(conds, conditions.Terminal)
	conditions.Remove(conds, conditions.Recoverable)
	conditions.Set(conds, gen, conditions.Synced, true, "Synced", msg)
	conditions.Set(conds, gen, conditions.Ready, true, "Available", "the resource is available")
}

// setProgress: a write or a transitional state is under way.
func setProgress(obj managed.Object, reason, msg string) {
	conds := &obj.GetManagedStatus().Conditions
	gen := obj.GetGeneration()
	conditions.Remove(conds, conditions.Terminal)
	conditions.Remove(conds, conditions.Recoverable)
	conditions.Set(conds, gen, conditions.Synced, false, reason, msg)
	conditions.Set(conds, gen, conditions.Ready, false, reason, msg)
}

// setObservedOnly: the resource exists but differs, and the policy lets
// the controller only watch.
func setObservedOnly(obj managed.Object, msg string) {
	conds := &obj.GetManagedStatus().Conditions
	gen := obj.GetGeneration()
	conditions.Remove(conds, conditions.Terminal)
	conditions.Remove(conds, conditions.Recoverable)
	conditions.Set(conds, gen, conditions.Synced, false, "ReadOnly", msg)
	conditions.Set(conds, gen, conditions.Ready, true, "Available", "the resource is available")
}

// setNotFound: the resource is missing and the policy does not create it.
func setNotFound(obj managed.Object, msg string) {
	conds := &obj.GetManagedStatus().Conditions
	gen := obj.GetGeneration()
	conditions.Remove(conds, conditions.Terminal)
	conditions.Remove(conds, conditions.Recoverable)
	conditions.Set(conds, gen, conditions.Synced, false, "NotFound", msg)
	conditions.Set(conds, gen, conditions.Ready, false, "NotFound", msg)
}

// setPaused: nothing is reconciled until the annotation goes.
func setPaused(obj managed.Object) {
	conditions.Set(&obj.GetManagedStatus().Conditions, obj.GetGeneration(), conditions.Synced, false, "Paused",
		"reconciliation is paused by "+AnnotationPaused)
}
