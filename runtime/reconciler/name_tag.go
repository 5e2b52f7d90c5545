package reconciler

import (
	"context"
	"maps"
	"slices"
	"strings"

	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// withNameTag tells generated code which default tag names obj: the
// first, by key, whose value template holds the object's name. Without
// one ctx is returned unchanged.
func withNameTag(ctx context.Context, templates map[string]string, obj client.Object, service, version string) context.Context {
	for _, k := range slices.Sorted(maps.Keys(templates)) {
		if !strings.Contains(templates[k], placeholderName) {
			continue
		}
		for key, value := range ExpandTags(map[string]string{k: templates[k]}, obj, service, version) {
			return managed.WithNameTag(ctx, key, value)
		}
	}
	return ctx
}
