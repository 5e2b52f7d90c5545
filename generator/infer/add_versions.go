package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addVersions makes the create-only spec fields generator.yaml declares
// under versions: updatable documents that AWS keeps in versions (an IAM
// policy's document). A resync reads the default version's document; a
// change makes a new default version, deleting the oldest other one first
// when the most AWS keeps exist.
func addVersions(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Versions) {
			if err := st.versions(w, name, w.rc.Versions[name]); err != nil {
				st.errorf(w.at.At("versions", name), "versions %s: %v", name, err)
			}
		}
	}
	return nil
}

func (st *state) versions(w *work, name string, c *config.Versions) error {
	f := fieldByMember(w.r, name)
	if f == nil || f.Class != model.ClassCreateOnly || f.Type.Kind != model.String {
		return fmt.Errorf("%s has no create-only string field %s", w.r.Kind, name)
	}
	v := &model.Versions{Max: c.Max} // the schema keeps it at 2 or more
	kind := w.c.Name
	for _, o := range []struct {
		role, given, fallback string
		dst                   **model.Operation
	}{
		{"create", c.Create, "Create" + kind + "Version", &v.Create},
		{"get", c.Get, "Get" + kind + "Version", &v.Get},
		{"list", c.List, "List" + kind + "Versions", &v.List},
		{"delete", c.Delete, "Delete" + kind + "Version", &v.Delete},
	} {
		op, err := st.namedPlainOperation(o.role, firstNonEmpty(o.given, o.fallback))
		if err != nil {
			return err
		}
		*o.dst = op
	}
	for _, id := range w.r.Identifiers {
		if takesAll(id.Member, v.Create, v.Get, v.List, v.Delete) {
			v.IDMember = id.Member
		}
	}
	if v.IDMember == "" {
		return fmt.Errorf("%s, %s, %s and %s take none of %s's identifiers together", v.Create.Name, v.Get.Name, v.List.Name, v.Delete.Name, w.r.Kind)
	}
	for _, mem := range v.Get.Input {
		if mem.Name != v.IDMember && mem.Required && mem.Type.Kind == model.String && inputMember(v.Delete, mem.Name) != nil {
			v.VersionMember = mem.Name
		}
	}
	if v.VersionMember == "" {
		return fmt.Errorf("%s and %s share no required string naming a version", v.Get.Name, v.Delete.Name)
	}
	if inputMember(v.Create, name) == nil {
		return fmt.Errorf("%s takes no %s", v.Create.Name, name)
	}
	v.DocumentMember = name
	if v.DefaultMember = onlyMember(v.Create.Input, model.Bool); v.DefaultMember == "" {
		return fmt.Errorf("%s has no one boolean that makes the version the default", v.Create.Name)
	}
	if err := st.documentPath(v, c.ObservedAt); err != nil {
		return err
	}
	if d := fieldByMember(w.r, c.DefaultVersion); d == nil || d.Class != model.ClassStatus || d.Type.Kind != model.String {
		return fmt.Errorf("%s has no status string %q naming the default version", w.r.Kind, c.DefaultVersion)
	}
	v.DefaultVersion = c.DefaultVersion
	if err := st.listedVersions(v); err != nil {
		return err
	}
	f.Class, f.CreateOnly, f.Updatable, f.Versions, f.ObservedPath = model.ClassSpec, false, true, v, v.ObservedAt
	f.Because = firstNonEmpty(c.Because, f.Because)
	f.Reason = fmt.Sprintf("versioned: %s of %s reads the default version; a change is %s as the default, after %s of the oldest other version when %d exist",
		v.Get.Name, v.DefaultVersion, v.Create.Name, v.Delete.Name, v.Max)
	return nil
}

// takesAll reports whether every operation's input has the member.
func takesAll(member string, ops ...*model.Operation) bool {
	for _, op := range ops {
		if inputMember(op, member) == nil {
			return false
		}
	}
	return true
}

// onlyMember is the name of the one member of the kind, "" when there are
// none or several.
func onlyMember(members []*model.Member, kind model.Kind) string {
	found := ""
	for _, mem := range members {
		if mem.Type.Kind == kind {
			if found != "" {
				return ""
			}
			found = mem.Name
		}
	}
	return found
}

// documentPath checks the dotted path in Get's output: structures, then
// a string.
func (st *state) documentPath(v *model.Versions, path string) error {
	parts := strings.Split(path, ".")
	s := st.svc.Structs[v.Get.Output]
	for i, p := range parts {
		f := s.FieldByMember(p)
		last := i == len(parts)-1
		switch {
		case last && f != nil && f.Type.Kind == model.String:
			v.ObservedAt = parts
			return nil
		case !last && f != nil && f.Type.Kind == model.Structure:
			s = st.svc.Structs[f.Type.Shape]
		default:
			return fmt.Errorf("%s output has no structures down to a string at %q (%s)", v.Get.Name, path, p)
		}
	}
	return fmt.Errorf("observedAt is empty")
}

// listedVersions finds List's list of versions and, in each, the
// version's name, the default flag and the creation time.
func (st *state) listedVersions(v *model.Versions) error {
	out := st.svc.Structs[v.List.Output]
	for _, f := range out.Fields {
		if f.Type.Kind == model.List && f.Type.Elem.Kind == model.Structure {
			if v.Listed != "" {
				return fmt.Errorf("%s output lists several structures", v.List.Name)
			}
			v.Listed = f.Member
			elem := st.svc.Structs[f.Type.Elem.Shape]
			for _, e := range elem.Fields {
				switch {
				case e.Member == v.VersionMember && e.Type.Kind == model.String:
					v.ListedID = e.Member
				case e.Type.Kind == model.Bool:
					v.ListedDefault = e.Member
				case e.Type.Kind == model.Time:
					v.ListedCreated = e.Member
				}
			}
		}
	}
	if v.ListedID == "" || v.ListedDefault == "" || v.ListedCreated == "" {
		return fmt.Errorf("%s output lists no versions each with %s, a boolean default flag and a creation time", v.List.Name, v.VersionMember)
	}
	return nil
}
