package compare

// SetChanges lists the elements desired holds and observed lacks (to add)
// and those observed holds and desired lacks (to remove), for a list whose
// order means nothing and that an update changes by such lists.
func SetChanges[T comparable](desired, observed []T) (add, remove []T) {
	in := func(list []T, v T) bool {
		for _, e := range list {
			if e == v {
				return true
			}
		}
		return false
	}
	for _, v := range desired {
		if !in(observed, v) && !in(add, v) {
			add = append(add, v)
		}
	}
	for _, v := range observed {
		if !in(desired, v) && !in(remove, v) {
			remove = append(remove, v)
		}
	}
	return add, remove
}
