package managed

import (
	"context"
	"fmt"
	"maps"
	"slices"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

// Secrets are the values of the Secrets an object's spec names, keyed by
// the reference as the spec writes it. The runtime reads them just before
// Create and Update and passes them through the context, so the External
// interface stays as it is; the values live in memory only, never in the
// object, its status or the observed spec.
type Secrets struct {
	// Keys hold the value of each SecretKeyReference.
	Keys map[ackv1alpha1.SecretKeyReference]string
	// Maps hold every key of each whole Secret a SecretReference names.
	Maps map[ackv1alpha1.SecretReference]map[string]string
}

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
	r := ReadSecrets(ctx)
	v := r.Value(ref)
	return v, r.Err()
}

// SecretReader hands a generated manager the resolved secrets while it
// builds one AWS input, however deep in it they sit. It remembers the
// first problem, so that conversion functions stay free of error returns;
// the manager checks Err before it calls AWS.
type SecretReader struct {
	s   Secrets
	err error
}

// ReadSecrets returns a reader of the secrets the runtime put in ctx.
func ReadSecrets(ctx context.Context) *SecretReader {
	s, _ := ctx.Value(secretsKey{}).(Secrets)
	return &SecretReader{s: s}
}

// Value returns the value of the Secret key ref names; nil when the spec
// sets no reference, or when the runtime did not resolve it (Err says so).
func (r *SecretReader) Value(ref *ackv1alpha1.SecretKeyReference) *string {
	if ref == nil {
		return nil
	}
	v, ok := r.s.Keys[*ref]
	if !ok {
		r.fail(fmt.Errorf("the value of key %q of Secret %q was not resolved before the call; the kind must list the field in SecretFields", ref.Key, ref.Name))
		return nil
	}
	return &v
}

// Map returns the entries of a @sensitive map: those the spec writes
// itself, plus every key of the Secret from names. A key in both is
// Terminal: which one to send would be a guess.
func (r *SecretReader) Map(plain map[string]string, from *ackv1alpha1.SecretReference) map[string]string {
	if from == nil {
		return plain
	}
	values, ok := r.s.Maps[*from]
	if !ok {
		r.fail(fmt.Errorf("Secret %q was not resolved before the call; the kind must list the field in SecretMapFields", from.Name))
		return plain
	}
	out := maps.Clone(plain)
	if out == nil {
		out = map[string]string{}
	}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if _, dup := out[k]; dup {
			r.fail(Terminalf("key %q is set both in the spec and in Secret %q; set it in one place", k, from.Name))
		}
		out[k] = values[k]
	}
	return out
}

// Err is the first problem met, or nil.
func (r *SecretReader) Err() error { return r.err }

func (r *SecretReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}
