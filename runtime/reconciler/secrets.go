package reconciler

import (
	"context"
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// unresolvedSecretsError says a Secret, or a key of it, that the spec
// names is missing: a dependency, retried with backoff like a reference.
type unresolvedSecretsError struct{ waiting []string }

func (e *unresolvedSecretsError) Error() string {
	return "waiting for " + strings.Join(e.waiting, "; ")
}

// withSecrets reads the Secret keys the spec's secret fields name and
// returns ctx carrying their values for Create or Update. It runs only
// before those calls: observing needs no secret, so a steady state reads
// none.
func (r *Reconciler[T]) withSecrets(ctx context.Context, obj T) (context.Context, error) {
	if len(r.kind.SecretFields) == 0 {
		return ctx, nil
	}
	u, err := toMap(obj)
	if err != nil {
		return ctx, err
	}
	values := managed.Secrets{}
	var waiting []string
	for _, field := range r.kind.SecretFields {
		raw, ok := getPath(u, "spec."+field)
		if !ok {
			continue
		}
		m, _ := raw.(map[string]any)
		var ref ackv1alpha1.SecretKeyReference
		if err := kruntime.DefaultUnstructuredConverter.FromUnstructured(m, &ref); err != nil || ref.Name == "" || ref.Key == "" {
			return ctx, managed.Terminalf("spec.%s must name a Secret and a key: set name and key", field)
		}
		if ref.Namespace != "" {
			if err := r.sameNamespace(obj, "Secret", ref.Namespace); err != nil {
				return ctx, fmt.Errorf("spec.%s: %w", field, err)
			}
		}
		val, why, err := r.readSecretKey(ctx, obj.GetNamespace(), ref)
		if err != nil {
			return ctx, fmt.Errorf("spec.%s: %w", field, err)
		}
		if why != "" {
			waiting = append(waiting, why)
			continue
		}
		values[ref] = val
	}
	if len(waiting) > 0 {
		return ctx, &unresolvedSecretsError{waiting: waiting}
	}
	return managed.WithSecrets(ctx, values), nil
}

// readSecretKey returns the value of one key, or why it cannot yet. The
// namespace defaults to the object's own.
func (r *Reconciler[T]) readSecretKey(ctx context.Context, ns string, ref ackv1alpha1.SecretKeyReference) (string, string, error) {
	if ref.Namespace != "" {
		ns = ref.Namespace
	}
	label := fmt.Sprintf("Secret %s/%s", ns, ref.Name)
	var s corev1.Secret
	if err := r.secretReader().Get(ctx, types.NamespacedName{Namespace: ns, Name: ref.Name}, &s); err != nil {
		if apierrors.IsNotFound(err) {
			return "", fmt.Sprintf("%s (for key %q) to exist", label, ref.Key), nil
		}
		return "", "", fmt.Errorf("reading %s: %w", label, err)
	}
	if v, ok := s.Data[ref.Key]; ok {
		return string(v), "", nil
	}
	if v, ok := s.StringData[ref.Key]; ok {
		return v, "", nil // only a client that never stored the Secret sees this
	}
	return "", fmt.Sprintf("key %q in %s", ref.Key, label), nil
}
