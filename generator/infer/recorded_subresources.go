package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// A whole-input put with no get can take over a create-only field that
// no read returns: Lambda's CreateFunction takes Code, which
// UpdateFunctionCode changes later (its input holds Code's members flat,
// beside FunctionName) and GetFunction never reports. The field keeps the
// create's type, the put sends the value's members by name, and since
// AWS cannot tell what it has, the runtime records the value last
// applied: a spec that moves away from the record sends the put once,
// and a resync costs no call.

// recordsTakenOver reports whether the sub-resource takes f over without
// any read of it, so that only the record of what was applied tells a
// change.
func recordsTakenOver(f *model.Field, sc *config.SubResource) bool {
	return sc.WholeInput && sc.Get == "" && sc.ObservedAt == "" && sc.List == "" && sc.Key == "" &&
		f.ObservedPath == nil && f.Type.Kind == model.Structure
}

// recordedValue makes the taken field the sub-resource's value, of the
// create's type, and marks its last applied value recorded.
func recordedValue(sr *model.SubResource, taken *model.Field) (*model.Field, string) {
	sr.Recorded = true
	value := *taken
	value.LastApplied, value.CreateOnly = true, false
	return &value, fmt.Sprintf("; no read returns it, so the value last applied is recorded, and %s sends it when the spec moves away from it", sr.Put.Name)
}
