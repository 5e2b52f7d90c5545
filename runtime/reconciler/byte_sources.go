package reconciler

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// withByteSources reads the ConfigMap and Secret keys that the spec's
// BytesSource fields (Kind.ByteSources) name, in the object's namespace,
// and returns ctx carrying their bytes for the whole pass: Observe hashes
// them to compare with what AWS reports, so new data is sent once and an
// unchanged key costs no AWS call. ConfigMaps come from the cache (get,
// list and watch); Secrets, as for secret fields, from one uncached get.
// A missing object or key is a dependency, retried like a Secret.
func (r *Reconciler[T]) withByteSources(ctx context.Context, obj T) (context.Context, error) {
	if len(r.kind.ByteSources) == 0 {
		return ctx, nil
	}
	spec, err := specOf(obj)
	if err != nil {
		return ctx, err
	}
	read := managed.SourceBytes{}
	var waiting []string
	for _, field := range r.kind.ByteSources {
		for _, at := range pathValues(spec, field) {
			var src ackv1alpha1.BytesSource
			if err := fromValue(at.value, &src); err != nil {
				return ctx, managed.Terminalf("spec.%s must name a ConfigMap or Secret key: %v", at.path, err)
			}
			data, missing, err := r.sourceBytes(ctx, obj.GetNamespace(), src)
			switch {
			case err != nil:
				return ctx, fmt.Errorf("spec.%s: %w", at.path, err)
			case missing != "":
				waiting = append(waiting, missing)
			default:
				read[at.path] = data
			}
		}
	}
	if len(waiting) > 0 {
		return ctx, &unresolvedSecretsError{waiting: waiting}
	}
	return managed.WithSourceBytes(ctx, read), nil
}

// sourceBytes reads the one key src names; missing says what is absent.
func (r *Reconciler[T]) sourceBytes(ctx context.Context, ns string, src ackv1alpha1.BytesSource) (data []byte, missing string, err error) {
	var ref *ackv1alpha1.KeyReference
	var what string
	var from client.Object
	var reader client.Reader
	switch {
	case src.ConfigMapKeyRef != nil:
		ref, what, from, reader = src.ConfigMapKeyRef, "ConfigMap", &corev1.ConfigMap{}, r.client
	case src.SecretKeyRef != nil:
		ref, what, from, reader = src.SecretKeyRef, "Secret", &corev1.Secret{}, r.secretReader()
	default:
		return nil, "", managed.Terminalf("set configMapKeyRef or secretKeyRef")
	}
	label := fmt.Sprintf("%s %s/%s", what, ns, ref.Name)
	if err := reader.Get(ctx, types.NamespacedName{Namespace: ns, Name: ref.Name}, from); apierrors.IsNotFound(err) {
		return nil, fmt.Sprintf("%s (for key %q) to exist", label, ref.Key), nil
	} else if err != nil {
		return nil, "", fmt.Errorf("reading %s: %w", label, err)
	}
	if v, ok := keyBytes(from, ref.Key); ok {
		return v, "", nil
	}
	return nil, fmt.Sprintf("key %q in %s", ref.Key, label), nil
}

// keyBytes is a key's bytes: a ConfigMap's binaryData, else its data as
// text; a Secret's data.
func keyBytes(obj client.Object, key string) ([]byte, bool) {
	switch o := obj.(type) {
	case *corev1.ConfigMap:
		if v, ok := o.BinaryData[key]; ok {
			return v, true
		}
		v, ok := o.Data[key]
		return []byte(v), ok
	case *corev1.Secret:
		v, ok := o.Data[key]
		return v, ok
	}
	return nil, false
}

// objectsNamingConfigMap lists the kind's objects in the ConfigMap's
// namespace whose byte sources name it, so that an edited ConfigMap is
// sent at once rather than at the objects' next resync. The ConfigMap
// informer is the one the cached reads fill already.
func (r *Reconciler[T]) objectsNamingConfigMap(ctx context.Context, cm client.Object) []reconcile.Request {
	var reqs []reconcile.Request
	for _, req := range r.objectsInNamespace(ctx, namespaceNamed(cm.GetNamespace())) {
		obj := r.kind.New()
		if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
			continue // gone since the list: nothing to send
		}
		if r.namesConfigMap(obj, cm.GetName()) {
			reqs = append(reqs, req)
		}
	}
	return reqs
}

// namesConfigMap reports whether one of obj's byte sources names the
// ConfigMap of that name.
func (r *Reconciler[T]) namesConfigMap(obj T, name string) bool {
	spec, err := specOf(obj)
	if err != nil {
		return false
	}
	for _, field := range r.kind.ByteSources {
		for _, at := range pathValues(spec, field) {
			var src ackv1alpha1.BytesSource
			if fromValue(at.value, &src) == nil && src.ConfigMapKeyRef != nil && src.ConfigMapKeyRef.Name == name {
				return true
			}
		}
	}
	return false
}

// namespaceNamed is a namespace as objectsInNamespace takes it.
func namespaceNamed(name string) client.Object {
	ns := namespaceMeta()
	ns.SetName(name)
	return ns
}
