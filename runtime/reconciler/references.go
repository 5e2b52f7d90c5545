package reconciler

import (
	"context"
	"fmt"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubesmith/kubesmith/runtime/conditions"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// unresolvedError says a referenced object is missing or not Ready yet:
// a dependency, retried with backoff until it is.
type unresolvedError struct{ waiting []string }

func (e *unresolvedError) Error() string {
	return "waiting for " + strings.Join(e.waiting, "; ")
}

// resolveReferences fills the spec fields named by the kind's references
// from the referenced objects, in memory only: the stored spec keeps the
// reference, never a copy that could go stale.
func (r *Reconciler[T]) resolveReferences(ctx context.Context, obj T) error {
	if len(r.kind.References) == 0 {
		return nil
	}
	u, err := toMap(obj)
	if err != nil {
		return err
	}
	values := map[string]any{}
	var waiting []string
	used := false
	spec, _ := u["spec"].(map[string]any)
	for _, ref := range r.kind.References {
		if nested(ref) {
			res, err := r.resolveNested(ctx, obj, spec, ref)
			if err != nil {
				return err
			}
			if res.used {
				used = true
				waiting = append(waiting, res.waiting...)
				values[topField(ref)] = spec[topField(ref)]
			}
			continue
		}
		raw, ok := getPath(u, "spec."+ref.RefField)
		if !ok {
			continue
		}
		used = true
		if _, set := getPath(u, "spec."+ref.Field); set {
			return managed.Terminalf("spec.%s and spec.%s are both set; set one", ref.Field, ref.RefField)
		}
		switch v := raw.(type) {
		case []any:
			var list []any
			for i, item := range v {
				val, why, err := r.resolveOne(ctx, obj, ref, item)
				if err != nil {
					return fmt.Errorf("spec.%s[%d]: %w", ref.RefField, i, err)
				}
				if why != "" {
					waiting = append(waiting, why)
				}
				list = append(list, val)
			}
			values[ref.Field] = list
		default:
			val, why, err := r.resolveOne(ctx, obj, ref, v)
			if err != nil {
				return fmt.Errorf("spec.%s: %w", ref.RefField, err)
			}
			if why != "" {
				waiting = append(waiting, why)
			}
			values[ref.Field] = val
		}
	}
	conds := &obj.GetManagedStatus().Conditions
	if len(waiting) > 0 {
		err := &unresolvedError{waiting: waiting}
		conditions.Set(conds, obj.GetGeneration(), conditions.ReferencesResolved, false, "ReferencesUnresolved", err.Error())
		return err
	}
	msg := "the spec uses no references"
	if used {
		msg = "every reference is resolved"
	}
	conditions.Set(conds, obj.GetGeneration(), conditions.ReferencesResolved, true, "ReferencesResolved", msg)
	if len(values) == 0 {
		return nil
	}
	return setSpecValues(obj, values)
}

// resolveOne reads one {from: {name, namespace}} reference. It returns the
// value, or why it cannot yet, or an error for a malformed reference.
func (r *Reconciler[T]) resolveOne(ctx context.Context, obj T, ref managed.Reference, raw any) (any, string, error) {
	m, _ := raw.(map[string]any)
	name, _ := getPath(m, "from.name")
	ns, _ := getPath(m, "from.namespace")
	nameS, _ := name.(string)
	nsS, _ := ns.(string)
	if nameS == "" {
		return nil, "", managed.Terminalf("the reference names no object: set from.name")
	}
	if nsS == "" {
		nsS = obj.GetNamespace()
	}
	if err := r.sameNamespace(obj.GetNamespace(), ref.Target.Kind, nsS); err != nil {
		return nil, "", err
	}
	label := fmt.Sprintf("%s %s/%s", ref.Target.Kind, nsS, nameS)
	target := &unstructured.Unstructured{}
	target.SetGroupVersionKind(ref.Target)
	if err := r.client.Get(ctx, types.NamespacedName{Namespace: nsS, Name: nameS}, target); err != nil {
		if apierrors.IsNotFound(err) {
			return nil, label + " to exist", nil
		}
		return nil, "", fmt.Errorf("reading %s: %w", label, err)
	}
	if !targetReady(target) {
		return nil, label + " to be Ready", nil
	}
	val, ok := getPath(target.Object, ref.Path)
	if !ok {
		return nil, fmt.Sprintf("%s to report %s", label, ref.Path), nil
	}
	return val, "", nil
}

// sameNamespace refuses an object in namespace ns, other than objNS, when
// cross-namespace access is off: a Terminal error, as only the spec can fix it.
func (r *Reconciler[T]) sameNamespace(objNS, what, ns string) error {
	if r.opts.SameNamespaceOnly && ns != objNS {
		return managed.Terminalf("it names a %s in namespace %s, but this controller runs with cross-namespace references disabled (--enable-cross-namespace=false): use namespace %s", what, ns, objNS)
	}
	return nil
}

// targetReady reads the kstatus Ready condition of the current generation.
func targetReady(u *unstructured.Unstructured) bool {
	conds, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] != conditions.Ready || m["status"] != "True" {
			continue
		}
		gen, ok := m["observedGeneration"].(int64)
		return !ok || gen == u.GetGeneration()
	}
	return false
}
