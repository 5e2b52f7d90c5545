package infer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// inferPending sets the status values that mean AWS is still working on
// the resource, so the controller requeues instead of calling it synced:
// generator.yaml's pending, else the values ending in -ING or IN_PROGRESS
// (CREATING, UPDATE_IN_PROGRESS) of an enum status field named Status or
// <Resource>Status.
func inferPending(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		if p := w.rc.Pending; p != nil {
			st.configuredPending(w, p, w.at.At("pending"))
			continue
		}
		for _, name := range []string{w.c.Name + "Status", w.c.Kind + "Status", "Status"} {
			f := statusFieldFold(w.r, name)
			if f == nil || f.Type.Kind != model.Enum {
				continue
			}
			var values []string
			for _, v := range st.enumValues(w, f) {
				if working(v) {
					values = append(values, v)
				}
			}
			if len(values) == 0 {
				continue
			}
			reason := fmt.Sprintf("the values of %s that say AWS is working (-ING, IN_PROGRESS)", f.Member)
			w.r.Pending = &model.Pending{Field: f.Member, Values: values, Reason: reason}
			w.decide("pending", fmt.Sprintf("%s in %s", f.Member, strings.Join(values, ", ")), "%s", reason)
			break
		}
	}
	return nil
}

func (st *state) configuredPending(w *work, p *config.Pending, at config.Key) {
	f := statusField(w.r, p.Field)
	if f == nil {
		var known []string
		for _, f := range w.r.Status {
			known = append(known, f.Member)
		}
		st.errorf(at.At("field"), "pending field %q is not a status field of %s%s", p.Field, w.r.Kind, config.DidYouMean(p.Field, known))
		return
	}
	if enum := st.enumValues(w, f); len(enum) > 0 {
		for i, v := range p.Values {
			if !slices.Contains(enum, v) {
				st.errorf(at.At("values", strconv.Itoa(i)), "%s has no value %q%s", f.Member, v, config.DidYouMean(v, enum))
			}
		}
	}
	reason := "pending in generator.yaml"
	if p.Because != "" {
		reason += ": " + p.Because
	}
	w.r.Pending = &model.Pending{Field: p.Field, Values: p.Values, Reason: reason}
	w.decide("pending", fmt.Sprintf("%s in %s", p.Field, strings.Join(p.Values, ", ")), "%s", reason)
}

func statusField(r *model.Resource, member string) *model.Field {
	for _, f := range r.Status {
		if f.Member == member {
			return f
		}
	}
	return nil
}

// enumValues are the values of an enum status field, which status fields
// do not carry as validation: they come from the output shapes.
func (st *state) enumValues(w *work, f *model.Field) []string {
	for _, shape := range []string{w.r.Read.Output, w.r.Create.Output} {
		if s := st.svc.Structs[shape]; s != nil {
			if sf := s.FieldByMember(f.Member); sf != nil {
				return sf.Validation.Enum
			}
		}
	}
	return nil
}

// statusFieldFold finds a status field by member name in any case, as
// REST-JSON models write "status".
func statusFieldFold(r *model.Resource, member string) *model.Field {
	for _, f := range r.Status {
		if strings.EqualFold(f.Member, member) {
			return f
		}
	}
	return nil
}

// working reports whether a status value says AWS is still at work.
func working(v string) bool {
	v = strings.ToUpper(v)
	return strings.HasSuffix(v, "ING") || strings.HasSuffix(v, "IN_PROGRESS") || strings.HasSuffix(v, "INPROGRESS")
}
