package compare

import (
	"fmt"
	"strings"
)

// A keyed collection is a list of entries each named by a key, that AWS
// keeps as separate configurations with their own put and delete (an S3
// bucket's analytics configurations, by Id). Its order means nothing; an
// entry is the same entry when its key is.

// Keyed lists the paths at which the keyed collections desired and
// observed differ: path[<keyName>=<key>] for an entry only one of them
// holds, and diff's paths within an entry both hold. Nil desired is the
// empty collection; the caller decides whether an unset field is compared
// at all.
func Keyed[T any](path, keyName string, desired, observed []T, key func(*T) string, diff func(path string, desired, observed *T) []string) []string {
	at := func(k string) string { return path + "[" + keyName + "=" + k + "]" }
	if keyName == "" {
		at = func(k string) string { return path + "[" + k + "]" } // the key names its members
	}
	byKey := index(observed, key)
	var out []string
	wanted := map[string]bool{}
	for i := range desired {
		k := key(&desired[i])
		wanted[k] = true
		if o, ok := byKey[k]; ok {
			out = append(out, diff(at(k), &desired[i], o)...)
		} else {
			out = append(out, at(k))
		}
	}
	for i := range observed {
		if k := key(&observed[i]); !wanted[k] {
			out = append(out, at(k))
		}
	}
	return out
}

// KeyedChanges is what makes observed equal desired, one entry at a time:
// the desired entries observed lacks or holds otherwise, to put, and the
// keys of the observed entries desired lacks, to delete.
func KeyedChanges[T any](desired, observed []T, key func(*T) string, differs func(desired, observed *T) bool) (put []T, remove []string) {
	byKey := index(observed, key)
	wanted := map[string]bool{}
	for i := range desired {
		k := key(&desired[i])
		wanted[k] = true
		if o, ok := byKey[k]; !ok || differs(&desired[i], o) {
			put = append(put, desired[i])
		}
	}
	for i := range observed {
		if k := key(&observed[i]); !wanted[k] {
			remove = append(remove, k)
		}
	}
	return put, remove
}

// KeyedPlan is what makes observed equal desired when an entry is made,
// changed and deleted by calls of its own, as a route is by CreateRoute,
// ReplaceRoute and DeleteRoute: the desired entries observed lacks, the
// desired entries observed holds otherwise, and the observed entries
// desired lacks (whole, for a delete naming them by several members).
func KeyedPlan[T any](desired, observed []T, key func(*T) string, differs func(desired, observed *T) bool) (add, change, remove []T) {
	byKey := index(observed, key)
	wanted := map[string]bool{}
	for i := range desired {
		k := key(&desired[i])
		wanted[k] = true
		switch o, ok := byKey[k]; {
		case !ok:
			add = append(add, desired[i])
		case differs(&desired[i], o):
			change = append(change, desired[i])
		}
	}
	for i := range observed {
		if !wanted[key(&observed[i])] {
			remove = append(remove, observed[i])
		}
	}
	return add, change, remove
}

// MemberKey is the key of an entry named by whichever of several members
// it sets, as a route by its destination: name=value of each set member.
func MemberKey(members []string, values ...*string) string {
	var parts []string
	for i, v := range values {
		if v != nil && *v != "" {
			parts = append(parts, members[i]+"="+*v)
		}
	}
	return strings.Join(parts, ",")
}

// Text is a non-string key member written out for MemberKey, as a
// network ACL entry's RuleNumber; nil stays unset.
func Text[T int64 | bool](v *T) *string {
	if v == nil {
		return nil
	}
	s := fmt.Sprint(*v)
	return &s
}

func index[T any](entries []T, key func(*T) string) map[string]*T {
	out := make(map[string]*T, len(entries))
	for i := range entries {
		out[key(&entries[i])] = &entries[i]
	}
	return out
}
