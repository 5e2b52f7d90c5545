package reconciler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
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

// secretsRead is what reading the Secrets an object's spec names found.
type secretsRead struct {
	values managed.Secrets
	// waiting says what is missing, for the condition message.
	waiting []string
	// versions are the uid and resource version of each Secret read, by
	// namespace/name: what the fingerprint records instead of values.
	versions map[string]string
	spec     map[string]any
}

// hasSecrets reports whether the kind has secret fields at all.
func (r *Reconciler[T]) hasSecrets() bool {
	return len(r.kind.SecretFields) > 0 || len(r.kind.SecretMapFields) > 0
}

// withSecrets reads the Secrets the spec's secret fields name, at any
// depth, and returns ctx carrying their values for Create or Update, and
// the fingerprint to record once the call succeeds. It runs only before
// those calls, and in secretsRenewed from the cache: observing AWS needs
// no secret.
func (r *Reconciler[T]) withSecrets(ctx context.Context, obj T) (context.Context, string, error) {
	if !r.hasSecrets() {
		return ctx, "", nil
	}
	read, err := r.readSecrets(ctx, obj)
	if err != nil {
		return ctx, "", err
	}
	if len(read.waiting) > 0 {
		return ctx, "", &unresolvedSecretsError{waiting: read.waiting}
	}
	return managed.WithSecrets(ctx, read.values), r.fingerprint(read), nil
}

// secretsRenewed returns the top-level spec fields to send again because
// a Secret they read changed, or their references did, since the last
// Create or Update: the fingerprint no longer matches. It returns nothing
// while a Secret is missing; Create and Update report that.
func (r *Reconciler[T]) secretsRenewed(ctx context.Context, p *pass[T]) []string {
	if !r.hasSecrets() || !p.policy.Has(ActionUpdate) {
		return nil
	}
	read, err := r.readSecrets(ctx, p.obj)
	if err != nil || len(read.waiting) > 0 || r.fingerprint(read) == p.obj.GetManagedStatus().SecretsVersion {
		return nil
	}
	var fields []string
	for _, top := range r.secretTops() {
		if read.spec[top] != nil {
			fields = append(fields, top)
		}
	}
	return fields
}

// secretTops are the top-level spec fields that hold secrets, with the
// plain map beside each SecretReference (variables beside variablesFrom).
func (r *Reconciler[T]) secretTops() []string {
	var tops []string
	add := func(path string) {
		top, _, _ := strings.Cut(path, ".")
		if !slices.Contains(tops, top) {
			tops = append(tops, top)
		}
	}
	for _, p := range r.kind.SecretFields {
		add(p)
	}
	for _, p := range r.kind.SecretMapFields {
		add(p)
		add(strings.TrimSuffix(p, "From"))
	}
	slices.Sort(tops)
	return tops
}

// fingerprint hashes the secret-holding spec fields and the versions of
// the Secrets they read. Versions, not values: the status is readable by
// anyone who can read the object, and a hash of a short password can be
// reversed by trying them all.
func (r *Reconciler[T]) fingerprint(read *secretsRead) string {
	h := sha256.New()
	for _, top := range r.secretTops() {
		data, _ := json.Marshal(read.spec[top]) // unstructured data always marshals
		fmt.Fprintf(h, "%s=%s\n", top, data)
	}
	keys := make([]string, 0, len(read.versions))
	for k := range read.versions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%s@%s\n", k, read.versions[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// readSecrets reads every Secret the spec's secret fields name.
func (r *Reconciler[T]) readSecrets(ctx context.Context, obj T) (*secretsRead, error) {
	u, err := toMap(obj)
	if err != nil {
		return nil, err
	}
	spec, _ := u["spec"].(map[string]any)
	read := &secretsRead{
		values: managed.Secrets{
			Keys: map[ackv1alpha1.SecretKeyReference]string{},
			Maps: map[ackv1alpha1.SecretReference]map[string]string{},
		},
		versions: map[string]string{},
		spec:     spec,
	}
	ns := obj.GetNamespace()
	for _, field := range r.kind.SecretFields {
		for _, at := range pathValues(spec, field) {
			var ref ackv1alpha1.SecretKeyReference
			if err := fromValue(at.value, &ref); err != nil || ref.Name == "" || ref.Key == "" {
				return nil, managed.Terminalf("spec.%s must name a Secret and a key: set name and key", at.path)
			}
			data, err := r.readSecret(ctx, read, ns, ref.Namespace, ref.Name)
			if err != nil {
				return nil, fmt.Errorf("spec.%s: %w", at.path, err)
			}
			v, ok := data[ref.Key]
			switch {
			case data == nil:
				read.waiting = append(read.waiting, fmt.Sprintf("%s (for key %q) to exist", secretLabel(ns, ref.Namespace, ref.Name), ref.Key))
			case !ok:
				read.waiting = append(read.waiting, fmt.Sprintf("key %q in %s", ref.Key, secretLabel(ns, ref.Namespace, ref.Name)))
			default:
				read.values.Keys[ref] = v
			}
		}
	}
	for _, field := range r.kind.SecretMapFields {
		for _, at := range pathValues(spec, field) {
			var ref ackv1alpha1.SecretReference
			if err := fromValue(at.value, &ref); err != nil || ref.Name == "" {
				return nil, managed.Terminalf("spec.%s must name a Secret: set name", at.path)
			}
			data, err := r.readSecret(ctx, read, ns, ref.Namespace, ref.Name)
			if err != nil {
				return nil, fmt.Errorf("spec.%s: %w", at.path, err)
			}
			if data == nil {
				read.waiting = append(read.waiting, secretLabel(ns, ref.Namespace, ref.Name)+" to exist")
				continue
			}
			read.values.Maps[ref] = data
		}
	}
	return read, nil
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

// readSecret returns the data of one Secret, nil when it does not exist,
// and notes its version in read. The namespace defaults to the object's.
func (r *Reconciler[T]) readSecret(ctx context.Context, read *secretsRead, objNS, ns, name string) (map[string]string, error) {
	if ns == "" {
		ns = objNS
	}
	if err := r.sameNamespace(objNS, "Secret", ns); err != nil {
		return nil, err
	}
	var s corev1.Secret
	if err := r.secretReader().Get(ctx, types.NamespacedName{Namespace: ns, Name: name}, &s); err != nil {
		if apierrors.IsNotFound(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading %s: %w", secretLabel(objNS, ns, name), err)
	}
	read.versions[ns+"/"+name] = string(s.UID) + "/" + s.ResourceVersion
	data := make(map[string]string, len(s.Data)+len(s.StringData))
	for k, v := range s.StringData {
		data[k] = v // only a client that never stored the Secret sees this
	}
	for k, v := range s.Data {
		data[k] = string(v)
	}
	return data, nil
}
