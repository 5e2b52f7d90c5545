// Package reconciler is the one reconcile loop that every generated kind
// shares. A kind supplies only its managed.External; finalizers, regions,
// accounts, policies, adoption, late initialization, references, tags,
// conditions, events, requeueing and metrics live here.
package reconciler

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/recorder"

	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
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
	// Confirm is how soon a resource is re-read after a write, to see it
	// took effect.
	Confirm time.Duration
	// DeletionPolicy applies when neither the resource nor its namespace
	// sets one.
	DeletionPolicy string
	// MaxConcurrent bounds the parallel reconciles of the kind.
	MaxConcurrent int
	// BackoffBase and BackoffMax bound the retry delay after a
	// recoverable error; it doubles per failure, with jitter.
	BackoffBase, BackoffMax time.Duration
	// Timeout bounds one reconcile of one object, so that a hung call
	// cannot hold one of the kind's few workers; 0 means no bound. Each
	// AWS call has its own, shorter deadline (awsclient.Options).
	Timeout time.Duration
	// AWS returns the AWS configuration for a region and role.
	AWS func(ctx context.Context, t awsclient.Target) (aws.Config, error)
	// Client are the settings every kind's AWS client is built with.
	Client managed.ClientOptions
	// Roles maps owner accounts to roles; nil means cross-account
	// management is off.
	Roles RoleMapper
	// Tags are the default AWS tags, values with %K8S_NAMESPACE%-style
	// placeholders; see ExpandTags.
	Tags map[string]string
	// Service and Version fill %CONTROLLER_SERVICE% and
	// %CONTROLLER_VERSION% in Tags.
	Service, Version string
	// WatchNamespaces limits the namespaces reconciled; empty is all.
	WatchNamespaces []string
	// Metrics records reconciles, drift and conditions; required.
	Metrics *metrics.Metrics
	// CreateSettle is how long after a create whose answer was lost the
	// runtime waits, when it finds nothing that create made, before it
	// creates again: a request the dead process sent may still land.
	CreateSettle time.Duration
	// CallerAccount returns the account of a configuration's credentials;
	// nil uses STS GetCallerIdentity. The account a resource is created in
	// is pinned, so credentials that later reach another account cannot
	// silently move it.
	CallerAccount func(ctx context.Context, cfg aws.Config) (string, error)
	// SecretReader reads the Secrets that secret fields name. Uncached
	// (the manager's API reader) is best: a cache would watch and hold
	// every Secret in the cluster. Nil reads through the client.
	SecretReader client.Reader
	// BatchWindow is how long a round of batched observation gathers the
	// resyncs of a kind with managed.Kind.BatchSize before its read; 0
	// reads every resource alone.
	BatchWindow time.Duration
	// SameNamespaceOnly refuses references and Secret keys in another
	// namespace than the object's (the chart's enableCrossNamespace=false).
	SameNamespaceOnly bool
}

// Reconciler reconciles one generated kind.
type Reconciler[T managed.Object] struct {
	kind      managed.Kind[T]
	opts      Options
	client    client.Client
	events    recorder.EventRecorder
	finalizer string
	gvk       schema.GroupVersionKind
	scheme    *kruntime.Scheme
	now       func() time.Time
	jitter    func(time.Duration) time.Duration

	mu        sync.Mutex
	externals map[awsclient.Target]managed.External[T]
	accounts  map[awsclient.Target]string
	batch     *batcher // nil unless the kind's resyncs are read in batches
	finds     findGate // one lookup of a lost create at a time
}

// New returns a reconciler for kind. c must read through a cache for a
// steady state without API server load; scheme must know the kind.
func New[T managed.Object](kind managed.Kind[T], opts Options, c client.Client, scheme *kruntime.Scheme, events recorder.EventRecorder) (*Reconciler[T], error) {
	gvk, err := gvkOf(kind.New(), scheme)
	if err != nil {
		return nil, fmt.Errorf("kind %s is not in the scheme: %w", kind.Name, err)
	}
	if opts.Metrics == nil {
		opts.Metrics = metrics.New()
	}
	if opts.CallerAccount == nil {
		opts.CallerAccount = awsclient.CallerAccount
	}
	var batch *batcher
	if kind.BatchSize > 0 && opts.BatchWindow > 0 {
		batch = newBatcher(opts.BatchWindow, kind.BatchSize)
	}
	return &Reconciler[T]{
		batch:     batch,
		finds:     newFindGate(),
		kind:      kind,
		opts:      opts,
		client:    c,
		events:    events,
		finalizer: "finalizers." + gvk.Group + "/" + kind.Name,
		gvk:       gvk,
		scheme:    scheme,
		now:       time.Now,
		jitter:    jitter,
		externals: map[awsclient.Target]managed.External[T]{},
		accounts:  map[awsclient.Target]string{},
	}, nil
}

// jitter spreads resyncs over ±10% so that resources created together do
// not hit AWS together forever after.
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.9 + 0.2*rand.Float64()))
}

// pass is the state of one reconcile of one object.
type pass[T managed.Object] struct {
	obj T
	// persisted is the object as last written, to tell what changed.
	persisted     T
	nsAnnotations map[string]string
	policy        Policy
	place         placement
	gone          bool // the finalizer was released; the object is going
	// secretsOnly marks an update sent only because Secrets changed.
	secretsOnly bool
	// sources are the byte sources read this pass (source_changes.go).
	sources []seenSource
	// afterWrite runs once the pass's status is stored, with the write's
	// context: the pass's own has ended by then.
	afterWrite []func(context.Context)
}

// outcome is how a pass ended.
type outcome struct {
	result string
	after  time.Duration // requeue after; ignored when err is set
	err    error         // retried with backoff
}

// Reconcile brings one resource in AWS to its spec.
func (r *Reconciler[T]) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	obj := r.kind.New()
	if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
		if apierrors.IsNotFound(err) {
			r.opts.Metrics.Resources.Forget(r.kind.Name, req.NamespacedName)
			if r.batch != nil {
				r.batch.take(req.NamespacedName)
			}
			return ctrl.Result{}, nil
		}
		return ctrl.Result{}, err
	}
	p := &pass[T]{obj: obj, persisted: obj.DeepCopyObject().(T)}
	out := r.runWithin(ctx, p)

	if !p.gone {
		wctx, cancel := context.WithTimeout(ctx, statusWriteTimeout)
		defer cancel()
		switch err := r.writeStatus(wctx, p, true); {
		case apierrors.IsConflict(err):
			// The pass read a stale object; decide again on a fresh one. No
			// event will come for our own write, so requeue ourselves.
			log.FromContext(ctx).V(1).Info("status write conflicted; reconciling again")
			out = outcome{result: out.result, after: r.opts.Confirm}
		case err != nil:
			out.err = errors.Join(out.err, fmt.Errorf("writing status: %w", err))
		default:
			for _, fn := range p.afterWrite {
				fn(wctx)
			}
		}
		r.opts.Metrics.Resources.Set(r.kind.Name, req.NamespacedName, obj.GetManagedStatus().Conditions)
	} else {
		r.opts.Metrics.Resources.Forget(r.kind.Name, req.NamespacedName)
	}
	r.opts.Metrics.Reconciled(r.kind.Name, out.result)
	if out.err != nil {
		return ctrl.Result{}, out.err
	}
	return ctrl.Result{RequeueAfter: out.after}, nil
}

// statusWriteTimeout bounds the status write after a pass, which gets a
// deadline of its own: it must still record a pass that ran out of time.
const statusWriteTimeout = 30 * time.Second

// runWithin runs the pass within Options.Timeout. The status write that
// follows has a deadline of its own, so a pass cut short still records
// why.
func (r *Reconciler[T]) runWithin(ctx context.Context, p *pass[T]) outcome {
	if r.opts.Timeout <= 0 {
		return r.run(ctx, p)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, r.opts.Timeout, &TimeoutError{Timeout: r.opts.Timeout})
	defer cancel()
	return r.run(ctx, p)
}

// TimeoutError is a reconcile that ran out of Options.Timeout.
type TimeoutError struct {
	Timeout time.Duration
	// Err is the error of the step that was cut short.
	Err error
}

func (e *TimeoutError) Error() string {
	msg := fmt.Sprintf("the reconcile did not finish within the reconcile timeout of %s", e.Timeout)
	if e.Err != nil {
		msg += ": " + managed.Describe(e.Err)
	}
	return msg
}

func (e *TimeoutError) Unwrap() error { return e.Err }

// timedOut names the reconcile timeout in err when the pass's deadline
// cut it short.
func timedOut(ctx context.Context, err error) error {
	var t *TimeoutError
	if ctx.Err() == nil || !errors.As(context.Cause(ctx), &t) || errors.As(err, &t) {
		return err
	}
	return &TimeoutError{Timeout: t.Timeout, Err: err}
}

func (r *Reconciler[T]) run(ctx context.Context, p *pass[T]) outcome {
	obj := p.obj
	ns, err := r.namespaceAnnotations(ctx, obj.GetNamespace())
	if err != nil {
		return r.fail(ctx, p, err)
	}
	p.nsAnnotations = ns
	p.policy, err = resolvePolicy(policyInput{annotations: obj.GetAnnotations(), deletionPolicy: r.deletionPolicy(obj, ns)})
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if p.policy.Paused {
		setPaused(obj)
		return outcome{result: metrics.ResultPaused}
	}
	deleting := !obj.GetDeletionTimestamp().IsZero()
	if deleting && !controllerutil.ContainsFinalizer(obj, r.finalizer) {
		return outcome{result: metrics.ResultDeleted}
	}
	_, pending := r.createPending(obj)
	if deleting && (!p.policy.Has(ActionDelete) || !(managed.Owned(obj) || pending)) {
		return r.release(ctx, p)
	}

	p.place, err = r.place(ctx, obj, ns, deleting)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	logger := log.FromContext(ctx).WithValues("region", p.place.target.Region)
	if p.place.account != "" {
		logger = logger.WithValues("account", p.place.account)
	}
	ctx = log.IntoContext(ctx, logger)
	ext, err := r.external(ctx, p.place.target)
	if err != nil {
		return r.fail(ctx, p, err)
	}
	if err := r.resolveReferences(ctx, obj); err != nil {
		if !deleting {
			return r.fail(ctx, p, err)
		}
		// A deletion goes ahead: it needs the resource's identity, which
		// the status holds, more than the referenced values.
		logger.V(1).Info("deleting with unresolved references", "error", err.Error())
	}
	// A deletion needs them too: a Finder looks for what a lost create
	// made by the tags that name the object.
	ctx = managed.WithDefaultTags(ctx, ExpandTags(r.opts.Tags, obj, r.opts.Service, r.opts.Version))
	ctx = withNameTag(ctx, r.opts.Tags, obj, r.opts.Service, r.opts.Version)
	if deleting {
		return r.delete(ctx, p, ext)
	}
	return r.sync(ctx, p, ext)
}

// ensureFinalizer adds the finalizer before the pass can make the object
// own anything in AWS.
func (r *Reconciler[T]) ensureFinalizer(ctx context.Context, p *pass[T]) error {
	if controllerutil.ContainsFinalizer(p.obj, r.finalizer) {
		return nil
	}
	if err := r.patch(ctx, p.obj, func(o T) error { controllerutil.AddFinalizer(o, r.finalizer); return nil }); err != nil {
		return fmt.Errorf("adding finalizer: %w", err)
	}
	return nil
}

// external returns the kind's AWS client for a target, built once.
func (r *Reconciler[T]) external(ctx context.Context, t awsclient.Target) (managed.External[T], error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ext, ok := r.externals[t]; ok {
		return ext, nil
	}
	cfg, err := r.opts.AWS(ctx, t)
	if err != nil {
		return nil, err
	}
	ext := r.kind.Connect(cfg, r.opts.Client)
	r.externals[t] = ext
	return ext, nil
}

func (r *Reconciler[T]) secretReader() client.Reader {
	if r.opts.SecretReader != nil {
		return r.opts.SecretReader
	}
	return r.client
}

// patch changes the object's metadata or spec with a merge patch that
// holds only what mutate changed. It never writes values resolved from
// references, since those are on obj before and after mutate alike.
func (r *Reconciler[T]) patch(ctx context.Context, obj T, mutate func(T) error) error {
	orig := obj.DeepCopyObject().(T)
	mod := obj.DeepCopyObject().(T)
	if err := mutate(mod); err != nil {
		return err
	}
	if err := r.client.Patch(ctx, mod, client.MergeFromWithOptions(orig, client.MergeFromWithOptimisticLock{})); err != nil {
		return err
	}
	if err := mutate(obj); err != nil {
		return err
	}
	obj.SetResourceVersion(mod.GetResourceVersion())
	obj.SetGeneration(mod.GetGeneration())
	return nil
}

// writeStatus persists the status when the pass changed it, and only
// then: an unchanged resource costs no write. With lock, the write fails
// on an object that changed since the pass read it.
func (r *Reconciler[T]) writeStatus(ctx context.Context, p *pass[T], lock bool) error {
	now, err := toMap(p.obj)
	if err != nil {
		return err
	}
	was, err := toMap(p.persisted)
	if err != nil {
		return err
	}
	if equality.Semantic.DeepEqual(now["status"], was["status"]) {
		return nil
	}
	// The patch base is the object as it is now with the status as last
	// written, so the patch holds the status change and nothing else, and
	// its optimistic lock uses the newest resourceVersion the pass knows.
	// A pass that read a stale object fails there instead of recording a
	// decision made on old data.
	now["status"] = was["status"]
	base := r.kind.New()
	if err := kruntime.DefaultUnstructuredConverter.FromUnstructured(now, base); err != nil {
		return err
	}
	// A copy takes the server's answer, so the pass keeps its in-memory
	// spec (resolved references) for any call still to come.
	mod := p.obj.DeepCopyObject().(T)
	var opts []client.MergeFromOption
	if lock {
		opts = append(opts, client.MergeFromWithOptimisticLock{})
	}
	if err := r.client.Status().Patch(ctx, mod, client.MergeFromWithOptions(base, opts...)); err != nil {
		return err
	}
	p.obj.SetResourceVersion(mod.GetResourceVersion())
	p.persisted = p.obj.DeepCopyObject().(T)
	return nil
}

func (r *Reconciler[T]) deletionPolicy(obj T, ns map[string]string) string {
	if p := obj.GetAnnotations()[AnnotationDeletionPolicy]; p != "" {
		return p
	}
	if p := ns[AnnotationDeletionPolicy]; p != "" {
		return p
	}
	return r.opts.DeletionPolicy
}

func (r *Reconciler[T]) namespaceAnnotations(ctx context.Context, name string) (map[string]string, error) {
	ns := namespaceMeta()
	if err := r.client.Get(ctx, client.ObjectKey{Name: name}, ns); err != nil {
		return nil, fmt.Errorf("reading the annotations of namespace %s: %w", name, err)
	}
	return ns.GetAnnotations(), nil
}

func gvkOf(obj kruntime.Object, scheme *kruntime.Scheme) (schema.GroupVersionKind, error) {
	gvks, _, err := scheme.ObjectKinds(obj)
	if err != nil {
		return schema.GroupVersionKind{}, err
	}
	return gvks[0], nil
}

func eventName(kind string) string { return strings.ToLower(kind) + "-controller" }
