package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/model"
)

// markLastApplied marks the spec fields whose value AWS does not report
// back, or not always: the runtime records what it last applied, so that
// a change to such a field is sent (or, for a create-only field, refused)
// instead of going unnoticed. Secrets, sub-resources and tags with their
// own operations are left out: their own code decides when to send them.
func markLastApplied(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		r := w.r
		for _, f := range r.Spec {
			if !needsRecord(r, f) {
				continue
			}
			f.LastApplied = true
			if f.CreateOnly {
				f.Reason += "; the value given at create is recorded, and a change refused"
			} else {
				f.Reason += fmt.Sprintf("; the value last applied is recorded, and %s sends it when the spec moves away from it", r.Update.Name)
			}
		}
	}
	return nil
}

func needsRecord(r *model.Resource, f *model.Field) bool {
	switch {
	case f.Secret || f.SubResource != nil || f.CompareIgnore || isOwnTags(r, f):
		return false
	case !f.CreateOnly && !f.Updatable:
		return false
	}
	return f.ObservedPath == nil || f.ObservedOptional
}

// isOwnTags reports whether f holds tags that the tag operations change.
func isOwnTags(r *model.Resource, f *model.Field) bool {
	return r.Tags != nil && r.Tags.API != nil && len(r.Tags.Path) > 0 && r.Tags.Path[0] == f.Member
}
