package reconciler

import (
	"slices"
	"strconv"
	"strings"
)

// located is one value found at a spec path, with the path written out:
// list indexes and map keys in brackets, as in rules[1].passphrase.
type located struct {
	path  string
	value any
}

// pathValues returns the set values at path in unstructured data, where a
// * segment stands for every element of a list or every value of a map.
// Map keys come sorted, so that messages are stable.
func pathValues(v any, path string) []located {
	var out []located
	var walk func(v any, at string, parts []string)
	walk = func(v any, at string, parts []string) {
		if v == nil {
			return
		}
		if len(parts) == 0 {
			out = append(out, located{path: at, value: v})
			return
		}
		part, rest := parts[0], parts[1:]
		switch c := v.(type) {
		case []any:
			if part == "*" {
				for i, e := range c {
					walk(e, at+"["+strconv.Itoa(i)+"]", rest)
				}
			}
		case map[string]any:
			if part != "*" {
				walk(c[part], join(at, part), rest)
				return
			}
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(c[k], at+"["+k+"]", rest)
			}
		}
	}
	walk(v, "", strings.Split(path, "."))
	return out
}

func join(at, part string) string {
	if at == "" {
		return part
	}
	return at + "." + part
}

// keepSecrets copies into the observed spec, which AWS never fills with a
// secret, the spec's own secret references and the plain entries of each
// @sensitive map: adopting AWS's values must not drop them.
func (r *Reconciler[T]) keepSecrets(desired, observed map[string]any) {
	paths := append(slices.Clone(r.kind.SecretFields), r.kind.SecretMapFields...)
	for _, p := range r.kind.SecretMapFields {
		paths = append(paths, strings.TrimSuffix(p, "From"))
	}
	for _, p := range paths {
		copyPath(desired, observed, strings.Split(p, "."))
	}
}

// copyPath sets the value at parts in observed to desired's, through the
// maps and lists both have: list elements pair up by index when the lists
// are as long.
func copyPath(desired, observed any, parts []string) {
	part, rest := parts[0], parts[1:]
	switch d := desired.(type) {
	case map[string]any:
		o, ok := observed.(map[string]any)
		switch {
		case !ok:
		case part == "*":
			for k, v := range d {
				copyPath(v, o[k], rest)
			}
		case len(rest) == 0:
			if v, set := d[part]; set && v != nil {
				o[part] = v
			}
		default:
			copyPath(d[part], o[part], rest)
		}
	case []any:
		o, ok := observed.([]any)
		if !ok || part != "*" || len(o) != len(d) || len(rest) == 0 {
			return
		}
		for i := range d {
			copyPath(d[i], o[i], rest)
		}
	}
}
