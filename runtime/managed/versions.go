package managed

import (
	"cmp"
	"slices"
	"time"
)

// Version is one version of a document AWS keeps in versions (an IAM
// policy's), as its list operation reports it.
type Version struct {
	ID      string
	Default bool
	Created time.Time
}

// Prunable is the version to delete before a new one is made, when
// versions already holds max: the oldest that is not the default. Equal
// creation times (AWS reports seconds) fall back to the natural order of
// the names, v9 before v10.
func Prunable(versions []Version, max int) (string, bool) {
	if len(versions) < max {
		return "", false
	}
	others := NonDefault(versions)
	if len(others) == 0 {
		return "", false
	}
	return others[0], true
}

// NonDefault names every version but the default, oldest first: those a
// delete of the resource removes before the resource itself.
func NonDefault(versions []Version) []string {
	var others []Version
	for _, v := range versions {
		if !v.Default {
			others = append(others, v)
		}
	}
	slices.SortFunc(others, func(a, b Version) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(len(a.ID), len(b.ID)), cmp.Compare(a.ID, b.ID))
	})
	ids := make([]string, len(others))
	for i, v := range others {
		ids[i] = v.ID
	}
	return ids
}
