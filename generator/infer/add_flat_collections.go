package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// flatEntries reports whether a keyed collection's put takes the entry's
// members themselves, beside the resource's identifiers, rather than one
// structure holding it: CloudWatch Logs' PutSubscriptionFilter takes
// logGroupName, filterName, filterPattern, destinationArn and so on.
func (st *state) flatEntries(w *work, putIn *smithy.Shape) bool {
	for _, mem := range putIn.Members {
		if mem.Traits.HTTPPayload {
			return false
		}
		if st.m.Target(mem).Type == smithy.TypeStructure && fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) {
			return false
		}
	}
	return true
}

// addFlatCollection adds a keyed collection whose put takes an entry's
// members (the entry is the put input without the resource's identifiers,
// as for a collection read with the resource), listed by a list operation
// of its own whose elements hold the same members, and deleted by key.
func (st *state) addFlatCollection(w *work, name string, sc *config.SubResource, put, list, del *smithy.Shape, at config.Key) {
	r := w.r
	if del == nil {
		st.errorf(at.At("delete"), "sub-resource %s: a collection whose put takes the entry's members needs a delete", name)
		return
	}
	elem, err := st.entryStruct(w, put, st.m.Shapes[put.Input])
	if err != nil {
		st.errorf(at, "sub-resource %s: %v", name, err)
		return
	}
	key := sc.Key
	if key == "" {
		for _, mem := range st.m.Shapes[del.Input].Members {
			if f := elem.FieldByMember(mem.Name); f != nil && f.Type.Kind == model.String {
				key = mem.Name
			}
		}
	}
	if f := elem.FieldByMember(key); f == nil || f.Type.Kind != model.String || st.m.Shapes[del.Input].MemberByName(key) == nil {
		st.errorf(at.At("key"), "sub-resource %s: %q is no string member of both %s's entries and %s's input; name the key with key:", name, key, put.ID.Name(), del.ID.Name())
		return
	}
	sr := &model.SubResource{Field: name, Because: sc.Because, EntryInPut: true, EntryKeys: []string{key}}
	if sc.Emulator != nil {
		sr.EmulatorGap = sc.Emulator.Unsupported
	}
	if sr.List, err = st.flatListing(list, key); err != nil {
		st.errorf(at.At("list"), "sub-resource %s: %v", name, err)
		return
	}
	sr.InputToken, sr.OutputToken = st.pageTokens(list, sr.List)
	for _, op := range []struct {
		shape *smithy.Shape
		to    **model.Operation
	}{{put, &sr.Put}, {del, &sr.Delete}} {
		if *op.to, err = st.plainOperation(op.shape); err != nil {
			st.errorf(at, "%v", err)
			return
		}
	}
	var unread []string
	for _, f := range elem.Fields {
		if st.svc.Structs[sr.List.Output].FieldByMember(f.Member) == nil {
			unread = append(unread, f.Member)
		}
	}
	reason := fmt.Sprintf("keyed collection of %s entries, compared as a set by %s: %s lists every entry, %s sets one, %s removes one; "+
		"listed only while the spec sets it or, dropped from it, until the deletes are done",
		put.ID.Name(), key, list.ID.Name(), put.ID.Name(), del.ID.Name())
	if len(unread) > 0 {
		reason += fmt.Sprintf("; %s is not in the listed entries, so an entry setting it differs on every resync", strings.Join(unread, ", "))
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: elem.Shape, GoName: elem.GoName}, Unique: true},
		Class: model.ClassSpec, SubResource: sr, Because: sc.Because, Reason: reason,
	}
	r.Spec = append(r.Spec, f)
	r.SubResources = append(r.SubResources, sr)
}

// flatListing resolves the list operation of a flat collection: its
// output lists structures holding the key member.
func (st *state) flatListing(op *smithy.Shape, key string) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name(), Many: true}
	if err := st.inputs(op, o); err != nil {
		return nil, err
	}
	if out, ok := st.m.Shape(op.Output); ok {
		for _, mem := range out.Members {
			list := st.m.Target(mem)
			if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
				continue
			}
			if elem := st.m.Target(list.Member); elem.Type == smithy.TypeStructure && elem.MemberByName(key) != nil {
				s, err := st.typer.structure(elem)
				if err != nil {
					return nil, err
				}
				o.OutputPath, o.Output = []string{sdkFieldName(mem.Name)}, s.Shape
				return o, nil
			}
		}
	}
	return nil, fmt.Errorf("%s returns no list of structures holding %s", op.ID.Name(), key)
}
