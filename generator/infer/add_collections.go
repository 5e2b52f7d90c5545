package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addCollection adds a keyed collection: a spec field that is a list of
// entries, each put and deleted by its key, all read by one list
// operation, as an S3 bucket's analytics configurations are by
// PutBucketAnalyticsConfiguration, DeleteBucketAnalyticsConfiguration and
// ListBucketAnalyticsConfigurations, keyed by Id. Operations not named
// default to Put/Delete<R><Field>[Configuration] and
// List<R><Field>[Configuration]s.
func (st *state) addCollection(w *work, name string, sc *config.SubResource, at config.Key) {
	switch {
	case sc.Get != "":
		st.errorf(at.At("get"), "sub-resource %s is a keyed collection, read whole by its list operation: name that with list:, not get:", name)
		return
	case sc.ReportsDefault:
		st.errorf(at.At("reportsDefault"), "sub-resource %s is a keyed collection, whose entries AWS never makes up: reportsDefault is for single configurations", name)
		return
	}
	stem := w.c.Name + name
	put := st.subOperation(name, stem, "put", sc.Put, "Put", "", true, at)
	list := st.subOperation(name, stem, "list", sc.List, "List", "s", true, at)
	del := st.subOperation(name, stem, "delete", sc.Delete, "Delete", "", false, at)
	if put == nil || list == nil {
		return
	}
	putIn := st.m.Shapes[put.Input]
	if sc.Member == "" && (st.flatEntries(w, putIn) || st.keyBesideStruct(w, putIn, del)) {
		st.addFlatCollection(w, name, sc, put, list, del, at)
		return
	}
	member := st.entryMember(w, putIn, sc.Member, at)
	if member == nil {
		return
	}
	elem := st.m.Target(member)
	if elem.Type != smithy.TypeStructure {
		st.errorf(at, "sub-resource %s: %s.%s is a %s; the entries of a keyed collection are structures", name, put.ID.Name(), member.Name, elem.Type)
		return
	}
	value, err := st.typer.field(putIn, member)
	if err != nil {
		st.errorf(at, "sub-resource %s: %s.%s: %v", name, put.ID.Name(), member.Name, err)
		return
	}
	sr := &model.SubResource{Field: name, Because: sc.Because, PutMember: member.Name}
	if sc.Emulator != nil {
		sr.EmulatorGap = sc.Emulator.Unsupported
	}
	if sr.Key = st.collectionKey(w, sc.Key, put, del, member, elem, at); sr.Key == "" {
		return
	}
	if sr.List, err = st.collectionListing(list, elem); err != nil {
		st.errorf(at.At("list"), "sub-resource %s: %v", name, err)
		return
	}
	sr.InputToken, sr.OutputToken = st.pageTokens(list, sr.List)
	if sr.Put, err = st.plainOperation(put); err != nil {
		st.errorf(at, "%v", err)
		return
	}
	reason := fmt.Sprintf("keyed collection of %s, compared as a set by %s: %s lists every entry", elem.ID.Name(), sr.Key, list.ID.Name())
	if sr.InputToken == "" {
		reason += " at once"
	} else {
		reason += fmt.Sprintf(" (paged by %s and %s)", sr.InputToken, sr.OutputToken)
	}
	reason += fmt.Sprintf(", %s sets one", put.ID.Name())
	if del != nil {
		if sr.Delete, err = st.plainOperation(del); err != nil {
			st.errorf(at, "%v", err)
			return
		}
		reason += fmt.Sprintf(", %s removes one; entries AWS has that the spec lacks are deleted, all of them once the spec drops the field", del.ID.Name())
	} else {
		reason += "; no delete operation, so entries the spec drops stay"
	}
	reason += "; listed only while the spec sets it"
	if del != nil {
		reason += " or, dropped from it, until the deletes are done"
	}
	for _, op := range []*model.Operation{sr.Put, sr.List, sr.Delete} {
		if op == nil {
			continue
		}
		for _, mem := range op.Input {
			if mem.Required && mem.Name != sr.PutMember && mem.Name != sr.Key && fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) {
				st.problem(w, at, "sub-resource %s: %s requires %s, which no spec or status field holds", name, op.Name, mem.Name)
			}
		}
	}
	f := *value
	f.Member, f.GoName, f.JSONName = name, names.Go(name), names.JSON(name)
	f.Type = &model.Type{Kind: model.List, Elem: value.Type, Unique: true}
	f.Validation = model.Validation{}
	f.Class, f.Required, f.SubResource, f.Because = model.ClassSpec, false, sr, sc.Because
	f.Reason = reason
	w.r.Spec = append(w.r.Spec, &f)
	w.r.SubResources = append(w.r.SubResources, sr)
}

// entryMember finds the put input member that holds the entry: as for
// any sub-resource, else the one structure among the members that are no
// field of the resource (the key beside it is a string).
func (st *state) entryMember(w *work, putIn *smithy.Shape, given string, at config.Key) *smithy.Member {
	var structs []*smithy.Member
	for _, mem := range putIn.Members {
		if mem.Traits.HTTPPayload {
			structs = nil
			break
		}
		if st.m.Target(mem).Type == smithy.TypeStructure && fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) {
			structs = append(structs, mem)
		}
	}
	if given == "" && len(structs) == 1 {
		return structs[0]
	}
	return st.valueMember(w, putIn, given, at)
}

// collectionKey finds the member naming an entry: the one generator.yaml
// names, else the one member the put and delete inputs share with the
// entry besides the resource's identifiers. It must be a string member of
// the entry, the put input and the delete input.
func (st *state) collectionKey(w *work, given string, put, del *smithy.Shape, member *smithy.Member, elem *smithy.Shape, at config.Key) string {
	inputs := []*smithy.Shape{st.m.Shapes[put.Input]}
	if del != nil {
		inputs = append(inputs, st.m.Shapes[del.Input])
	}
	inAll := func(name string) *smithy.Shape {
		for _, in := range append([]*smithy.Shape{elem}, inputs...) {
			if in.MemberByName(name) == nil {
				return in
			}
		}
		return nil
	}
	if given != "" {
		if lacking := inAll(given); lacking != nil {
			st.errorf(at.At("key"), "key %s is not a member of %s%s", given, lacking.ID.Name(), config.DidYouMean(given, memberNames(lacking)))
			return ""
		}
		if st.m.Target(elem.MemberByName(given)).Type != smithy.TypeString {
			st.errorf(at.At("key"), "key %s.%s is no string", elem.ID.Name(), given)
			return ""
		}
		return given
	}
	var shared []string
	for _, mem := range inputs[0].Members {
		if mem.Name != member.Name && fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) && inAll(mem.Name) == nil &&
			st.m.Target(mem).Type == smithy.TypeString {
			shared = append(shared, mem.Name)
		}
	}
	if len(shared) != 1 {
		var ops []string
		for _, in := range inputs {
			ops = append(ops, in.ID.Name())
		}
		st.errorf(at, "cannot tell which member names an entry of %s: %s share %d string members with it (%s); name it with key:",
			elem.ID.Name(), strings.Join(ops, " and "), len(shared), strings.Join(shared, ", "))
		return ""
	}
	return shared[0]
}

// collectionListing resolves the list operation of a keyed collection: its
// output must hold a list of the entry structure.
func (st *state) collectionListing(op *smithy.Shape, elem *smithy.Shape) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name(), Many: true}
	if err := st.inputs(op, o); err != nil {
		return nil, err
	}
	if out, ok := st.m.Shape(op.Output); ok {
		for _, mem := range out.Members {
			list := st.m.Target(mem)
			if (list.Type == smithy.TypeList || list.Type == smithy.TypeSet) && st.m.Target(list.Member) == elem {
				s, err := st.typer.structure(elem)
				if err != nil {
					return nil, err
				}
				o.OutputPath, o.Output = []string{sdkFieldName(mem.Name)}, s.Shape
				return o, nil
			}
		}
	}
	return nil, fmt.Errorf("%s returns no list of %s", op.ID.Name(), elem.ID.Name())
}

// memberNames are the names of a structure's members, for suggestions.
func memberNames(s *smithy.Shape) []string {
	var out []string
	for _, mem := range s.Members {
		out = append(out, mem.Name)
	}
	return slices.Sorted(slices.Values(out))
}
