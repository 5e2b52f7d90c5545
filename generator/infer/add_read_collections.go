package infer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addReadCollection adds a collection read with the resource: a spec list
// whose entries the resource's own read returns (DescribeRouteTables'
// Routes), each made by one put call whose input holds the entry's
// members beside the resource's identifiers (CreateRoute), and deleted by
// the members the delete input shares with the entry (DeleteRoute by the
// destination). The entry is the put input without the resource's
// identifiers and fields and the members generator.yaml ignores for the
// resource (DryRun). It compares as a set keyed by those members, with no
// call beyond the read.
func (st *state) addReadCollection(w *work, name string, sc *config.SubResource, read *readBack, at config.Key) {
	r := w.r
	if sc.Get != "" || sc.List != "" || sc.Key != "" || sc.Member != "" {
		st.errorf(at, "sub-resource %s: the read of %s returns it, so it takes no get, list, key or member", name, r.Kind)
		return
	}
	stem := w.c.Name + name
	put := st.subOperation(name, stem, "put", sc.Put, "Create", "", true, at)
	del := st.subOperation(name, stem, "delete", sc.Delete, "Delete", "", true, at)
	var replace *smithy.Shape
	if sc.Replace != "" {
		replace = st.subOperation(name, stem, "replace", sc.Replace, "Replace", "", true, at)
	}
	if put == nil || del == nil || (sc.Replace != "" && replace == nil) {
		return
	}
	putIn := st.m.Shapes[put.Input]
	elem, err := st.entryStruct(w, put, putIn)
	if err != nil {
		st.errorf(at, "sub-resource %s: %v", name, err)
		return
	}
	sr := &model.SubResource{Field: name, Because: sc.Because, ReadWithResource: true, EntryInPut: true}
	if sc.Emulator != nil {
		sr.EmulatorGap = sc.Emulator.Unsupported
	}
	for _, mem := range st.m.Shapes[del.Input].Members {
		if f := elem.FieldByMember(mem.Name); f != nil && keyKind(f.Type.Kind) {
			sr.EntryKeys = append(sr.EntryKeys, mem.Name)
		}
	}
	if len(sr.EntryKeys) == 0 {
		st.errorf(at.At("delete"), "sub-resource %s: %s shares no string, integer or boolean member with %s's entries, so it cannot name one", name, del.ID.Name(), put.ID.Name())
		return
	}
	for _, op := range []struct {
		shape *smithy.Shape
		to    **model.Operation
	}{{put, &sr.Put}, {del, &sr.Delete}, {replace, &sr.Replace}} {
		if op.shape == nil {
			continue
		}
		if *op.to, err = st.plainOperation(op.shape); err != nil {
			st.errorf(at, "%v", err)
			return
		}
	}
	observedElem := st.svc.Structs[read.observed.Type.Elem.Shape]
	if sc.AWSOwned != nil {
		mem := observedElem.FieldByMember(sc.AWSOwned.Member)
		if mem == nil {
			st.errorf(at.At("awsOwned", "member"), "sub-resource %s: %s has no member %q%s", name, observedElem.Shape, sc.AWSOwned.Member, config.DidYouMean(sc.AWSOwned.Member, structMembers(observedElem)))
			return
		}
		if err := checkMatchValues(mem, sc.AWSOwned.Values); err != nil {
			st.errorf(at.At("awsOwned", "values"), "sub-resource %s: %v", name, err)
			return
		}
		sr.AWSOwned = &model.Match{Member: sc.AWSOwned.Member, Values: sc.AWSOwned.Values}
	}
	r.Status = slices.DeleteFunc(r.Status, func(f *model.Field) bool { return f == read.status })
	reason := fmt.Sprintf("collection of %s entries, read by %s at %s with the rest of the resource and compared as a set keyed by %s; %s makes one",
		put.ID.Name(), r.Read.Name, strings.Join(read.path, "."), strings.Join(sr.EntryKeys, " or "), put.ID.Name())
	if replace != nil {
		reason += fmt.Sprintf(", %s changes one whose key stays", replace.ID.Name())
	} else {
		reason += ", one whose key stays but that differs is deleted and made again"
	}
	reason += fmt.Sprintf(", %s removes those the spec lacks", del.ID.Name())
	var unread []string
	for _, f := range elem.Fields {
		if observedElem.FieldByMember(f.Member) == nil {
			unread = append(unread, f.Member)
		}
	}
	if len(unread) > 0 {
		reason += fmt.Sprintf("; %s is not in the read's entries, so an entry setting it differs on every resync", strings.Join(unread, ", "))
	}
	if m := sr.AWSOwned; m != nil {
		reason += fmt.Sprintf("; entries whose %s is %s are AWS's own, never drift and never deleted", m.Member, strings.Join(m.Values, " or "))
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: elem.Shape, GoName: elem.GoName}, Unique: true},
		Class: model.ClassSpec, SubResource: sr, Because: sc.Because, Reason: reason, ObservedPath: read.path,
	}
	r.Spec = append(r.Spec, f)
	r.SubResources = append(r.SubResources, sr)
}

// entryStruct is the structure of a collection's entries: the put input's
// members that are no identifier or field of the resource and that the
// resource's generator.yaml does not ignore. It is named as the SDK names
// the input (CreateRouteInput, as the incumbent does).
func (st *state) entryStruct(w *work, put, putIn *smithy.Shape) (*model.Struct, error) {
	return st.inputEntry(w, put, putIn, func(member string) bool { return fieldByMember(w.r, member) != nil })
}

// inputEntry is the structure named after put's input holding its members
// that are no identifier of the resource, not ignored, and not taken, once
// per service.
func (st *state) inputEntry(w *work, put, putIn *smithy.Shape, taken func(member string) bool) (*model.Struct, error) {
	name := put.ID.Name() + "Input"
	if s, ok := st.svc.Structs[name]; ok {
		return s, nil
	}
	s := &model.Struct{Shape: name, GoName: st.typer.goName(name)}
	for _, mem := range putIn.Members {
		if fc := w.rc.Fields[mem.Name]; isIdentifier(w.r, mem.Name) || taken(mem.Name) || (fc != nil && fc.Ignore) {
			continue
		}
		f, err := st.typer.field(putIn, mem)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", putIn.ID.Name(), mem.Name, err)
		}
		// What the put requires, an entry must give (a network ACL
		// entry's Egress); the SDK refuses the call otherwise.
		f.Required = mem.Traits.Required
		s.Fields = append(s.Fields, f)
	}
	if len(s.Fields) == 0 {
		return nil, fmt.Errorf("%s holds nothing beside the resource's identifiers and fields", putIn.ID.Name())
	}
	st.svc.Structs[name] = s
	return s, nil
}

// structMembers are the member names of a structure, for suggestions.
func structMembers(s *model.Struct) []string {
	var out []string
	for _, f := range s.Fields {
		out = append(out, f.Member)
	}
	return out
}

// keyKind reports whether a member of kind k can name an entry: its value
// written out is the key (RuleNumber=100, Egress=true).
func keyKind(k model.Kind) bool {
	return k == model.String || k == model.Enum || k == model.Int || k == model.Bool
}

// checkMatchValues refuses match values the member can never hold, as
// "default" for an integer, since such a match picks nothing.
func checkMatchValues(mem *model.Field, values []string) error {
	for _, v := range values {
		switch mem.Type.Kind {
		case model.String, model.Enum:
		case model.Int:
			if _, err := strconv.ParseInt(v, 10, 64); err != nil {
				return fmt.Errorf("awsOwned value %q is no integer, and %s is one", v, mem.Member)
			}
		case model.Bool:
			if _, err := strconv.ParseBool(v); err != nil {
				return fmt.Errorf("awsOwned value %q is no boolean, and %s is one", v, mem.Member)
			}
		default:
			return fmt.Errorf("awsOwned member %s is no string, integer or boolean", mem.Member)
		}
	}
	return nil
}
