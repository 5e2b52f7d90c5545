package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// reshapeValue gives a sub-resource that takes over a create-only field
// the field's own type where its put member is shaped otherwise: a map or
// keyed list whose put takes the changes (changes:), or a structure whose
// put member holds some of its members (EKS's accessConfig). value is the
// put member's field; nil after an error.
func (st *state) reshapeValue(w *work, sr *model.SubResource, sc *config.SubResource, name string, taken, value *model.Field, at config.Key) *model.Field {
	if sc.Changes != nil {
		return st.changesValue(w, sr, sc.Changes, name, taken, value, at.At("changes"))
	}
	return st.subsetValue(sr, taken, value)
}

// changesValue checks a changes: sub-resource against the model and
// returns its value: the taken-over field's type, with a list compared
// as a set by its key.
func (st *state) changesValue(w *work, sr *model.SubResource, ch *config.Changes, name string, taken, value *model.Field, at config.Key) *model.Field {
	if taken == nil {
		st.errorf(at, "sub-resource %s: changes apply to a create-only field of %s that its read returns, and none is named %s", name, w.r.Kind, name)
		return nil
	}
	payload := st.svc.Structs[value.Type.Shape]
	if value.Type.Kind != model.Structure || payload == nil {
		st.errorf(at, "sub-resource %s: %s's member %s is a %s, not a structure holding the changes", name, sr.Put.Name, sr.PutMember, model.TypeString(value.Type))
		return nil
	}
	member := func(role, given string) *model.Field {
		f := payload.FieldByMember(given)
		if f == nil {
			var names []string
			for _, pf := range payload.Fields {
				names = append(names, pf.Member)
			}
			st.errorf(at.At(role), "sub-resource %s: %s has no member %q%s", name, payload.Shape, given, config.DidYouMean(given, names))
		}
		return f
	}
	add, remove := member("add", ch.Add), member("remove", ch.Remove)
	if add == nil || remove == nil {
		return nil
	}
	t := *taken.Type
	if !compatibleKinds(add.Type, &t) {
		st.errorf(at.At("add"), "sub-resource %s: %s.%s is a %s, but the field is a %s", name, payload.Shape, add.Member, model.TypeString(add.Type), model.TypeString(&t))
		return nil
	}
	changes := &model.Changes{Add: add, Remove: remove}
	switch {
	case t.Kind == model.Map && orderedKind(t.Elem.Kind):
		if len(ch.Key) > 0 {
			st.errorf(at.At("key"), "sub-resource %s: a map's entries are named by their keys; key: is for a list", name)
			return nil
		}
		if !stringList(remove.Type) {
			st.errorf(at.At("remove"), "sub-resource %s: %s.%s is a %s, not the list of keys to remove", name, payload.Shape, remove.Member, model.TypeString(remove.Type))
			return nil
		}
	case t.Kind == model.List && t.Elem.Kind == model.Structure:
		keys, ok := st.entryKeys(name, st.svc.Structs[t.Elem.Shape], ch.Key, at.At("key"))
		if !ok {
			return nil
		}
		whole := remove.Type.Kind == model.List && remove.Type.Elem.Kind == model.Structure && remove.Type.Elem.Shape == t.Elem.Shape
		if !whole && !(stringList(remove.Type) && len(keys) == 1 && stringKind(st.svc.Structs[t.Elem.Shape].FieldByMember(keys[0]).Type.Kind)) {
			st.errorf(at.At("remove"), "sub-resource %s: %s.%s is a %s: neither the entries (a list of %s) nor their one key", name, payload.Shape, remove.Member, model.TypeString(remove.Type), t.Elem.Shape)
			return nil
		}
		sr.EntryKeys, changes.RemoveWhole = keys, whole
		elem := *t.Elem
		t.Elem, t.Unique = &elem, true
	default:
		st.errorf(at, "sub-resource %s: changes apply to a map of scalars or a list of structures, and %s is a %s", name, taken.Member, model.TypeString(&t))
		return nil
	}
	sr.Changes = changes
	return &model.Field{Type: &t, Doc: taken.Doc, Validation: taken.Validation}
}

// entryKeys checks the key: members of a list's element structure.
func (st *state) entryKeys(name string, elem *model.Struct, given []string, at config.Key) ([]string, bool) {
	if len(given) == 0 {
		st.errorf(at, "sub-resource %s: name the members of %s that name an entry with key:", name, elem.Shape)
		return nil, false
	}
	var members []string
	for _, f := range elem.Fields {
		members = append(members, f.Member)
	}
	for _, k := range given {
		f := elem.FieldByMember(k)
		if f == nil {
			st.errorf(at, "sub-resource %s: %s has no member %q%s", name, elem.Shape, k, config.DidYouMean(k, members))
			return nil, false
		}
		if !orderedKind(f.Type.Kind) && f.Type.Kind != model.Bool {
			st.errorf(at, "sub-resource %s: %s.%s is a %s; a key member must be a string, number or boolean", name, elem.Shape, k, model.TypeString(f.Type))
			return nil, false
		}
	}
	return given, true
}

// subsetValue keeps a taken-over structure field's type where the put
// member is a structure of another shape whose members are some of the
// field's, by name (CreateCluster takes accessConfig as
// CreateAccessConfigRequest, UpdateClusterConfig as
// UpdateAccessConfigRequest, which lacks bootstrapClusterCreatorAdminPermissions).
// The put sends those members; the others stay create-only. Any other
// value is returned as it is.
func (st *state) subsetValue(sr *model.SubResource, taken, value *model.Field) *model.Field {
	if taken == nil || value.Type.Kind != model.Structure || taken.Type.Kind != model.Structure || value.Type.Shape == taken.Type.Shape {
		return value
	}
	put, field := st.svc.Structs[value.Type.Shape], st.svc.Structs[taken.Type.Shape]
	if put == nil || field == nil || len(put.Fields) >= len(field.Fields) {
		return value
	}
	var sent []string
	for _, pf := range put.Fields {
		ff := field.FieldByMember(pf.Member)
		if ff == nil || !compatibleKinds(ff.Type, pf.Type) {
			return value
		}
		sent = append(sent, pf.Member)
	}
	for _, ff := range field.Fields {
		if !slices.Contains(sent, ff.Member) {
			// The CRD keeps it as the create set it.
			ff.CreateOnly = true
		}
	}
	sr.Sent = sent
	t := *taken.Type
	return &model.Field{Type: &t, Doc: taken.Doc, Validation: taken.Validation}
}

// reshapeReason says how a reshaped sub-resource is sent.
func reshapeReason(sr *model.SubResource, s *model.Struct) string {
	switch {
	case sr.Changes != nil && len(sr.EntryKeys) > 0:
		return fmt.Sprintf("; sent as the changes from what AWS reports, entries named by %s: %s.%s to add or update, %s.%s to remove; compared as a set",
			strings.Join(sr.EntryKeys, ", "), sr.PutMember, sr.Changes.Add.Member, sr.PutMember, sr.Changes.Remove.Member)
	case sr.Changes != nil:
		return fmt.Sprintf("; sent as the changes from what AWS reports: %s.%s to add or update, %s.%s to remove",
			sr.PutMember, sr.Changes.Add.Member, sr.PutMember, sr.Changes.Remove.Member)
	case sr.Sent != nil:
		var kept []string
		for _, f := range s.Fields {
			if !slices.Contains(sr.Sent, f.Member) {
				kept = append(kept, f.Member)
			}
		}
		return fmt.Sprintf("; %s takes %s alone, and %s stay create-only", sr.Put.Name, strings.Join(sr.Sent, ", "), strings.Join(kept, ", "))
	}
	return ""
}

// orderedKind kinds compare with ==.
func orderedKind(k model.Kind) bool {
	switch k {
	case model.String, model.Enum, model.Int, model.IntEnum, model.Float:
		return true
	}
	return false
}

// stringKind kinds are held as strings.
func stringKind(k model.Kind) bool { return k == model.String || k == model.Enum }

// stringList reports whether t is a list of strings.
func stringList(t *model.Type) bool {
	return t.Kind == model.List && t.Elem.Kind == model.String
}
