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
