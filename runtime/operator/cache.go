package operator

import (
	"k8s.io/apimachinery/pkg/api/meta"
	toolscache "k8s.io/client-go/tools/cache"
)

// lastApplied is kubectl's copy of the whole manifest, as large as the
// spec itself.
const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// stripUnread drops from every cached object what the reconciler never
// reads: managedFields (often larger than the spec) and kubectl's
// last-applied copy. The cache holds every object of every kind, so they
// dominate the controller's memory at thousands of objects. Writes are
// merge patches of what a pass changed, so the stored object keeps both.
func stripUnread() toolscache.TransformFunc {
	return func(in any) (any, error) {
		obj, err := meta.Accessor(in)
		if err != nil {
			return in, nil // a tombstone or a list: nothing to strip
		}
		if obj.GetManagedFields() != nil {
			obj.SetManagedFields(nil)
		}
		if a := obj.GetAnnotations(); a != nil {
			if _, ok := a[lastApplied]; ok {
				delete(a, lastApplied)
				obj.SetAnnotations(a)
			}
		}
		return in, nil
	}
}
