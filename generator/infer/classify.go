package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// classify splits a resource's fields into spec and status and decides,
// for each spec field, whether it can be observed and updated:
//   - spec is the create input;
//   - status is every member of the read output that spec lacks;
//   - a spec field in no update input (other than as an identifier) is
//     create-only.
func classify(t *typer, r *model.Resource, rc *config.Resource, cfg *config.File) error {
	at := "resources." + r.Kind
	out := t.structs[r.Read.Output]
	for member := range rc.Fields {
		if inputMember(r.Create, member) == nil && out.FieldByMember(member) == nil {
			var known []string
			for _, m := range r.Create.Input {
				known = append(known, m.Name)
			}
			for _, f := range out.Fields {
				known = append(known, f.Member)
			}
			return cfg.Errorf(at+".fields."+member, "%s has no field %q in %s input or %s output%s", r.Kind, member, r.Create.Name, r.Read.Name, config.DidYouMean(member, known))
		}
	}
	ids := identifiers(r)
	for _, mem := range r.Create.Input {
		fc := rc.Fields[mem.Name]
		if fc != nil && fc.Ignore {
			continue
		}
		f := &model.Field{
			Member:   mem.Name,
			SDKName:  mem.GoName,
			GoName:   names.Go(mem.Name),
			JSONName: names.JSON(mem.Name),
			Type:     mem.Type,
			Required: mem.Required,
			Class:    "spec",
		}
		if sf := out.FieldByMember(mem.Name); sf != nil {
			f.Doc, f.Validation = sf.Doc, sf.Validation
		}
		if d := t.inputDoc(r.Create.Name, mem.Name); d != nil {
			f.Doc, f.Validation = d.Doc, d.Validation
		}
		if fc != nil && fc.ObservedAt != "" {
			path := strings.Split(fc.ObservedAt, ".")
			if err := checkPath(t, out, path); err != nil {
				return cfg.Errorf(at+".fields."+mem.Name+".observedAt", "%v", err)
			}
			f.ObservedPath = path
		} else if sf := out.FieldByMember(mem.Name); sf != nil && compatibleKinds(f.Type, sf.Type) {
			f.ObservedPath = []string{mem.Name}
		}
		reason := fmt.Sprintf("in %s input", r.Create.Name)
		switch {
		case r.Update == nil:
			f.CreateOnly = true
			reason += "; the resource has no update operation"
		case ids[mem.Name]:
			f.CreateOnly = true
			reason += fmt.Sprintf("; identifies the resource in %s", r.Read.Name)
		case inputMember(r.Update, mem.Name) == nil:
			f.CreateOnly = true
			reason += fmt.Sprintf(", absent from %s input", r.Update.Name)
		default:
			f.Updatable = true
			reason += fmt.Sprintf(" and %s input", r.Update.Name)
		}
		if f.CreateOnly {
			f.Class = "create-only"
		}
		if f.ObservedPath == nil {
			reason += fmt.Sprintf("; not returned by %s, so drift is not detected", r.Read.Name)
		}
		f.Reason = reason
		r.Spec = append(r.Spec, f)
	}
	for _, sf := range out.Fields {
		fc := rc.Fields[sf.Member]
		if inputMember(r.Create, sf.Member) != nil || (fc != nil && fc.Ignore) {
			continue
		}
		if isARN(r.Kind, sf) && r.ARNMember == "" {
			r.ARNMember = sf.Member
			continue
		}
		f := *sf
		f.Class = "status"
		f.Required = false
		f.Validation = model.Validation{}
		f.Reason = fmt.Sprintf("in %s output only", r.Read.Name)
		r.Status = append(r.Status, &f)
	}
	if p := rc.Pending; p != nil {
		if !slices.ContainsFunc(r.Status, func(f *model.Field) bool { return f.Member == p.Field }) {
			return cfg.Errorf(at+".pending.field", "pending field %q is not a status field of %s", p.Field, r.Kind)
		}
		r.Pending = &model.Pending{Field: p.Field, Values: p.Values}
	}
	for i, c := range rc.Columns {
		col, err := column(r, c)
		if err != nil {
			return cfg.Errorf(fmt.Sprintf("%s.columns", at), "column %d: %v", i+1, err)
		}
		r.Columns = append(r.Columns, col)
	}
	return nil
}

// inputDoc is the documentation and validation a create input member
// carries itself, preferred to the read output's.
func (t *typer) inputDoc(op, member string) *model.Field {
	s, ok := t.m.Shape(t.opInput(op))
	if !ok {
		return nil
	}
	mem := s.MemberByName(member)
	if mem == nil {
		return nil
	}
	f, err := t.field(s, mem)
	if err != nil {
		return nil
	}
	return f
}

// identifiers are the members required by the read input: they name the
// resource, so they can never be updated.
func identifiers(r *model.Resource) map[string]bool {
	ids := map[string]bool{}
	for _, m := range r.Read.Input {
		if m.Required {
			ids[m.Name] = true
		}
	}
	return ids
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

func isARN(kind string, f *model.Field) bool {
	return f.Type.Kind == model.String && (f.Member == kind+"Arn" || f.Member == kind+"ARN" || f.Member == "Arn" || f.Member == "ARN")
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

// checkPath verifies a dotted member path through the read output.
func checkPath(t *typer, s *model.Struct, path []string) error {
	for i, p := range path {
		f := s.FieldByMember(p)
		if f == nil {
			var known []string
			for _, f := range s.Fields {
				known = append(known, f.Member)
			}
			return fmt.Errorf("%s has no member %q%s", s.Shape, p, config.DidYouMean(p, known))
		}
		if i == len(path)-1 {
			return nil
		}
		if f.Type.Kind != model.Structure {
			return fmt.Errorf("%s.%s is not a structure, so the path cannot go on", s.Shape, p)
		}
		s = t.structs[f.Type.Shape]
	}
	return nil
}

func column(r *model.Resource, c config.Column) (model.Column, error) {
	for _, group := range []struct {
		prefix string
		fields []*model.Field
	}{{".spec.", r.Spec}, {".status.", r.Status}} {
		for _, f := range group.fields {
			if f.Member == c.Field {
				typ := "string"
				switch f.Type.Kind {
				case model.Int, model.IntEnum:
					typ = "integer"
				case model.Bool:
					typ = "boolean"
				case model.Time:
					typ = "date"
				}
				return model.Column{Name: c.Name, Type: typ, JSONPath: group.prefix + f.JSONName, Priority: c.Priority}, nil
			}
		}
	}
	return model.Column{}, fmt.Errorf("%s has no field %q", r.Kind, c.Field)
}
