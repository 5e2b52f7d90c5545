package compare

import (
	"maps"
	"slices"
)

// MapPlan is what makes observed equal desired when one call takes the
// entries to add or update and the keys to remove (EKS's
// UpdateLabelsPayload): the desired entries observed lacks or holds
// otherwise, and the observed keys desired lacks, sorted. Either is nil
// when empty, so that a call sends only what changes.
func MapPlan[V comparable](desired, observed map[string]V) (set map[string]V, remove []string) {
	for k, v := range desired {
		if o, ok := observed[k]; !ok || o != v {
			if set == nil {
				set = map[string]V{}
			}
			set[k] = v
		}
	}
	for _, k := range slices.Sorted(maps.Keys(observed)) {
		if _, ok := desired[k]; !ok {
			remove = append(remove, k)
		}
	}
	return set, remove
}
