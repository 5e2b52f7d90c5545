package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestUnionRules checks the CEL rules of Smithy unions in a real API
// server: at most one member of a union, at any depth and in lists, and
// exactly one where the union is required.
func TestUnionRules(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an API server")
	}
	golden := filepath.Join(repoRoot(t), "generator", "pipeline", "testdata", "golden")
	kube := harness.StartKube(t, harness.WithCRDs(
		filepath.Join(golden, "widgets", "config", "crd"),
		filepath.Join(golden, "gadgets", "config", "crd"),
	))
	tag := map[string]any{"key": "k", "value": "v"}
	cases := []struct {
		reason string
		kind   string
		spec   map[string]any
		// refused is the API server's message, "" when it accepts.
		refused string
	}{
		{"one member", "Widget", map[string]any{"selector": map[string]any{"prefix": "a"}}, ""},
		{"no member of an optional union", "Widget", map[string]any{"selector": map[string]any{}}, ""},
		{"two members", "Widget", map[string]any{"selector": map[string]any{"prefix": "a", "tag": tag}},
			"set at most one of prefix, tag, allOf, anyOf, since, limit, kind, extra, labels"},
		{"a structure member holding a nested union with one member", "Widget",
			map[string]any{"selector": map[string]any{"allOf": map[string]any{"prefix": "a", "tags": []any{tag}, "match": map[string]any{"exact": "x"}}}}, ""},
		{"a nested union with two members", "Widget",
			map[string]any{"selector": map[string]any{"allOf": map[string]any{"match": map[string]any{"exact": "x", "since": "2026-01-01T00:00:00Z"}}}},
			"set at most one of exact, since"},
		{"a union in a list with two members", "Widget",
			map[string]any{"selector": map[string]any{"anyOf": []any{map[string]any{"exact": "x"}, map[string]any{"exact": "y", "since": "2026-01-01T00:00:00Z"}}}},
			"set at most one of exact, since"},
		{"a required union with one member", "Gadget", map[string]any{"source": map[string]any{"url": "u"}}, ""},
		{"a required union with none", "Gadget", map[string]any{"source": map[string]any{}}, "set one of url, copyOf"},
		{"a required union with two", "Gadget", map[string]any{"source": map[string]any{"url": "u", "copyOf": "g"}}, "set at most one of url, copyOf"},
	}
	for i, c := range cases {
		name := fmt.Sprintf("u%d", i)
		spec := map[string]any{"widgetName": name}
		if c.kind == "Gadget" {
			spec = map[string]any{"gadgetName": name}
		}
		for k, v := range c.spec {
			spec[k] = v
		}
		obj := &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": strings.ToLower(c.kind) + "s.services.k8s.aws/v1alpha1",
			"kind":       c.kind,
			"metadata":   map[string]any{"name": name, "namespace": "default"},
			"spec":       spec,
		}}
		err := kube.Client.Create(context.Background(), obj)
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("%s: the API server refused: %v", c.reason, err)
		case c.refused != "" && err == nil:
			t.Errorf("%s: the API server accepted it", c.reason)
		case c.refused != "" && !strings.Contains(err.Error(), c.refused):
			t.Errorf("%s: refused with %v, want %q", c.reason, err, c.refused)
		}
	}
}
