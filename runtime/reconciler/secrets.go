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

// withSecrets reads the Secrets the spec's secret fields name, at any
// depth, and returns ctx carrying their values for Create or Update. It
// runs only before those calls: observing needs no secret, so a steady
// state reads none.
func (r *Reconciler[T]) withSecrets(ctx context.Context, obj T) (context.Context, error) {
	if len(r.kind.SecretFields) == 0 && len(r.kind.SecretMapFields) == 0 {
		return ctx, nil
	}
	u, err := toMap(obj)
	if err != nil {
		return ctx, err
	}
	spec, _ := u["spec"].(map[string]any)
	values := managed.Secrets{
		Keys: map[ackv1alpha1.SecretKeyReference]string{},
		Maps: map[ackv1alpha1.SecretReference]map[string]string{},
	}
	var waiting []string
	for _, field := range r.kind.SecretFields {
		for _, at := range pathValues(spec, field) {
			var ref ackv1alpha1.SecretKeyReference
			if err := fromValue(at.value, &ref); err != nil || ref.Name == "" || ref.Key == "" {
				return ctx, managed.Terminalf("spec.%s must name a Secret and a key: set name and key", at.path)
			}
			data, why, err := r.readSecret(ctx, obj.GetNamespace(), ref.Namespace, ref.Name)
			if err != nil {
				return ctx, fmt.Errorf("spec.%s: %w", at.path, err)
			}
			v, ok := data[ref.Key]
			switch {
			case why != "":
				waiting = append(waiting, fmt.Sprintf("%s (for key %q) to exist", why, ref.Key))
			case !ok:
				waiting = append(waiting, fmt.Sprintf("key %q in %s", ref.Key, secretLabel(obj.GetNamespace(), ref.Namespace, ref.Name)))
			default:
				values.Keys[ref] = v
			}
		}
	}
	for _, field := range r.kind.SecretMapFields {
		for _, at := range pathValues(spec, field) {
			var ref ackv1alpha1.SecretReference
			if err := fromValue(at.value, &ref); err != nil || ref.Name == "" {
				return ctx, managed.Terminalf("spec.%s must name a Secret: set name", at.path)
			}
			data, why, err := r.readSecret(ctx, obj.GetNamespace(), ref.Namespace, ref.Name)
			if err != nil {
				return ctx, fmt.Errorf("spec.%s: %w", at.path, err)
			}
			if why != "" {
				waiting = append(waiting, why+" to exist")
				continue
			}
			values.Maps[ref] = data
		}
	}
	if len(waiting) > 0 {
		return ctx, &unresolvedSecretsError{waiting: waiting}
	}
	return managed.WithSecrets(ctx, values), nil
}

// fromValue decodes one unstructured spec value into a reference.
func fromValue(v any, into any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("not an object")
	}
	return kruntime.DefaultUnstructuredConverter.FromUnstructured(m, into)
}

// secretLabel names a Secret for messages; its namespace defaults to the
// object's own.
func secretLabel(objNS, ns, name string) string {
	if ns == "" {
		ns = objNS
	}
	return fmt.Sprintf("Secret %s/%s", ns, name)
}

// readSecret returns the data of one Secret, or why it cannot yet. The
// namespace defaults to the object's own.
func (r *Reconciler[T]) readSecret(ctx context.Context, objNS, ns, name string) (map[string]string, string, error) {
	label := secretLabel(objNS, ns, name)
	if ns == "" {
		ns = objNS
	}
	var s corev1.Secret
	if err := r.secretReader().Get(ctx, types.NamespacedName{Namespace: ns, Name: name}, &s); err != nil {
		if apierrors.IsNotFound(err) {
			return nil, label, nil
		}
		return nil, "", fmt.Errorf("reading %s: %w", label, err)
	}
	data := make(map[string]string, len(s.Data)+len(s.StringData))
	for k, v := range s.StringData {
		data[k] = v // only a client that never stored the Secret sees this
	}
	for k, v := range s.Data {
		data[k] = string(v)
	}
	return data, "", nil
}
