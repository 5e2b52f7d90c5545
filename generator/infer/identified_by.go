package infer

import (
	"fmt"
	"maps"
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// identifiedBy are the input members generator.yaml's identifiedBy adds to
// the identifiers, in name order, leaving out those inference found.
func identifiedBy(w *work) []string {
	if w.rc == nil {
		return nil
	}
	var ids []string
	for _, member := range slices.Sorted(maps.Keys(w.rc.IdentifiedBy)) {
		if !slices.Contains(w.ids, member) {
			ids = append(ids, member)
		}
	}
	return ids
}

// heldBy ties an identifier named in identifiedBy to its field; nil for
// any other identifier, or a field that does not exist (which
// inferIdentifiers then reports).
func heldBy(w *work, id string) *model.Identifier {
	if w.rc == nil || w.rc.IdentifiedBy[id] == "" {
		return nil
	}
	field := w.rc.IdentifiedBy[id]
	for _, group := range [][]*model.Field{w.r.Spec, w.r.Status} {
		for _, f := range group {
			if f.Member == field {
				return &model.Identifier{Member: id, Field: field, Status: f.Class == model.ClassStatus,
					Reason: fmt.Sprintf("the %s field %s, as identifiedBy in generator.yaml says", f.Class, field)}
			}
		}
	}
	return nil
}
