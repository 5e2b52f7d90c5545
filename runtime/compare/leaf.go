// Package compare holds the value comparisons that generated, typed diff
// code uses where plain equality would report drift that is not there.
package compare

import (
	"cmp"
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// The helpers below compare single values for generated, typed diff code:
// it walks the spec field by field and calls them only where plain
// equality would report drift that is not there.

// SameElements reports whether a and b hold the same elements in any
// order, for lists the API treats as sets.
func SameElements[T cmp.Ordered](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// SameSet reports whether every element of a equals a distinct element of
// b under eq, in any order. eq need not be symmetric nor exact (a desired
// element with unset fields matches several observed ones), so the pairs
// are found as a bipartite matching, not first come first served.
func SameSet[T any](a, b []T, eq func(a, b *T) bool) bool {
	if len(a) != len(b) {
		return false
	}
	owner := make([]int, len(b)) // owner[j] is 1 + the element of a paired with b[j]
	var pair func(i int, seen []bool) bool
	pair = func(i int, seen []bool) bool {
		for j := range b {
			if seen[j] || !eq(&a[i], &b[j]) {
				continue
			}
			seen[j] = true
			if owner[j] == 0 || pair(owner[j]-1, seen) {
				owner[j] = i + 1
				return true
			}
		}
		return false
	}
	for i := range a {
		if !pair(i, make([]bool, len(b))) {
			return false
		}
	}
	return true
}

// awsTagPrefix marks tags that AWS adds itself, which a spec never holds.
const awsTagPrefix = "aws:"

// Tags reports whether the observed tags match the desired ones, ignoring
// the aws: tags AWS adds.
func Tags(desired, observed map[string]string) bool {
	n := 0
	for k, v := range observed {
		if strings.HasPrefix(k, awsTagPrefix) {
			continue
		}
		n++
		if d, ok := desired[k]; !ok || d != v {
			return false
		}
	}
	return n == len(desired)
}

// TagList is Tags for tags held as a list of key-value structs.
func TagList[T any](desired, observed []T, kv func(T) (*string, *string)) bool {
	return Tags(tagMap(desired, kv), tagMap(observed, kv))
}

func tagMap[T any](tags []T, kv func(T) (*string, *string)) map[string]string {
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		k, v := kv(t)
		if k != nil {
			m[*k] = deref(v)
		}
	}
	return m
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// JSON reports whether two JSON documents hold the same data, whatever
// their spacing and key order. Text that is not JSON compares as text.
func JSON(a, b string) bool {
	if a == b {
		return true
	}
	va, okA := parseJSON(a)
	vb, okB := parseJSON(b)
	return okA && okB && reflect.DeepEqual(va, vb)
}

// Policy reports whether two IAM policy documents grant the same: JSON
// equality after URL-decoding (IAM returns policies encoded), where a lone
// value equals a list holding just it and lists are compared in any order.
func Policy(a, b string) bool {
	if a == b {
		return true
	}
	va, okA := parseJSON(decodePolicy(a))
	vb, okB := parseJSON(decodePolicy(b))
	return okA && okB && reflect.DeepEqual(normalizePolicy(va), normalizePolicy(vb))
}

func decodePolicy(s string) string {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "%7B") || strings.HasPrefix(t, "%7b") {
		if d, err := url.QueryUnescape(t); err == nil {
			return d
		}
	}
	return s
}

func parseJSON(s string) (any, bool) {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, false
	}
	return v, true
}

// normalizePolicy wraps every value but the scalar keys in a list and
// sorts every list by its JSON form, so equal grants compare equal.
func normalizePolicy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			n := normalizePolicy(e)
			if _, isList := n.([]any); !isList && k != "Version" && k != "Sid" && k != "Effect" && k != "Id" {
				n = []any{n}
			}
			out[k] = n
		}
		return out
	case []any:
		out := make([]any, len(v))
		keys := make([]string, len(v))
		for i, e := range v {
			out[i] = normalizePolicy(e)
			b, _ := json.Marshal(out[i])
			keys[i] = string(b)
		}
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(i, j int) int { return strings.Compare(keys[i], keys[j]) })
		sorted := make([]any, len(v))
		for i, j := range idx {
			sorted[i] = out[j]
		}
		return sorted
	}
	return v
}
