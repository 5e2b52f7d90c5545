package reconciler

import (
	"context"
	"fmt"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/log"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// sync brings an AWS resource to the spec, within what the policy allows.
// It reads AWS once, and every decision of the pass uses that one read.
func (r *Reconciler[T]) sync(ctx context.Context, p *pass[T], ext managed.External[T]) outcome {
	obj := p.obj
	if len(p.policy.AdoptionFields) > 0 && !managed.Owned(obj) {
		if err := r.applyAdoptionFields(ctx, p); err != nil {
			return r.fail(ctx, p, err)
		}
	}
	if r.createsOnly(p) {
		if err := r.missingForCreate(obj); err != nil {
			return r.fail(ctx, p, err)
		}
	}
	ctx, err := r.withByteSources(ctx, obj)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	p.sources = r.seenSources(ctx, obj)
	obs, joined, err := r.observe(ctx, p, ext)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if joined {
		return outcome{result: metrics.ResultBatched, after: r.opts.BatchWindow}
	}
	if obs.Exists || !p.policy.Has(ActionCreate) {
		// A create adds the finalizer with its create record, in one write.
		if err := r.ensureFinalizer(ctx, p); err != nil {
			return r.fail(ctx, p, err)
		}
	}
	if since, ok := r.createPending(obj); ok {
		return r.settleCreate(ctx, p, ext, obs, since)
	}
	if !obs.Exists {
		return r.absent(ctx, p, ext)
	}
	if !managed.Owned(obj) {
		switch {
		case p.policy.Has(ActionAdopt):
			return r.adopt(ctx, p, obs)
		case p.policy.Has(ActionUpdate) || p.policy.Has(ActionDelete):
			// Never take over a resource someone else made: it may belong to
			// another object, another cluster, or a person.
			return r.fail(ctx, p, r.notCreatedHere(nil))
		}
		// Read-only: observing someone else's resource is the point; it
		// never makes the object an owner.
	}
	r.pin(obj, p.place, obs.ARN)

	if out, failed := r.lateInitialize(ctx, p, obs); failed {
		return out
	}
	if obs.Pending != "" {
		setProgress(obj, "Pending", "AWS reports the resource as "+obs.Pending)
		return outcome{result: metrics.ResultPending, after: r.opts.Pending}
	}
	if out, failed := r.checkApplied(ctx, p, &obs); failed {
		return out
	}
	if obs.Failed != "" && len(obs.Diff) == 0 {
		return r.fail(ctx, p, failedState(r.kind.Name, obs.Failed))
	}
	if renewed := r.secretsRenewed(ctx, p); len(renewed) > 0 {
		// Not drift: AWS still has what was sent, but the Secrets changed.
		p.secretsOnly = len(obs.Diff) == 0
		obs.Diff = union(obs.Diff, renewed)
	}
	if len(obs.Diff) > 0 {
		if !p.policy.Has(ActionUpdate) {
			setObservedOnly(obj, fmt.Sprintf("%s: AWS differs from the spec in %s; nothing is changed", p.policy.Why, strings.Join(obs.Diff, ", ")))
			return outcome{result: metrics.ResultSynced, after: r.jitter(r.opts.Resync)}
		}
		return r.update(ctx, p, ext, obs)
	}
	r.noteApplied(p)
	msg := "the resource in AWS matches the spec"
	if p.policy.Why == "read-only" {
		msg = "read-only: " + msg
	}
	setSynced(obj, msg)
	return outcome{result: metrics.ResultSynced, after: r.resyncAfter()}
}

// absent handles a resource AWS does not have.
func (r *Reconciler[T]) absent(ctx context.Context, p *pass[T], ext managed.External[T]) outcome {
	obj := p.obj
	switch {
	case p.policy.Has(ActionCreate):
		return r.create(ctx, p, ext)
	case p.policy.Has(ActionAdopt):
		return r.fail(ctx, p, managed.Terminalf("nothing to adopt: AWS has no such %s; check %s, or use %s: %s", r.kind.Name, AnnotationAdoptionFields, AnnotationAdoptionPolicy, AdoptionPolicyAdoptOrCreate))
	}
	setNotFound(obj, p.policy.Why+": AWS has no such resource, and this object does not create one")
	return outcome{result: metrics.ResultSynced, after: r.jitter(r.opts.Resync)}
}

// update sends the smallest correcting update: the manager receives the
// observation and sends only the fields in its diff.
func (r *Reconciler[T]) update(ctx context.Context, p *pass[T], ext managed.External[T], obs managed.Observation) outcome {
	obj := p.obj
	// The spec has not changed since AWS last matched it, so AWS changed.
	drift := !p.secretsOnly && conditions.IsTrue(obj.GetManagedStatus().Conditions, conditions.Synced, obj.GetGeneration())
	changed := changedSources(p.sources, obj.GetManagedStatus().LastApplied)
	ctx, secrets, err := r.withSecrets(ctx, obj)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	unsent, err := sendUpdate(ctx, ext, obj, obs)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if len(unsent) == 0 {
		// A Secret-holding field left for later must be sent again then.
		obj.GetManagedStatus().SecretsVersion = secrets
	}
	r.noteAppliedExcept(p, unsent)
	sent := sentPaths(obs.Diff, unsent)
	fields := strings.Join(sent, ", ")
	switch {
	case drift && len(changed) > 0:
		r.sourceChanged(ctx, p, sent, changed)
	case drift:
		r.driftCorrected(ctx, p, obs.Diff, "put back "+fields+", changed in AWS outside Kubernetes")
	default:
		r.event(obj, corev1.EventTypeNormal, "Updated", "Update", "updated %s", fields)
		log.FromContext(ctx).Info("updated", "fields", obs.Diff)
	}
	setProgress(obj, "Updating", "updated "+fields+"; waiting for AWS to report it")
	return outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
}

func (r *Reconciler[T]) driftCorrected(ctx context.Context, p *pass[T], fields []string, msg string) {
	p.obj.GetManagedStatus().LastDrift = &ackv1alpha1.Drift{Fields: fields, CorrectedAt: metav1.NewTime(r.now())}
	r.opts.Metrics.DriftCorrected(r.kind.Name)
	r.event(p.obj, corev1.EventTypeWarning, "DriftCorrected", "Update", "%s", msg)
	log.FromContext(ctx).Info("corrected drift", "fields", fields)
}

// adopt takes over an existing resource, as the adoption policy asks.
func (r *Reconciler[T]) adopt(ctx context.Context, p *pass[T], obs managed.Observation) outcome {
	obj := p.obj
	if obs.Observed == nil {
		return r.fail(ctx, p, managed.Terminalf("%s cannot be adopted: its manager reports no observed spec", r.kind.Name))
	}
	desired, observed, err := specMaps(obj, obs.Observed)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	r.keepSecrets(desired, observed)
	values := adoptionValues(p.policy.AdoptMode, desired, observed)
	if len(values) > 0 {
		if err := r.patch(ctx, obj, func(o T) error { return setSpecValues(o, values) }); err != nil {
			return r.fail(ctx, p, fmt.Errorf("writing the adopted spec: %w", err))
		}
	}
	r.pin(obj, p.place, obs.ARN)
	obj.GetManagedStatus().ACKResourceMetadata.Ownership = ackv1alpha1.OwnershipAdopted
	note := "the spec already matched"
	if len(values) > 0 {
		note = "copied " + describeValues(values) + " from AWS into the spec"
	}
	r.event(obj, corev1.EventTypeNormal, "Adopted", "Adopt", "adopted the existing %s %s (%s); %s", r.kind.Name, deref(obs.ARN), p.policy.Why, note)
	log.FromContext(ctx).Info("adopted", "arn", deref(obs.ARN))
	setProgress(obj, "Adopted", "adopted the existing resource; checking it against the spec")
	return outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
}

// applyAdoptionFields writes the identifier values from the
// adoption-fields annotation into the spec, so the read finds the
// resource to adopt.
func (r *Reconciler[T]) applyAdoptionFields(ctx context.Context, p *pass[T]) error {
	u, err := toMap(p.obj)
	if err != nil {
		return err
	}
	spec, _ := u["spec"].(map[string]any)
	values, err := missingFields(spec, p.policy.AdoptionFields, specFields(p.obj))
	if err != nil || len(values) == 0 {
		return err
	}
	return r.patch(ctx, p.obj, func(o T) error { return setSpecValues(o, values) })
}

// lateInitialize copies server defaults into spec fields the user left
// empty, once, so that they are compared from then on.
func (r *Reconciler[T]) lateInitialize(ctx context.Context, p *pass[T], obs managed.Observation) (outcome, bool) {
	if !p.policy.Has(ActionLateInitialize) || len(r.kind.LateInitFields) == 0 || obs.Observed == nil {
		return outcome{}, false
	}
	obj := p.obj
	desired, observed, err := specMaps(obj, obs.Observed)
	if err != nil {
		return r.fail(ctx, p, err), true
	}
	values := lateInitValues(desired, observed, r.kind.LateInitFields)
	if len(values) > 0 {
		before := obj.GetGeneration()
		if err := r.patch(ctx, obj, func(o T) error { return setSpecValues(o, values) }); err != nil {
			return r.fail(ctx, p, fmt.Errorf("late-initializing %s: %w", describeValues(values), err)), true
		}
		log.FromContext(ctx).Info("late-initialized", "fields", describeValues(values))
		// The new spec holds only what AWS has, so what this pass found at
		// the old generation holds at the new one: moving the conditions
		// along saves the next pass a status write.
		conditions.Advance(obj.GetManagedStatus().Conditions, before, obj.GetGeneration())
	}
	conditions.Set(&obj.GetManagedStatus().Conditions, obj.GetGeneration(), conditions.LateInitialized, true, "LateInitialized", "the spec holds AWS's defaults for the fields it left empty")
	return outcome{}, false
}

func specMaps(obj managed.Object, observedSpec any) (desired, observed map[string]any, err error) {
	u, err := toMap(obj)
	if err != nil {
		return nil, nil, err
	}
	desired, _ = u["spec"].(map[string]any)
	if desired == nil {
		desired = map[string]any{}
	}
	observed, err = toMap(observedSpec)
	return desired, observed, err
}

// pin records where the resource lives and who owns it, so later passes
// can refuse a silent move and know the resource is this object's.
func (r *Reconciler[T]) pin(obj T, pl placement, arn *string) {
	status := obj.GetManagedStatus()
	if status.ACKResourceMetadata == nil {
		status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{}
	}
	md := status.ACKResourceMetadata
	region := pl.target.Region
	md.Region = &region
	if pl.account != "" && md.OwnerAccountID == nil {
		account := pl.account
		md.OwnerAccountID = &account
	}
	if arn != nil {
		a := *arn
		md.ARN = &a
		if account := accountOf(a); account != "" {
			md.OwnerAccountID = &account
		}
	}
}

// accountOf returns the account field of an ARN (arn:partition:service:region:account:resource).
func accountOf(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return ""
	}
	return parts[4]
}

func (r *Reconciler[T]) event(obj T, typ, reason, action, note string, args ...any) {
	if r.events != nil {
		r.events.Eventf(obj, nil, typ, reason, action, note, args...)
	}
}

// union appends to diff the fields it lacks.
func union(diff, fields []string) []string {
	for _, f := range fields {
		if !slices.Contains(diff, f) {
			diff = append(diff, f)
		}
	}
	return diff
}
