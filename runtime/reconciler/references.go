package reconciler

import (
	"context"
	"fmt"
	"maps"
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
	for _, ref := range r.kind.References {
		if ref.In != "" {
			list, why, refUsed, err := r.resolveInList(ctx, obj, ref, u, values)
			if err != nil {
				return err
			}
			if refUsed {
				used = true
				values[ref.In] = list
			}
			waiting = append(waiting, why...)
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

// resolveInList resolves ref in each element of the spec list ref.In that
// sets ref.RefField, or in the structure ref.In. It returns the list (or
// structure) with the values filled in,
// starting from what values already holds for the list (another reference
// in the same elements), why elements must wait, and whether any element
// used the reference.
func (r *Reconciler[T]) resolveInList(ctx context.Context, obj T, ref managed.Reference, u, values map[string]any) (any, []string, bool, error) {
	raw, ok := values[ref.In]
	if !ok {
		raw, _ = getPath(u, "spec."+ref.In)
	}
	if m, ok := raw.(map[string]any); ok {
		// A structure, not a list: resolved as a list of one, kept as is.
		list, why, used, err := r.resolveElements(ctx, obj, ref, []any{m}, func(int) string { return "spec." + ref.In })
		if err != nil || !used {
			return nil, why, used, err
		}
		return list[0], why, used, nil
	}
	elems, _ := raw.([]any)
	return r.resolveElements(ctx, obj, ref, elems, func(i int) string { return fmt.Sprintf("spec.%s[%d]", ref.In, i) })
}

// resolveElements resolves ref in each of elems, named by at(i) in
// messages.
func (r *Reconciler[T]) resolveElements(ctx context.Context, obj T, ref managed.Reference, elems []any, at func(int) string) ([]any, []string, bool, error) {
	out := make([]any, len(elems))
	var waiting []string
	used := false
	for i, e := range elems {
		out[i] = e
		m, _ := e.(map[string]any)
		refVal, ok := getPath(m, ref.RefField)
		if !ok {
			continue
		}
		used = true
		at := at(i)
		if _, set := getPath(m, ref.Field); set {
			return nil, nil, false, managed.Terminalf("%s.%s and %s.%s are both set; set one", at, ref.Field, at, ref.RefField)
		}
		val, why, err := r.resolveOne(ctx, obj, ref, refVal)
		if err != nil {
			return nil, nil, false, fmt.Errorf("%s.%s: %w", at, ref.RefField, err)
		}
		if why != "" {
			waiting = append(waiting, fmt.Sprintf("%s (%s.%s)", why, at, ref.RefField))
			continue
		}
		filled := maps.Clone(m)
		filled[ref.Field] = val
		out[i] = filled
	}
	return out, waiting, used, nil
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
