package emit

import (
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// withoutBytesTransition drops the create-only CEL rule of a field whose
// value holds bytes (a Lambda function's code.zipFile). The API server
// fails to convert such a value for CEL once its base64 holds a '/' or
// '+', and then refuses every later write of the object, status included.
// The runtime still refuses a change: the value given at create is
// recorded.
func (g *Gen) withoutBytesTransition(f *model.Field, markers []string) []string {
	if !g.holdsBytes(f.Type, map[string]bool{}) {
		return markers
	}
	return slices.DeleteFunc(markers, func(m string) bool { return strings.Contains(m, "oldSelf") })
}

// holdsBytes reports whether a value of type t has bytes anywhere in it;
// seen guards against recursive shapes.
func (g *Gen) holdsBytes(t *model.Type, seen map[string]bool) bool {
	switch t.Kind {
	case model.Bytes:
		return true
	case model.List, model.Map:
		return t.Elem != nil && g.holdsBytes(t.Elem, seen)
	case model.Structure:
		if seen[t.Shape] {
			return false
		}
		seen[t.Shape] = true
		s := g.svc.Structs[t.Shape]
		if s == nil {
			return false
		}
		return slices.ContainsFunc(s.Fields, func(f *model.Field) bool { return g.holdsBytes(f.Type, seen) })
	}
	return false
}
