package compare

import (
	"maps"
	"slices"
)

// SameText reports whether two strings are equal: the comparison of map
// values that are no documents.
func SameText(a, b string) bool { return a == b }

// SameMap reports whether two maps hold the same keys, each with values
// that same calls equal (Policy for policy documents AWS reformats).
func SameMap(desired, observed map[string]string, same func(a, b string) bool) bool {
	put, remove := MapChanges(desired, observed, same)
	return len(put) == 0 && len(remove) == 0
}

// MapChanges lists, sorted, the desired keys whose value observed lacks or
// holds otherwise, and the observed keys desired lacks.
func MapChanges(desired, observed map[string]string, same func(a, b string) bool) (put, remove []string) {
	for _, k := range slices.Sorted(maps.Keys(desired)) {
		if v, ok := observed[k]; !ok || !same(desired[k], v) {
			put = append(put, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(observed)) {
		if _, ok := desired[k]; !ok {
			remove = append(remove, k)
		}
	}
	return put, remove
}
