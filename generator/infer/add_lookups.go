package infer

import (
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addLookups ties generator.yaml's lookup to its operation. A kind whose
// status identifier a spec field gives through one call (SQS's
// GetQueueUrl by QueueName) is read by spec fields after all: its
// identifier is no longer one only AWS knows, so a lost create is found
// by reading, and adoption-fields can name it.
func addLookups(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || w.rc == nil || w.rc.Lookup == nil {
			continue
		}
		if l := st.lookupOperation(w, w.rc.Lookup, w.at.At("lookup")); l != nil {
			w.r.Lookup = l
			w.r.AssignedIdentifier = false
			w.decide("assigned identifier", "none", "%s", l.Reason)
		}
	}
	return nil
}

func (st *state) lookupOperation(w *work, lc *config.Lookup, at config.Key) *model.Lookup {
	r := w.r
	if !r.AssignedIdentifier {
		st.errorf(at, "%s is read by spec fields already; lookup is for resources whose identifier AWS assigns", r.Kind)
		return nil
	}
	op, err := st.namedPlainOperation("lookup", lc.Operation)
	if err != nil {
		st.errorf(at.At("operation"), "%v", err)
		return nil
	}
	for _, mem := range op.Input {
		f := specFieldByMember(r, mem.Name)
		if mem.Required && (f == nil || !scalar(f.Type) || !compatibleKinds(f.Type, mem.Type)) {
			st.errorf(at.At("operation"), "%s requires %s, which no scalar spec field of %s holds", op.Name, mem.Name, r.Kind)
			return nil
		}
	}
	out := st.svc.Structs[op.Output]
	l := &model.Lookup{Op: op, Reason: "lookup in generator.yaml: " + op.Name + " finds the identifier AWS assigned from the spec, so a lost create is found by reading"}
	if lc.Because != "" {
		l.Reason += "; " + lc.Because
	}
	for _, id := range r.Identifiers {
		if !id.Status || id.ARN {
			continue
		}
		if out == nil || out.FieldByMember(id.Field) == nil {
			st.errorf(at.At("operation"), "%s returns no %s to fill status.%s from", op.Name, id.Field, fieldByMember(r, id.Field).JSONName)
			return nil
		}
		l.Sets = append(l.Sets, &model.FinderSet{Field: id.Field, Element: id.Field})
	}
	if len(l.Sets) == 0 {
		st.errorf(at, "%s has no status identifier other than its ARN for %s to fill", r.Kind, op.Name)
		return nil
	}
	return l
}

// specFieldByMember finds a top-level spec field; nil when there is none.
func specFieldByMember(r *model.Resource, member string) *model.Field {
	for _, f := range r.Spec {
		if f.Member == member {
			return f
		}
	}
	return nil
}
