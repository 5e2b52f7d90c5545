package config

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
)

// Suggest returns the candidate closest to name, or "" when none is close
// enough to be a likely typo.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", len(name)/2+2
	for _, c := range candidates {
		if d := distance(strings.ToLower(name), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean formats a suggestion for an error message.
func DidYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

var unknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type config\.(\w+)$`)

// configTypes maps the Go type names in yaml.v3 errors back to types, to
// list the keys that would have been valid.
var configTypes = map[string]reflect.Type{
	"File":       reflect.TypeFor[File](),
	"Resource":   reflect.TypeFor[Resource](),
	"Operations": reflect.TypeFor[Operations](),
	"Pending":    reflect.TypeFor[Pending](),
	"Column":     reflect.TypeFor[Column](),
	"Field":      reflect.TypeFor[Field](),
}

func suggestKey(msg string) string {
	m := unknownField.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	var keys []string
	if t, ok := configTypes[m[3]]; ok {
		for i := range t.NumField() {
			if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" {
				keys = append(keys, name)
			}
		}
	}
	return fmt.Sprintf("line %s: unknown key %q%s", m[1], m[2], DidYouMean(m[2], keys))
}
