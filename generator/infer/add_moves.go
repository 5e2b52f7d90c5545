package infer

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addMoves makes the status lists generator.yaml declares under moves:
// spec fields. Each element names another resource that always belongs to
// exactly one resource of this kind (a subnet to one network ACL): the
// read returns the list with the resource, so drift costs no call; one
// call moves an element here from wherever it is, and back to its home
// (the VPC's default ACL) when the spec drops it or the resource goes.
func addMoves(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Moves) {
			at := w.at.At("moves", name)
			if err := st.move(w, name, w.rc.Moves[name], at); err != nil {
				st.errorf(at, "move %s: %v", name, err)
			}
		}
	}
	return nil
}

func (st *state) move(w *work, name string, c *config.Move, at config.Key) error {
	i := slices.IndexFunc(w.r.Status, func(f *model.Field) bool { return f.Member == name })
	if i < 0 || !w.r.Read.Many {
		return fmt.Errorf("%s lists no resources, or its output has no member %s", w.r.Read.Name, name)
	}
	f := w.r.Status[i]
	if f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
		return fmt.Errorf("%s is a %s, not a list of structures", name, model.TypeString(f.Type))
	}
	elem := st.svc.Structs[f.Type.Elem.Shape]
	mv := &model.Move{Member: c.Member, Find: c.Find, Home: map[string]string{}, HomeFrom: map[string]string{}}
	for _, e := range elem.Fields {
		if e.Type.Kind == model.String && strings.HasSuffix(e.Member, "AssociationId") {
			mv.AssociationMember = e.Member
		}
	}
	if v := elem.FieldByMember(c.Member); v == nil || v.Type.Kind != model.String || mv.AssociationMember == "" {
		return fmt.Errorf("%s lists %s, which has no string members %s and …AssociationId", name, elem.Shape, c.Member)
	}
	shape := st.ops[c.Replace]
	if shape == nil {
		return fmt.Errorf("replace operation %q is not in the model%s", c.Replace, config.DidYouMean(c.Replace, keys(st.ops)))
	}
	var err error
	if mv.Replace, err = st.plainOperation(shape); err != nil {
		return err
	}
	for _, m := range mv.Replace.Input {
		switch {
		case !m.Required || m.Type.Kind != model.String:
		case strings.HasSuffix(m.Name, "AssociationId"):
			mv.ReplaceAssociation = m.Name
		case slices.ContainsFunc(w.r.Identifiers, func(id *model.Identifier) bool { return id.Member == m.Name }):
			mv.ReplaceID = m.Name
		}
	}
	if mv.ReplaceAssociation == "" || mv.ReplaceID == "" {
		return fmt.Errorf("%s requires no string …AssociationId and no identifier of %s", c.Replace, w.r.Kind)
	}
	if mv.Filters = st.tagFilters(w.r.Read, "Filters", at.At("find")); mv.Filters == nil {
		return fmt.Errorf("%s cannot filter", w.r.Read.Name)
	}
	if len(c.Home) == 0 {
		return fmt.Errorf("home names no filter of %s", w.r.Read.Name)
	}
	for filter, v := range c.Home {
		member, ok := strings.CutPrefix(v, "{")
		if member, ok = strings.CutSuffix(member, "}"); !ok {
			mv.Home[filter] = v
			continue
		}
		if hf := fieldByMember(w.r, member); hf == nil || hf.Type.Kind != model.String {
			return fmt.Errorf("home filter %s takes {%s}, which %s has no string field for", filter, member, w.r.Kind)
		}
		mv.HomeFrom[filter] = member
	}
	w.r.Status = slices.Delete(w.r.Status, i, i+1)
	f.Class, f.Updatable, f.CreateOnly, f.Required = model.ClassSpec, true, false, false
	f.ObservedPath, f.Move, f.Because = []string{name}, mv, c.Because
	f.Reason = fmt.Sprintf("read with the resource, so drift costs no call; an element's %s is moved here by %s of the association %s filtered on %s finds, and back home (%s filtered on %s) when dropped and before the delete",
		c.Member, mv.Replace.Name, w.r.Read.Name, c.Find, w.r.Read.Name, strings.Join(slices.Sorted(maps.Keys(c.Home)), ", "))
	w.r.Spec = append(w.r.Spec, f)
	return nil
}
