package reconciler

import (
	"fmt"
	"testing"
)

func TestPathValues(t *testing.T) {
	spec := map[string]any{
		"password": map[string]any{"name": "db", "key": "pw"},
		"rules": []any{
			map[string]any{"token": map[string]any{"name": "a"}},
			map[string]any{"other": "x"},
			map[string]any{"token": map[string]any{"name": "c"}},
		},
		"byName": map[string]any{
			"z": map[string]any{"token": "tz"},
			"a": map[string]any{"token": "ta"},
		},
		"unset": nil,
	}
	cases := []struct {
		reason string
		path   string
		want   string
	}{
		{"a top-level field is found as it is", "password", "[{password map[key:pw name:db]}]"},
		{"* visits every list element that sets the field, with its index", "rules.*.token", "[{rules[0].token map[name:a]} {rules[2].token map[name:c]}]"},
		{"* visits every map value, keys in order, with its key", "byName.*.token", "[{byName[a].token ta} {byName[z].token tz}]"},
		{"an unset or missing field yields nothing", "unset.token", "[]"},
		{"a * over a scalar yields nothing", "password.name.*", "[]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(pathValues(spec, c.path)); got != c.want {
			t.Errorf("%s: pathValues(%q) = %s, want %s", c.reason, c.path, got, c.want)
		}
	}
}
