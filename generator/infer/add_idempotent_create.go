package infer

import (
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// addIdempotentCreate marks the kinds whose generator.yaml says the
// create is idempotent by its input (SNS's CreateTopic by name): a create
// whose answer was lost is sent again, which returns what the first made,
// instead of asking a person.
func addIdempotentCreate(st *state) error {
	for _, w := range st.work {
		ic := w.rc.IdempotentCreate
		switch {
		case !w.resolved() || ic == nil:
		case !w.r.AssignedIdentifier:
			st.errorf(w.at.At("idempotentCreate"), "%s is read by spec fields, so a lost create is found by reading it; idempotentCreate is for resources whose identifier AWS assigns", w.r.Kind)
		case w.rc.FindCreated != nil:
			st.errorf(w.at.At("idempotentCreate"), "%s has findCreated too; a lost create is settled one way", w.r.Kind)
		default:
			w.r.IdempotentCreate = true
			// The finders' stage said a person decides; this replaces it.
			w.r.Decisions = slices.DeleteFunc(w.r.Decisions, func(d model.Decision) bool { return d.Subject == "find created" })
			w.decide("find created", "create again", "%s sent again with the same input returns what a lost create made (idempotentCreate in generator.yaml): %s", w.r.Create.Name, ic.Because)
		}
	}
	return nil
}
