package reconciler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/log"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// Creating exactly once. The process can die, or lose the answer, between
// a create call and the status write that records what it made. So a
// create is bracketed: before the call one metadata write adds the
// finalizer and AnnotationCreatePending, which names the time, region and
// account of the create; after it one status write records the ownership,
// the identifiers and, when AWS finished at once, Ready. An object found
// with the annotation and no ownership had its answer lost, and
// settleCreate decides from AWS, never by creating blindly. Two writes per
// create matter at thousands of objects: each is a request to the API
// server.

// clockSkew widens the window in which a Finder looks for what a lost
// create made, since AWS stamps creation times with its own clock.
const clockSkew = time.Minute

// reasonCreateUnknown is the Terminal reason while a person must settle a
// create.
const reasonCreateUnknown = "CreateOutcomeUnknown"

// createUnknownError: AWS may or may not have made the resource, and
// nothing the controller can read tells which. A person decides.
type createUnknownError struct{ terminal *managed.TerminalError }

func (e *createUnknownError) Error() string { return e.terminal.Error() }
func (e *createUnknownError) Unwrap() error { return e.terminal }

func (r *Reconciler[T]) createUnknown(since time.Time, why string) error {
	return &createUnknownError{&managed.TerminalError{Reason: fmt.Sprintf(
		"the answer to creating the %s at %s was lost and %s; check AWS, delete any %s that create made (or adopt it into this object), then remove the %s annotation to create it again",
		r.kind.Name, since.Format(time.RFC3339), why, r.kind.Name, AnnotationCreatePending)}}
}

// createPending returns the time recorded by AnnotationCreatePending on an
// object whose status records no ownership: a create whose answer is not
// known yet. An unreadable time still counts as pending, from the zero
// time.
func (r *Reconciler[T]) createPending(obj T) (time.Time, bool) {
	rec, ok := readPendingCreate(obj)
	if !ok || managed.Owned(obj) {
		return time.Time{}, false
	}
	return rec.since, true
}

// create makes the resource, bracketed by the records described above.
func (r *Reconciler[T]) create(ctx context.Context, p *pass[T], ext managed.External[T]) outcome {
	obj := p.obj
	status := obj.GetManagedStatus()
	recreate := managed.Owned(obj)
	// adopt-or-create reaches here only once AWS has nothing to adopt.
	if err := r.missingForCreate(obj); err != nil {
		return r.fail(ctx, p, err)
	}
	// Before pinning: a create that waits for a Secret has made nothing.
	ctx, secrets, err := r.withSecrets(ctx, obj)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	since, retry := r.createPending(obj)
	if !retry {
		since = r.now().UTC().Truncate(time.Second)
	}
	if err := r.pinAccount(ctx, p); err != nil {
		return r.fail(ctx, p, err)
	}
	if err := r.recordCreate(ctx, p, since, retry, secrets); err != nil {
		return r.fail(ctx, p, fmt.Errorf("recording the create before making it: %w", err))
	}
	r.pin(obj, p.place, nil)
	if r.kind.ClientToken {
		ctx = managed.WithClientToken(ctx, clientToken(obj, since))
	}
	if err := ext.Create(ctx, obj); err != nil {
		return r.createFailed(ctx, p, err, retry, recreate)
	}
	status.ACKResourceMetadata.Ownership = ackv1alpha1.OwnershipCreated
	status.SecretsVersion = secrets
	r.noteApplied(p)
	if recreate {
		r.driftCorrected(ctx, p, []string{"(the resource itself)"}, "recreated the "+r.kind.Name+", which was deleted in AWS outside Kubernetes")
	} else {
		r.event(obj, corev1.EventTypeNormal, "Created", "Create", "created the %s in %s", r.kind.Name, p.place.target.Region)
		log.FromContext(ctx).Info("created")
	}
	out := r.readCreated(ctx, p, ext)
	// What the create made (an identifier AWS assigned) must be stored even
	// if the object changed meanwhile: nobody else writes this status.
	if err := r.writeStatus(ctx, p, false); err != nil {
		return r.fail(ctx, p, fmt.Errorf("recording the created %s: %w", r.kind.Name, err))
	}
	return out
}

// recordCreate adds the finalizer and the create record in one write. The
// optimistic lock makes it the last check that the pass did not decide
// on a stale object. A retry of a lost create keeps its record, and with
// it the client token.
func (r *Reconciler[T]) recordCreate(ctx context.Context, p *pass[T], since time.Time, retry bool, secrets string) error {
	if retry && controllerutil.ContainsFinalizer(p.obj, r.finalizer) {
		return nil
	}
	rec := pendingCreate{since: since, region: p.place.target.Region, account: p.place.account, generation: p.obj.GetGeneration(), secrets: secrets}
	return r.patch(ctx, p.obj, func(o T) error {
		controllerutil.AddFinalizer(o, r.finalizer)
		if !retry {
			setAnnotation(o, AnnotationCreatePending, rec.String())
		}
		return nil
	})
}

// readCreated reads the resource just made, so that one AWS finishes at
// once is Ready (and late-initialized) in the status write that records
// the create, with no second pass. The read the confirming pass would
// make moves here; anything short of a match leaves that pass to look.
func (r *Reconciler[T]) readCreated(ctx context.Context, p *pass[T], ext managed.External[T]) outcome {
	obj := p.obj
	waiting := outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
	setProgress(obj, "Creating", "the resource was created; waiting for AWS to report it")
	obs, err := ext.Observe(ctx, obj)
	switch {
	case err != nil:
		log.FromContext(ctx).V(1).Info("reading the created resource failed; the next pass reads it", "error", err.Error())
		return waiting
	case !obs.Exists:
		return waiting
	}
	r.pin(obj, p.place, obs.ARN)
	if out, failed := r.lateInitialize(ctx, p, obs); failed {
		return out
	}
	switch {
	case obs.Pending != "":
		setProgress(obj, "Pending", "AWS reports the resource as "+obs.Pending)
		return outcome{result: metrics.ResultChanged, after: r.opts.Pending}
	case obs.Failed != "":
		return r.fail(ctx, p, failedState(r.kind.Name, obs.Failed))
	case len(obs.Diff) > 0:
		return r.updateCreated(ctx, p, ext, obs)
	}
	setSynced(obj, "the resource in AWS matches the spec")
	return outcome{result: metrics.ResultChanged, after: r.jitter(r.opts.Resync)}
}

// createFailed records a failed create. A definite refusal made nothing,
// so the pending record goes; an unknown outcome keeps it for the next
// pass to settle.
func (r *Reconciler[T]) createFailed(ctx context.Context, p *pass[T], err error, retry, recreate bool) outcome {
	obj := p.obj
	exists := managed.IsAlreadyExists(err, r.kind.AlreadyExistsCodes)
	if retry && exists {
		// The create whose answer was lost has landed after all: the next
		// read finds it and settles it as this object's.
		return r.fail(ctx, p, fmt.Errorf("an earlier create of this object may have made it: %w", err))
	}
	if !managed.OutcomeUnknown(err) {
		if !recreate {
			// Nothing of ours exists, so the region and account stay free.
			obj.GetManagedStatus().ACKResourceMetadata = nil
		}
		r.clearCreatePending(ctx, obj)
	}
	if exists {
		err = r.notCreatedHere(err)
	}
	return r.fail(ctx, p, err)
}

// notCreatedHere is the Terminal error for an existing resource this
// object did not create; err is AWS's answer, nil when a read found it.
func (r *Reconciler[T]) notCreatedHere(err error) error {
	return &managed.TerminalError{Reason: fmt.Sprintf("a %s with this identifier already exists in AWS and this object did not create it; to manage it, set %s: %s", r.kind.Name, AnnotationAdoptionPolicy, AdoptionPolicyAdopt), Err: err}
}

// settleCreate decides what a create whose answer was lost made. The read
// found the resource: it is this object's. The read cannot find it: for an
// identifier the spec names, a create with a client token, or one
// idempotent by its input, nothing was made (or the same create returns
// it), so create again; for an
// identifier AWS assigns, look with the kind's Finder, and without one let
// a person decide.
func (r *Reconciler[T]) settleCreate(ctx context.Context, p *pass[T], ext managed.External[T], obs managed.Observation, since time.Time) outcome {
	obj := p.obj
	if obs.Exists {
		return r.claimCreated(ctx, p, obs.ARN)
	}
	if !p.policy.Has(ActionCreate) {
		return r.absent(ctx, p, ext)
	}
	if !r.kind.AssignedIdentifier || r.kind.ClientToken || r.kind.IdempotentCreate {
		return r.create(ctx, p, ext)
	}
	n, err := r.findCreated(ctx, ext, obj, since)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	switch {
	case n == 1:
		return r.claimCreated(ctx, p, nil)
	case n > 1:
		return r.fail(ctx, p, r.createUnknown(since, fmt.Sprintf("AWS has %d resources that match it", n)))
	}
	if wait := since.Add(r.opts.CreateSettle).Sub(r.now()); wait > 0 {
		// A request the dead process sent may still land.
		setProgress(obj, "CreatePending", fmt.Sprintf("an earlier create's answer was lost and AWS shows nothing it made; creating again after %s unless it appears", since.Add(r.opts.CreateSettle).Format(time.RFC3339)))
		return outcome{result: metrics.ResultPending, after: wait}
	}
	return r.create(ctx, p, ext)
}

// findCreated asks the kind's Finder what a lost create made.
func (r *Reconciler[T]) findCreated(ctx context.Context, ext managed.External[T], obj T, since time.Time) (int, error) {
	finder, ok := ext.(managed.Finder[T])
	if !ok {
		return 0, r.createUnknown(since, fmt.Sprintf("AWS assigns a %s's identifier and offers no way to look it up", r.kind.Name))
	}
	if err := r.finds.enter(ctx); err != nil {
		return 0, fmt.Errorf("waiting to look for the %s an interrupted create made: %w", r.kind.Name, err)
	}
	n, err := finder.FindCreated(ctx, obj, since.Add(-clockSkew))
	r.finds.leave()
	if err != nil {
		return 0, fmt.Errorf("looking for the %s an interrupted create made: %w", r.kind.Name, err)
	}
	return n, nil
}

// claimCreated records the resource a lost create made as this object's.
func (r *Reconciler[T]) claimCreated(ctx context.Context, p *pass[T], arn *string) outcome {
	obj := p.obj
	r.pin(obj, p.place, arn)
	obj.GetManagedStatus().ACKResourceMetadata.Ownership = ackv1alpha1.OwnershipCreated
	r.restoreCreateRecords(p)
	// Announced once the status says so: a pass that read a stale object
	// (the create pass's status not yet in the cache) loses its write.
	p.afterWrite = append(p.afterWrite, func(context.Context) {
		r.event(obj, corev1.EventTypeNormal, "Created", "Create", "found the %s that an interrupted create made in %s; it is this object's", r.kind.Name, p.place.target.Region)
		log.FromContext(ctx).Info("settled an interrupted create: the resource exists")
	})
	setProgress(obj, "Creating", "the resource was created; waiting for AWS to report it")
	return outcome{result: metrics.ResultChanged, after: r.opts.Confirm}
}

// clearCreatePending drops the record of a create AWS refused, which made
// nothing. No optimistic lock: the annotation is the controller's own. A
// failure leaves the next pass to settle a create that made nothing.
func (r *Reconciler[T]) clearCreatePending(ctx context.Context, obj T) {
	if _, ok := obj.GetAnnotations()[AnnotationCreatePending]; !ok {
		return
	}
	orig := obj.DeepCopyObject().(T)
	mod := obj.DeepCopyObject().(T)
	delete(mod.GetAnnotations(), AnnotationCreatePending)
	if err := r.client.Patch(ctx, mod, client.MergeFrom(orig)); err != nil {
		log.FromContext(ctx).Info("could not remove the create-pending annotation; the next pass will", "error", err.Error())
		return
	}
	delete(obj.GetAnnotations(), AnnotationCreatePending)
	obj.SetResourceVersion(mod.GetResourceVersion())
}

// clientToken is the idempotency token of one object's create: the same
// for every retry of the create recorded at since, new for the next one.
func clientToken(obj client.Object, since time.Time) string {
	sum := sha256.Sum256([]byte(string(obj.GetUID()) + "/" + since.UTC().Format(time.RFC3339)))
	return hex.EncodeToString(sum[:16])
}

func setAnnotation(obj client.Object, key, value string) {
	a := obj.GetAnnotations()
	if a == nil {
		a = map[string]string{}
	}
	a[key] = value
	obj.SetAnnotations(a)
}

// isCreateUnknown reports whether err leaves a create's outcome to a person.
func isCreateUnknown(err error) bool {
	var u *createUnknownError
	return errors.As(err, &u)
}
