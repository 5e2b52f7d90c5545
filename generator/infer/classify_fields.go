package infer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// classifyFields splits a resource's fields into spec and status and
// decides, for each spec field, whether it can be observed and updated:
//   - spec is the create input, less idempotency tokens;
//   - a spec field that identifies the resource, or that no update input
//     has, is create-only;
//   - a @sensitive string in spec is a secret, read from a Secret;
//   - status is every member of the read output that spec lacks, then
//     every member of the create output that neither has: a field only an
//     output holds is never dropped.
//
// The read output member holding the resource's ARN becomes ARNMember
// instead of a status field.
func classifyFields(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		st.classifySpec(w)
		st.classifyStatus(w)
	}
	return nil
}

func (st *state) classifySpec(w *work) {
	r := w.r
	out := st.svc.Structs[r.Read.Output]
	for _, mem := range r.Create.Input {
		f := &model.Field{
			Member:   mem.Name,
			SDKName:  mem.GoName,
			GoName:   names.Go(mem.Name),
			JSONName: names.JSON(mem.Name),
			Type:     mem.Type,
			Required: mem.Required,
			Class:    model.ClassSpec,
		}
		if sf := out.FieldByMember(mem.Name); sf != nil {
			f.Doc, f.Validation = sf.Doc, sf.Validation
		}
		if d := st.inputField(w, mem.Name); d != nil {
			f.Doc, f.Validation, f.Secret = d.Doc, d.Validation, d.Secret
		}
		if at := w.rc.Fields[mem.Name]; at != nil && at.ObservedAt != "" {
			path, each, err := st.observedAt(out, f, at.ObservedAt)
			if err != nil {
				st.errorf(w.at.At("fields", mem.Name, "observedAt"), "%v", err)
			}
			f.ObservedPath, f.ObservedEach = path, each
		} else if sf := out.FieldByMember(mem.Name); sf != nil && compatibleKinds(f.Type, sf.Type) {
			f.ObservedPath = []string{mem.Name}
		} else if path := st.summaryPath(out, mem.Name, f.Type); path != nil {
			f.ObservedPath, f.ObservedOptional = path, true
		}
		reason := fmt.Sprintf("in %s input", r.Create.Name)
		updatedAs := ""
		if at := w.rc.Fields[mem.Name]; at != nil {
			updatedAs = at.UpdatedAs
		}
		switch {
		case r.Update == nil:
			f.CreateOnly = true
			reason += "; the resource has no update operation"
			if updatedAs != "" {
				st.errorf(w.at.At("fields", mem.Name, "updatedAs"), "%s has no update operation to change %s with", r.Kind, mem.Name)
			}
		case slices.Contains(w.ids, mem.Name):
			f.CreateOnly = true
			reason += fmt.Sprintf("; identifies the resource in %s", r.Read.Name)
		case updatedAs != "":
			u, err := st.elementUpdates(r.Update, f, updatedAs)
			if err != nil {
				st.errorf(w.at.At("fields", mem.Name, "updatedAs"), "%v", err)
				break
			}
			f.Updatable, f.UpdatedBy = true, u
			reason += fmt.Sprintf("; changed by %s.%s, one %s action per element, found by %s", r.Update.Name, u.Member, strings.Join(actionNames(u), "/"), u.Key)
		case addRemove(r.Update, f) != nil:
			f.Updatable, f.AddRemove = true, addRemove(r.Update, f)
			reason += fmt.Sprintf("; changed by %s's %s and %s, the elements added and removed", r.Update.Name, f.AddRemove.Add, f.AddRemove.Remove)
		case inputMember(r.Update, mem.Name) == nil:
			f.CreateOnly = true
			reason += fmt.Sprintf(", absent from %s input", r.Update.Name)
		case r.Update.Name == r.Create.Name:
			f.Updatable = true
			reason += ", which also replaces the resource"
		default:
			f.Updatable = true
			reason += fmt.Sprintf(" and %s input", r.Update.Name)
		}
		if f.CreateOnly {
			f.Class = model.ClassCreateOnly
		}
		if f.Secret {
			f.Class = model.ClassSecret
			reason += "; " + sensitiveNote
		}
		switch {
		case f.ObservedPath == nil:
			reason += fmt.Sprintf("; not returned by %s, so drift is not detected", r.Read.Name)
		case f.ObservedOptional:
			reason += fmt.Sprintf("; %s reports it as %s, when AWS includes it", r.Read.Name, strings.Join(f.ObservedPath, "."))
		case f.ObservedEach != nil:
			reason += fmt.Sprintf("; %s reports it as %s", r.Read.Name, f.ObservedAtText())
		}
		f.Reason = reason
		r.Spec = append(r.Spec, f)
	}
	st.addListOfFields(w)
	for _, s := range r.Create.Skipped {
		r.Skipped = append(r.Skipped, model.Skipped{Member: s.Member, Reason: fmt.Sprintf("in %s input: %s", r.Create.Name, s.Reason)})
	}
}

// sensitiveNote explains a secret spec field.
const sensitiveNote = "@sensitive, so it is read from a Secret"

func (st *state) classifyStatus(w *work) {
	r := w.r
	inSpec := func(member string) bool { return inputMember(r.Create, member) != nil }
	add := func(s *model.Struct, op, reason string, read bool) {
		arn, byWord := arnOf(w.c, s), false
		if arn == nil {
			arn, byWord = lastWordARN(w.c, s), true
		}
		for _, sf := range s.Fields {
			if inSpec(sf.Member) || slices.ContainsFunc(r.Status, func(f *model.Field) bool { return f.Member == sf.Member }) {
				continue
			}
			if !read && r.ARNMember != "" && strings.EqualFold(sf.Member, r.ARNMember) {
				continue // the ARN, which status.ackResourceMetadata holds
			}
			if read && r.ARNMember == "" && sf == arn {
				r.ARNMember = sf.Member
				w.decide("arn", sf.Member, "%s output member %s holds the ARN; it goes to status.ackResourceMetadata.arn", r.Read.Name, sf.Member)
				if !byWord {
					continue
				}
			}
			f := *sf
			f.Class = model.ClassStatus
			f.Required = false
			f.Validation = model.Validation{}
			f.Reason = reason
			if f.Secret {
				f.Reason += "; @sensitive, so its value must not be copied into the status"
			}
			r.Status = append(r.Status, &f)
		}
		for _, s := range s.Skipped {
			r.Skipped = append(r.Skipped, model.Skipped{Member: s.Member, Reason: fmt.Sprintf("in %s output: %s", op, s.Reason)})
		}
	}
	add(st.svc.Structs[r.Read.Output], r.Read.Name, fmt.Sprintf("in %s output only", r.Read.Name), true)
	if o := r.Create.Output; o != "" && o != r.Read.Output {
		add(st.svc.Structs[o], r.Create.Name, fmt.Sprintf("in %s output only; set at create", r.Create.Name), false)
	}
}

// inputField is the field a create input member makes on its own, with the
// documentation, validation and sensitivity the member carries, preferred
// to the read output's.
func (st *state) inputField(w *work, member string) *model.Field {
	if w.createIn == nil {
		return nil
	}
	mem := w.createIn.MemberByName(member)
	if mem == nil {
		return nil
	}
	f, err := st.typer.field(w.createIn, mem)
	if err != nil {
		return nil
	}
	return f
}

func inputMember(op *model.Operation, name string) *model.Member {
	if op == nil {
		return nil
	}
	for _, m := range op.Input {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// isARN reports whether a read output field holds the resource's ARN:
// a string named Arn, <Name>Arn or <Kind>Arn, any case.
// arnOf is the member of s holding the resource's ARN: one named after the
// resource (LogGroupArn) before a plain Arn, which DescribeLogGroups
// returns with a ":*" suffix that tag operations refuse.
func arnOf(c *Candidate, s *model.Struct) *model.Field {
	var plain *model.Field
	for _, f := range s.Fields {
		switch {
		case !isARN(c, f):
		case strings.EqualFold(f.Member, "Arn"):
			plain = cmp.Or(plain, f)
		default:
			return f
		}
	}
	return plain
}

func isARN(c *Candidate, f *model.Field) bool {
	if f.Type.Kind != model.String {
		return false
	}
	for _, n := range []string{"Arn", c.Name + "Arn", c.Kind + "Arn"} {
		if strings.EqualFold(f.Member, n) {
			return true
		}
	}
	return false
}

// compatibleKinds reports whether a read output member can stand for a
// spec field of the same name.
func compatibleKinds(a, b *model.Type) bool {
	norm := func(k model.Kind) model.Kind {
		if k == model.Enum {
			return model.String
		}
		return k
	}
	if norm(a.Kind) != norm(b.Kind) {
		return false
	}
	if a.Kind == model.List || a.Kind == model.Map {
		return compatibleKinds(a.Elem, b.Elem)
	}
	return true
}

// checkPath verifies a member path through a structure.
func (st *state) checkPath(s *model.Struct, path []string) error {
	_, err := st.walkPath(s, path)
	return err
}

// walkPath follows a member path through structures to its last field.
func (st *state) walkPath(s *model.Struct, path []string) (*model.Field, error) {
	for i, p := range path {
		f := s.FieldByMember(p)
		if f == nil {
			var known []string
			for _, f := range s.Fields {
				known = append(known, f.Member)
			}
			return nil, fmt.Errorf("%s has no member %q%s", s.Shape, p, config.DidYouMean(p, known))
		}
		if i == len(path)-1 {
			return f, nil
		}
		if f.Type.Kind != model.Structure {
			return nil, fmt.Errorf("%s.%s is not a structure, so the path cannot go on", s.Shape, p)
		}
		s = st.svc.Structs[f.Type.Shape]
	}
	return nil, fmt.Errorf("empty path")
}
