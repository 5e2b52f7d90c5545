// Package reconciler is the one reconcile loop that every generated kind
// shares. A kind supplies only its managed.External; finalizers, regions,
// conditions, events and requeueing live here.
package reconciler

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/apiutil"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/recorder"

	"github.com/aws/aws-sdk-go-v2/aws"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// Options are the controller-wide settings, from flags.
type Options struct {
	// DefaultRegion applies when neither the resource nor its namespace
	// names a region.
	DefaultRegion string
	// Resync is how often an unchanged resource is re-read from AWS.
	Resync time.Duration
	// Pending is how soon a resource in a transitional state is re-read.
	Pending time.Duration
	// DeletionPolicy applies when neither the resource nor its namespace
	// sets one.
	DeletionPolicy string
	// MaxConcurrent bounds the parallel reconciles of the kind.
	MaxConcurrent int
	// Config returns the AWS configuration for a region.
	Config func(ctx context.Context, region string) (aws.Config, error)
}

// Reconciler reconciles one generated kind.
type Reconciler[T managed.Object] struct {
	kind      managed.Kind[T]
	opts      Options
	client    client.Client
	events    recorder.EventRecorder
	finalizer string
}

// Setup registers a reconciler for kind with the manager.
func Setup[T managed.Object](mgr ctrl.Manager, kind managed.Kind[T], opts Options) error {
	gvk, err := apiutil.GVKForObject(kind.New(), mgr.GetScheme())
	if err != nil {
		return fmt.Errorf("kind %s is not in the scheme: %w", kind.Name, err)
	}
	r := &Reconciler[T]{
		kind:      kind,
		opts:      opts,
		client:    mgr.GetClient(),
		events:    mgr.GetEventRecorder(strings.ToLower(kind.Name) + "-controller"),
		finalizer: "finalizers." + gvk.Group + "/" + kind.Name,
	}
	return ctrl.NewControllerManagedBy(mgr).
		For(kind.New()).
		Named(strings.ToLower(kind.Name)).
		// Our own status writes change neither generation nor annotations,
		// so they never trigger another pass.
		WithEventFilter(predicate.Or(
			predicate.GenerationChangedPredicate{},
			predicate.AnnotationChangedPredicate{},
			deletionStarted(),
		)).
		WithOptions(controller.Options{MaxConcurrentReconciles: max(opts.MaxConcurrent, 1)}).
		Complete(r)
}

func deletionStarted() predicate.Predicate {
	return predicate.Funcs{UpdateFunc: func(e event.UpdateEvent) bool {
		return e.ObjectOld.GetDeletionTimestamp().IsZero() && !e.ObjectNew.GetDeletionTimestamp().IsZero()
	}}
}

// Reconcile brings one resource in AWS to its spec.
func (r *Reconciler[T]) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	obj := r.kind.New()
	if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	before, err := statusOf(obj)
	if err != nil {
		return ctrl.Result{}, err
	}
	result, rerr := r.reconcile(ctx, obj)
	if !obj.GetDeletionTimestamp().IsZero() && !controllerutil.ContainsFinalizer(obj, r.finalizer) {
		return result, rerr // the object is going away; its status no longer matters
	}
	after, err := statusOf(obj)
	if err != nil {
		return ctrl.Result{}, err
	}
	if !equality.Semantic.DeepEqual(before, after) {
		if err := r.client.Status().Update(ctx, obj); err != nil {
			return ctrl.Result{}, errors.Join(rerr, fmt.Errorf("writing status: %w", err))
		}
	}
	return result, rerr
}

func (r *Reconciler[T]) reconcile(ctx context.Context, obj T) (ctrl.Result, error) {
	region, err := r.region(ctx, obj)
	if err != nil {
		return r.fail(ctx, obj, err)
	}
	log.FromContext(ctx).V(1).Info("reconciling", "region", region)
	cfg, err := r.opts.Config(ctx, region)
	if err != nil {
		return r.fail(ctx, obj, err)
	}
	ext := r.kind.Connect(cfg)

	if !obj.GetDeletionTimestamp().IsZero() {
		return r.delete(ctx, obj, ext)
	}
	if !controllerutil.ContainsFinalizer(obj, r.finalizer) {
		controllerutil.AddFinalizer(obj, r.finalizer)
		if err := r.client.Update(ctx, obj); err != nil {
			return ctrl.Result{}, fmt.Errorf("adding finalizer: %w", err)
		}
	}

	obs, err := ext.Observe(ctx, obj)
	if err != nil {
		return r.fail(ctx, obj, err)
	}
	status := obj.GetManagedStatus()
	switch {
	case !obs.Exists:
		if err := ext.Create(ctx, obj); err != nil {
			return r.fail(ctx, obj, err)
		}
		r.pin(obj, region, obs.ARN)
		r.events.Eventf(obj, nil, corev1.EventTypeNormal, "Created", "Create", "created %s in %s", r.kind.Name, region)
		r.progress(obj, "Creating", "the resource was created; waiting for AWS to report it")
		return ctrl.Result{RequeueAfter: time.Second}, nil
	case obs.Pending != "":
		r.pin(obj, region, obs.ARN)
		r.progress(obj, "Pending", "AWS reports the resource as "+obs.Pending)
		return ctrl.Result{RequeueAfter: r.opts.Pending}, nil
	case len(obs.Diff) > 0:
		r.pin(obj, region, obs.ARN)
		if err := ext.Update(ctx, obj, obs); err != nil {
			return r.fail(ctx, obj, err)
		}
		r.events.Eventf(obj, nil, corev1.EventTypeNormal, "Updated", "Update", "updated %s", strings.Join(obs.Diff, ", "))
		r.progress(obj, "Updating", "updated "+strings.Join(obs.Diff, ", "))
		return ctrl.Result{RequeueAfter: time.Second}, nil
	}
	r.pin(obj, region, obs.ARN)
	gen := obj.GetGeneration()
	conditions.Remove(&status.Conditions, conditions.Terminal)
	conditions.Remove(&status.Conditions, conditions.Recoverable)
	conditions.Set(&status.Conditions, gen, conditions.Synced, true, "Synced", "the resource in AWS matches the spec")
	conditions.Set(&status.Conditions, gen, conditions.Ready, true, "Available", "the resource is available")
	return ctrl.Result{RequeueAfter: r.opts.Resync}, nil
}

func (r *Reconciler[T]) delete(ctx context.Context, obj T, ext managed.External[T]) (ctrl.Result, error) {
	if !controllerutil.ContainsFinalizer(obj, r.finalizer) {
		return ctrl.Result{}, nil
	}
	policy, err := r.deletionPolicy(ctx, obj)
	if err != nil {
		return r.fail(ctx, obj, err)
	}
	if policy == DeletionPolicyDelete {
		obs, err := ext.Observe(ctx, obj)
		if err != nil {
			return r.fail(ctx, obj, err)
		}
		if obs.Exists {
			// The finalizer stays until a read reports the resource gone.
			if obs.Pending == "" {
				if err := ext.Delete(ctx, obj); err != nil {
					return r.fail(ctx, obj, err)
				}
				r.events.Eventf(obj, nil, corev1.EventTypeNormal, "Deleted", "Delete", "deleted %s in AWS", r.kind.Name)
			}
			r.progress(obj, "Deleting", "waiting for AWS to report the resource gone")
			return ctrl.Result{RequeueAfter: time.Second}, nil
		}
	}
	controllerutil.RemoveFinalizer(obj, r.finalizer)
	if err := r.client.Update(ctx, obj); err != nil {
		return ctrl.Result{}, fmt.Errorf("removing finalizer: %w", err)
	}
	return ctrl.Result{}, nil
}

// fail records err on the object. A terminal error waits for a spec change
// (or the resync period); any other error is retried with backoff.
func (r *Reconciler[T]) fail(ctx context.Context, obj T, err error) (ctrl.Result, error) {
	status := obj.GetManagedStatus()
	gen := obj.GetGeneration()
	msg := err.Error()
	conditions.Set(&status.Conditions, gen, conditions.Synced, false, "Error", msg)
	conditions.Set(&status.Conditions, gen, conditions.Ready, false, "Error", msg)
	if managed.IsTerminal(err, r.kind.TerminalCodes) {
		conditions.Remove(&status.Conditions, conditions.Recoverable)
		conditions.Set(&status.Conditions, gen, conditions.Terminal, true, reason(err, "Terminal"), msg)
		r.events.Eventf(obj, nil, corev1.EventTypeWarning, "Terminal", "Reconcile", "%s", msg)
		log.FromContext(ctx).Info("terminal error; waiting for a spec change", "error", msg)
		return ctrl.Result{RequeueAfter: r.opts.Resync}, nil
	}
	conditions.Remove(&status.Conditions, conditions.Terminal)
	conditions.Set(&status.Conditions, gen, conditions.Recoverable, true, reason(err, "Recoverable"), msg)
	return ctrl.Result{}, err
}

func (r *Reconciler[T]) progress(obj T, reason, msg string) {
	status := obj.GetManagedStatus()
	gen := obj.GetGeneration()
	conditions.Remove(&status.Conditions, conditions.Terminal)
	conditions.Remove(&status.Conditions, conditions.Recoverable)
	conditions.Set(&status.Conditions, gen, conditions.Synced, false, reason, msg)
	conditions.Set(&status.Conditions, gen, conditions.Ready, false, reason, msg)
}

// reason is the AWS error code when there is one, since it is what users
// search for.
func reason(err error, fallback string) string {
	if code := managed.ErrorCode(err); code != "" {
		return code
	}
	return fallback
}

// pin records where the resource lives, so that later passes can refuse a
// silent move.
func (r *Reconciler[T]) pin(obj T, region string, arn *string) {
	status := obj.GetManagedStatus()
	if status.ACKResourceMetadata == nil {
		status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{}
	}
	md := status.ACKResourceMetadata
	md.Region = &region
	if arn != nil {
		md.ARN = arn
		if account := accountOf(*arn); account != "" {
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

// region resolves the resource's region: its annotation, then its
// namespace's default, then the controller's. Once the resource exists the
// region is pinned, and a different answer is a terminal error.
func (r *Reconciler[T]) region(ctx context.Context, obj T) (string, error) {
	region := obj.GetAnnotations()[AnnotationRegion]
	if region == "" {
		ns, err := r.namespaceAnnotation(ctx, obj, AnnotationDefaultRegion)
		if err != nil {
			return "", err
		}
		region = ns
	}
	if region == "" {
		region = r.opts.DefaultRegion
	}
	if region == "" {
		return "", managed.Terminalf("no AWS region: set the %s annotation on the resource, %s on its namespace, or the controller's --aws-region", AnnotationRegion, AnnotationDefaultRegion)
	}
	if md := obj.GetManagedStatus().ACKResourceMetadata; md != nil && md.Region != nil && *md.Region != region {
		return "", managed.Terminalf("the resource lives in region %s but now resolves to %s; a region cannot change, so restore the annotation or recreate the resource", *md.Region, region)
	}
	return region, nil
}

func (r *Reconciler[T]) deletionPolicy(ctx context.Context, obj T) (string, error) {
	policy := obj.GetAnnotations()[AnnotationDeletionPolicy]
	if policy == "" {
		ns, err := r.namespaceAnnotation(ctx, obj, AnnotationDeletionPolicy)
		if err != nil {
			return "", err
		}
		policy = ns
	}
	if policy == "" {
		policy = r.opts.DeletionPolicy
	}
	switch policy {
	case "", DeletionPolicyDelete:
		return DeletionPolicyDelete, nil
	case DeletionPolicyRetain:
		return DeletionPolicyRetain, nil
	}
	return "", managed.Terminalf("deletion policy %q is not one of %s or %s", policy, DeletionPolicyDelete, DeletionPolicyRetain)
}

func (r *Reconciler[T]) namespaceAnnotation(ctx context.Context, obj T, key string) (string, error) {
	var ns corev1.Namespace
	if err := r.client.Get(ctx, types.NamespacedName{Name: obj.GetNamespace()}, &ns); err != nil {
		return "", fmt.Errorf("reading namespace %s: %w", obj.GetNamespace(), err)
	}
	return ns.Annotations[key], nil
}

// statusOf returns the object's status as plain data, to tell whether a
// pass changed it.
func statusOf(obj kruntime.Object) (any, error) {
	u, err := kruntime.DefaultUnstructuredConverter.ToUnstructured(obj)
	if err != nil {
		return nil, err
	}
	return u["status"], nil
}

// Registration is a kind, ready for the operator to set up with its options.
type Registration struct {
	Kind  string
	Setup func(mgr ctrl.Manager, opts Options) error
}

// Register wraps kind for the operator.
func Register[T managed.Object](kind managed.Kind[T]) Registration {
	return Registration{Kind: kind.Name, Setup: func(mgr ctrl.Manager, opts Options) error {
		return Setup(mgr, kind, opts)
	}}
}
