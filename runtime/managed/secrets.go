package managed

import (
	"context"
	"fmt"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

// Secrets are the values of the Secret keys an object's spec names, keyed
// by the reference as the spec writes it. The runtime reads them just
// before Create and Update and passes them through the context, so the
// External interface stays as it is; the values live in memory only, never
// in the object, its status or the observed spec.
type Secrets map[ackv1alpha1.SecretKeyReference]string

type secretsKey struct{}

// WithSecrets returns ctx carrying the resolved secrets of one call.
func WithSecrets(ctx context.Context, s Secrets) context.Context {
	return context.WithValue(ctx, secretsKey{}, s)
}

// SecretValue returns the value of the Secret key that ref names, for a
// generated manager to send to AWS; nil when the spec sets no reference.
// An error means the runtime did not resolve ref for this call: the kind
// does not list the field in Kind.SecretFields.
func SecretValue(ctx context.Context, ref *ackv1alpha1.SecretKeyReference) (*string, error) {
	if ref == nil {
		return nil, nil
	}
	s, _ := ctx.Value(secretsKey{}).(Secrets)
	v, ok := s[*ref]
	if !ok {
		return nil, fmt.Errorf("the value of key %q of Secret %q was not resolved before the call; the kind must list the field in SecretFields", ref.Key, ref.Name)
	}
	return &v, nil
}
