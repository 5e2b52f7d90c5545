package reconciler

import (
	"context"
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// A nested reference sits in the elements of a spec list: a security
// group rule's group pair names another group by groupRef
// (ingressRules[].userIDGroupPairs[].groupRef fills groupID). Each
// element holding the reference gets the value and loses the reference,
// in memory only, so that the element compares with AWS's answer, which
// has values and no references.

// nested reports whether a reference sits inside list elements.
func nested(ref managed.Reference) bool { return strings.Contains(ref.RefField, "[]") }

// nestedResolution is what resolving one nested reference found.
type nestedResolution struct {
	used    bool
	waiting []string
}

// resolveNested resolves ref in every element of spec (unstructured) that
// holds it, in place. It returns what it found, or an error naming the
// element.
func (r *Reconciler[T]) resolveNested(ctx context.Context, obj T, spec map[string]any, ref managed.Reference) (nestedResolution, error) {
	var res nestedResolution
	refParts, fieldParts := strings.Split(ref.RefField, "."), strings.Split(ref.Field, ".")
	if len(refParts) != len(fieldParts) {
		return res, fmt.Errorf("reference %s and its field %s are not siblings", ref.RefField, ref.Field)
	}
	refKey, valueKey := refParts[len(refParts)-1], fieldParts[len(fieldParts)-1]
	var walk func(node any, parts []string, at string) error
	walk = func(node any, parts []string, at string) error {
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		if len(parts) == 1 {
			raw, ok := m[refKey]
			if !ok || raw == nil {
				return nil
			}
			res.used = true
			if v, set := m[valueKey]; set && v != nil {
				return managed.Terminalf("%s.%s and %s.%s are both set; set one", at, valueKey, at, refKey)
			}
			val, why, err := r.resolveOne(ctx, obj, ref, raw)
			if err != nil {
				return fmt.Errorf("%s.%s: %w", at, refKey, err)
			}
			if why != "" {
				res.waiting = append(res.waiting, fmt.Sprintf("%s (%s.%s)", why, at, refKey))
				return nil
			}
			m[valueKey] = val
			delete(m, refKey)
			return nil
		}
		name, list := strings.CutSuffix(parts[0], "[]")
		if !list {
			return walk(m[name], parts[1:], at+"."+name)
		}
		items, _ := m[name].([]any)
		for i, item := range items {
			if err := walk(item, parts[1:], fmt.Sprintf("%s.%s[%d]", at, name, i)); err != nil {
				return err
			}
		}
		return nil
	}
	return res, walk(spec, refParts, "spec")
}

// topField is the spec field a nested reference sits in (ingressRules).
func topField(ref managed.Reference) string {
	first, _, _ := strings.Cut(ref.RefField, ".")
	return strings.TrimSuffix(first, "[]")
}
