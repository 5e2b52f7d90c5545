package reconciler

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// Setup registers a reconciler for kind with the manager.
func Setup[T managed.Object](mgr ctrl.Manager, kind managed.Kind[T], opts Options) error {
	r, err := New(kind, opts, mgr.GetClient(), mgr.GetScheme(), mgr.GetEventRecorder(eventName(kind.Name)))
	if err != nil {
		return err
	}
	b := ctrl.NewControllerManagedBy(mgr).
		For(kind.New(), builder.WithPredicates(objectChanged())).
		// Namespace annotations steer region, account and deletion policy;
		// a change there reconciles the namespace's objects. Metadata only:
		// the annotations are all the controller reads of a namespace.
		WatchesMetadata(&corev1.Namespace{}, handler.EnqueueRequestsFromMapFunc(r.objectsInNamespace),
			builder.WithPredicates(namespaceAnnotationsChanged()))
	if len(kind.ByteSources) > 0 {
		b = b.Watches(&corev1.ConfigMap{}, handler.EnqueueRequestsFromMapFunc(r.objectsNamingConfigMap))
	}
	return b.Named(strings.ToLower(kind.Name)).
		WithOptions(controller.Options{
			MaxConcurrentReconciles: max(opts.MaxConcurrent, 1),
			RateLimiter:             newBackoff[reconcile.Request](opts.BackoffBase, opts.BackoffMax),
		}).
		Complete(r)
}

// objectChanged passes what a user changes: the spec (generation), the
// services.k8s.aws/* annotations (reconcile-requested-at included) and
// the start of a deletion. The controller's own status, finalizer,
// create-pending and late-init writes change none of those except
// late-init's generation, so its own writes never trigger another pass;
// a person removing create-pending to settle an unknown create does.
func objectChanged() predicate.Predicate {
	return predicate.Funcs{
		UpdateFunc: func(e event.UpdateEvent) bool {
			if e.ObjectOld == nil || e.ObjectNew == nil {
				return false
			}
			return e.ObjectOld.GetGeneration() != e.ObjectNew.GetGeneration() ||
				!maps.Equal(ourAnnotations(e.ObjectOld.GetAnnotations()), ourAnnotations(e.ObjectNew.GetAnnotations())) ||
				e.ObjectOld.GetDeletionTimestamp().IsZero() != e.ObjectNew.GetDeletionTimestamp().IsZero() ||
				createSettledByPerson(e.ObjectOld, e.ObjectNew)
		},
		GenericFunc: func(event.GenericEvent) bool { return false },
	}
}

func namespaceAnnotationsChanged() predicate.Predicate {
	return predicate.Funcs{
		CreateFunc: func(event.CreateEvent) bool { return false },
		DeleteFunc: func(event.DeleteEvent) bool { return false },
		UpdateFunc: func(e event.UpdateEvent) bool {
			return e.ObjectOld != nil && e.ObjectNew != nil &&
				!maps.Equal(ourAnnotations(e.ObjectOld.GetAnnotations()), ourAnnotations(e.ObjectNew.GetAnnotations()))
		},
		GenericFunc: func(event.GenericEvent) bool { return false },
	}
}

// objectsInNamespace lists the kind's objects in a namespace whose
// annotations changed.
func (r *Reconciler[T]) objectsInNamespace(ctx context.Context, ns client.Object) []reconcile.Request {
	if len(r.opts.WatchNamespaces) > 0 && !slices.Contains(r.opts.WatchNamespaces, ns.GetName()) {
		return nil
	}
	logger := log.FromContext(ctx).WithValues("namespace", ns.GetName(), "kind", r.kind.Name)
	// The typed list reads the informer the kind's watch already fills.
	obj, err := r.scheme.New(r.gvk.GroupVersion().WithKind(r.gvk.Kind + "List"))
	if err != nil {
		logger.Error(err, "no list type for the kind")
		return nil
	}
	list, ok := obj.(client.ObjectList)
	if !ok {
		logger.Error(nil, "the kind's list type is not a client.ObjectList")
		return nil
	}
	if err := r.client.List(ctx, list, client.InNamespace(ns.GetName())); err != nil {
		logger.Error(err, "listing objects after a namespace annotation changed")
		return nil
	}
	items, err := apimeta.ExtractList(list)
	if err != nil {
		logger.Error(err, "reading the list")
		return nil
	}
	reqs := make([]reconcile.Request, 0, len(items))
	for _, item := range items {
		if o, ok := item.(client.Object); ok {
			reqs = append(reqs, reconcile.Request{NamespacedName: client.ObjectKeyFromObject(o)})
		}
	}
	return reqs
}

// namespaceMeta is an empty namespace read as metadata, from the same
// informer the namespace watch uses.
func namespaceMeta() *metav1.PartialObjectMetadata {
	ns := &metav1.PartialObjectMetadata{}
	ns.SetGroupVersionKind(corev1.SchemeGroupVersion.WithKind("Namespace"))
	return ns
}

// Registration is a kind, ready for the operator to set up with its options.
type Registration struct {
	Kind string
	// New returns an empty object of the kind, for per-kind cache settings.
	New   func() client.Object
	Setup func(mgr ctrl.Manager, opts Options) error
}

// Register wraps kind for the operator.
func Register[T managed.Object](kind managed.Kind[T]) Registration {
	return Registration{
		Kind: kind.Name,
		New:  func() client.Object { return kind.New() },
		Setup: func(mgr ctrl.Manager, opts Options) error {
			if err := Setup(mgr, kind, opts); err != nil {
				return fmt.Errorf("setting up %s: %w", kind.Name, err)
			}
			return nil
		},
	}
}

// createSettledByPerson: the create-pending annotation went from an object
// that waits for a person to settle its create.
func createSettledByPerson(old, new client.Object) bool {
	_, was := old.GetAnnotations()[AnnotationCreatePending]
	_, is := new.GetAnnotations()[AnnotationCreatePending]
	obj, ok := new.(managed.Object)
	if !was || is || !ok {
		return false
	}
	c := apimeta.FindStatusCondition(obj.GetManagedStatus().Conditions, conditions.Terminal)
	return c != nil && c.Status == metav1.ConditionTrue && c.Reason == reasonCreateUnknown
}
