package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// applyFieldOptions applies the remaining field options of generator.yaml:
// primaryKey, required, immutable, compareIgnore, nilEqualsZero, listOrder,
// lateInitialize, secret, reference, column and because. Each is checked
// against what the field is: a status field cannot be required, a field
// no update takes cannot be made mutable, a field the read does not return
// cannot be late-initialized.
func applyFieldOptions(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		f, r := ref.field, w.r
		status := f.Class == model.ClassStatus
		topOnly := func(option string) bool {
			if ref.nested() {
				st.errorf(at.At(option), "%s applies to top-level fields only", option)
			}
			return !ref.nested()
		}
		specOnly := func(option string) bool {
			if status {
				st.errorf(at.At(option), "%s is a status field, which %s does not apply to", f.Member, option)
			}
			return !status
		}
		if fc.PrimaryKey && topOnly("primaryKey") {
			for _, g := range append(append([]*model.Field{}, r.Spec...), r.Status...) {
				g.PrimaryKey = false
			}
			f.PrimaryKey = true
			w.r.Decisions = slices.DeleteFunc(w.r.Decisions, func(d model.Decision) bool { return d.Subject == "primary key" })
			w.decide("primary key", f.Member, "primaryKey in generator.yaml")
		}
		if fc.Required != nil && specOnly("required") {
			f.Required = *fc.Required
		}
		if fc.Immutable != nil && specOnly("immutable") {
			switch {
			case !*fc.Immutable && !f.Updatable && f.SubResource == nil && !ref.nested():
				st.errorf(at.At("immutable"), "%s cannot change after create: no update operation of %s takes it", f.Member, r.Kind)
			default:
				f.CreateOnly = *fc.Immutable
				f.Reason += fmt.Sprintf("; immutable: %t in generator.yaml", *fc.Immutable)
			}
		}
		if fc.UpdatedAs != "" {
			specOnly("updatedAs") // classify_fields applied it to a spec field
		}
		if len(fc.SendWith) > 0 && topOnly("sendWith") && specOnly("sendWith") {
			for _, name := range fc.SendWith {
				g := fieldByMember(r, name)
				if g == nil || g.Class == model.ClassStatus {
					st.errorf(at.At("sendWith"), "%s has no spec field %q%s", r.Kind, name, config.DidYouMean(name, specMembers(r)))
					continue
				}
				f.SendWith = append(f.SendWith, g.JSONName)
			}
			if !f.Updatable {
				st.errorf(at.At("sendWith"), "%s is not in any update input, so no update can carry it", f.Member)
			}
			f.Reason += fmt.Sprintf("; sent with every update of %s", strings.Join(fc.SendWith, ", "))
		}
		if fc.CompareIgnore {
			f.CompareIgnore = true
		}
		if fc.NilEqualsZero {
			f.NilEqualsZero = true
		}
		if fc.ListOrder != "" {
			st.setListOrder(f, fc.ListOrder, at.At("listOrder"))
		}
		if fc.LateInitialize && topOnly("lateInitialize") && specOnly("lateInitialize") {
			if f.ObservedPath == nil && (f.SubResource == nil || f.SubResource.Get == nil) {
				st.errorf(at.At("lateInitialize"), "%s is not returned by %s, so there is no value of AWS's to copy", f.Member, r.Read.Name)
			}
			f.LateInitialize = true
		}
		if fc.Secret != nil && specOnly("secret") {
			if *fc.Secret && f.Type.Kind != model.String {
				st.errorf(at.At("secret"), "%s is not a string, so it cannot come from a Secret", f.Member)
			}
			if f.Secret != *fc.Secret {
				f.Reason = strings.Replace(f.Reason, sensitiveNote, "@sensitive", 1)
				f.Reason += fmt.Sprintf("; secret: %t in generator.yaml", *fc.Secret)
			}
			f.Secret = *fc.Secret
		}
		if fc.Reference != nil && specOnly("reference") && st.referenceAllowed(w, ref, at.At("reference")) {
			f.Reference = st.reference(fc.Reference, f, at.At("reference"))
		}
		if fc.Column != nil {
			topOnly("column")
		}
		if fc.Because != "" {
			f.Because = fc.Because
		}
		if !ref.nested() {
			f.Class = classOf(f)
		}
	})
	for _, w := range st.work {
		st.columns(w)
	}
	return nil
}

// setListOrder replaces the list order infer_list_order chose for f.
func (st *state) setListOrder(f *model.Field, order string, at config.Key) {
	if f.Type.Kind != model.List {
		st.errorf(at, "%s is not a list, so it has no order to compare", f.Member)
		return
	}
	f.Type.Unique = order == "set"
	f.Reason += fmt.Sprintf("; listOrder: %s in generator.yaml", order)
}

// classOf is a field's class after the options: a secret, else create-only,
// else spec; status stays status.
func classOf(f *model.Field) string {
	switch {
	case f.Class == model.ClassStatus:
		return f.Class
	case f.Secret:
		return model.ClassSecret
	case f.CreateOnly:
		return model.ClassCreateOnly
	}
	return model.ClassSpec
}

// referenceAllowed checks where a reference is: on a top-level spec field,
// or on a member of structures and list elements below one, at any depth
// (Routes.GatewayId, IngressRules.UserIdGroupPairs.GroupId): the runtime
// resolves it in every element that sets it.
func (st *state) referenceAllowed(w *work, ref fieldRef, at config.Key) bool {
	if !ref.nested() {
		return true
	}
	top := fieldByMember(w.r, ref.path[0])
	f := top
	for _, p := range ref.path[1:] {
		t := f.Type
		if t.Kind == model.List {
			t = t.Elem
		}
		if t.Kind != model.Structure {
			st.errorf(at, "a reference goes on a top-level field or on a member of structures and list elements below one, not on %s", strings.Join(ref.path, "."))
			return false
		}
		f = st.svc.Structs[t.Shape].FieldByMember(p)
	}
	if top.Class == model.ClassStatus {
		st.errorf(at, "%s is a status field, which reference does not apply to", top.Member)
		return false
	}
	return true
}

// reference resolves a field's reference to another kind. A kind of this
// service must be one inference knows, or one whose Create<Kind> the
// model has, compared without case, so that a kind not generated yet can
// be named in the incumbent's spelling (NATGateway, by CreateNatGateway);
// another service's is taken as written.
func (st *state) reference(rc *config.Reference, f *model.Field, at config.Key) *model.Reference {
	t := f.Type
	if t.Kind == model.List {
		t = t.Elem
	}
	if t.Kind != model.String {
		st.errorf(at, "%s is not a string or list of strings, so it cannot refer to a %s", f.Member, rc.Kind)
		return nil
	}
	ref := &model.Reference{Service: rc.Service, Kind: rc.Kind, Plural: names.Plural(rc.Kind), Path: firstNonEmpty(rc.Path, ".status.ackResourceMetadata.arn")}
	service := firstNonEmpty(rc.Service, st.name)
	ref.Group = service + ".services.k8s.aws"
	if rc.Service == "" || rc.Service == st.name {
		ref.Service = ""
		var kinds []string
		for _, c := range st.candidates {
			if c.Kind == rc.Kind && c.Complete() {
				return ref
			}
			kinds = append(kinds, c.Kind)
		}
		for op := range st.ops {
			if strings.EqualFold(op, "Create"+rc.Kind) {
				return ref
			}
		}
		st.errorf(at.At("kind"), "%s has no kind %s to refer to%s", st.name, rc.Kind, config.DidYouMean(rc.Kind, kinds))
	}
	return ref
}

// columns adds the printer columns fields: entries ask for, in field order.
func (st *state) columns(w *work) {
	for _, group := range []struct {
		prefix string
		fields []*model.Field
	}{{".spec.", w.r.Spec}, {".status.", w.r.Status}} {
		for _, f := range group.fields {
			fc := w.rc.Fields[f.Member]
			if fc == nil || fc.Column == nil {
				continue
			}
			typ := "string"
			switch f.Type.Kind {
			case model.Int, model.IntEnum:
				typ = "integer"
			case model.Bool:
				typ = "boolean"
			case model.Time:
				typ = "date"
			}
			w.r.Columns = append(w.r.Columns, model.Column{
				Name:     firstNonEmpty(fc.Column.Name, strings.ToUpper(strings.Join(names.Words(f.JSONName), "-"))),
				Type:     typ,
				JSONPath: group.prefix + f.JSONName,
				Priority: fc.Column.Priority,
			})
		}
	}
}

// specMembers lists the member names of a resource's spec fields.
func specMembers(r *model.Resource) []string {
	var out []string
	for _, f := range r.Spec {
		out = append(out, f.Member)
	}
	return out
}
