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

// addStatementCollection adds a keyed collection whose entries are the
// statements of a JSON policy document that the get returns: Lambda's
// AddPermission adds one statement (its input, without the resource's
// identifiers, is the entry), RemovePermission removes one by its
// StatementId, and GetPolicy returns them all as a document, each named by
// its Sid. It compares as a set by that key; an entry that differs is
// removed and added again.
func (st *state) addStatementCollection(w *work, name string, sc *config.SubResource, at config.Key) {
	if sc.List != "" || sc.Member != "" || sc.ObservedAt != "" || sc.Replace != "" || sc.AWSOwned != nil ||
		sc.Elements || sc.Observed != nil || sc.WholeInput || sc.ReportsDefault {
		st.errorf(at.At("statements"), "sub-resource %s: statements are read whole by the get and named by key; they take no list, member, observedAt, replace, awsOwned, elements, observed, wholeInput or reportsDefault", name)
		return
	}
	stem := w.c.Name + name
	put := st.subOperation(name, stem, "put", sc.Put, "Put", "", true, at)
	get := st.subOperation(name, stem, "get", sc.Get, "Get", "", true, at)
	del := st.subOperation(name, stem, "delete", sc.Delete, "Delete", "", true, at)
	if put == nil || get == nil || del == nil {
		return
	}
	elem, err := st.statementEntry(w, put)
	if err != nil {
		st.errorf(at, "sub-resource %s: %v", name, err)
		return
	}
	sr := &model.SubResource{Field: name, Because: sc.Because, EntryInPut: true, Statements: &model.Statements{}}
	if sc.Emulator != nil {
		sr.EmulatorGap = sc.Emulator.Unsupported
	}
	if sr.Statements.Document, err = st.policyDocument(get, sc.Statements.Document); err != nil {
		st.errorf(at.At("statements", "document"), "sub-resource %s: %v", name, err)
		return
	}
	for _, u := range sc.Statements.Unread {
		if elem.FieldByMember(u) == nil {
			st.errorf(at.At("statements", "unread"), "sub-resource %s: unread names %s, which is no member of its entries%s", name, u, config.DidYouMean(u, structMembers(elem)))
			return
		}
	}
	sr.Statements.Unread = sc.Statements.Unread
	key := st.statementKey(elem, sc, st.m.Shapes[del.Input])
	if key == "" {
		st.errorf(at.At("key"), "sub-resource %s: cannot tell which member of %s's input names a statement; name it with key:", name, del.ID.Name())
		return
	}
	if f := elem.FieldByMember(key); f == nil || f.Type.Kind != model.String || st.m.Shapes[del.Input].MemberByName(key) == nil {
		st.errorf(at.At("key"), "sub-resource %s: key %q is no string member of both %s's entries and %s's input%s", name, key, put.ID.Name(), del.ID.Name(), config.DidYouMean(key, structMembers(elem)))
		return
	}
	sr.EntryKeys = []string{key}
	for _, f := range elem.Fields {
		if f.Member == key || slices.Contains(sr.Statements.Unread, f.Member) {
			continue
		}
		if k := f.Type.Kind; k != model.String && k != model.Enum && k != model.Bool {
			st.errorf(at.At("statements", "unread"), "sub-resource %s: a statement holds no %s value for %s; list it under unread", name, model.TypeString(f.Type), f.Member)
			return
		}
		sr.Statements.Members = append(sr.Statements.Members, f.Member)
	}
	for _, op := range []struct {
		shape *smithy.Shape
		to    **model.Operation
	}{{put, &sr.Put}, {get, &sr.Get}, {del, &sr.Delete}} {
		if *op.to, err = st.plainOperation(op.shape); err != nil {
			st.errorf(at, "%v", err)
			return
		}
	}
	for _, op := range []*model.Operation{sr.Get, sr.Delete} {
		for _, mem := range op.Input {
			if mem.Required && mem.Name != key && fieldByMember(w.r, mem.Name) == nil && !isIdentifier(w.r, mem.Name) {
				st.problem(w, at, "sub-resource %s: %s requires %s, which no spec or status field holds", name, op.Name, mem.Name)
			}
		}
	}
	reason := fmt.Sprintf("keyed collection of %s entries, compared as a set by %s: %s returns them as the statements of the JSON policy document %s, each named by its Sid; "+
		"%s adds one, %s removes one by %s, and an entry that differs is removed and added again; %s read from each statement's element of its name or the condition key named after it",
		put.ID.Name(), key, get.ID.Name(), sr.Statements.Document, put.ID.Name(), del.ID.Name(), key, strings.Join(sr.Statements.Members, ", "))
	if len(sr.Statements.Unread) > 0 {
		reason += fmt.Sprintf("; no statement holds %s, taken as the spec has it", strings.Join(sr.Statements.Unread, ", "))
	}
	reason += "; an answer of no policy (HTTP 404) is no statements; read only while the spec sets it or, dropped from it, until the removals are done"
	if sr.EmulatorGap != "" {
		reason += "; the test emulator: " + sr.EmulatorGap
	}
	w.r.Spec = append(w.r.Spec, &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: elem.Shape, GoName: elem.GoName}, Unique: true},
		Class: model.ClassSpec, SubResource: sr, Because: sc.Because, Reason: reason,
	})
	w.r.SubResources = append(w.r.SubResources, sr)
}

// statementEntry is the structure of one entry: the put input without the
// resource's identifiers, its spec fields and the members generator.yaml
// ignores. Unlike a collection read with the resource, a status field of
// the same name stays in the entry (Lambda's RevisionId, which GetAlias
// reports, is a member of AddPermission's input too).
func (st *state) statementEntry(w *work, put *smithy.Shape) (*model.Struct, error) {
	return st.inputEntry(w, put, st.m.Shapes[put.Input], func(member string) bool { return specField(w.r, member) })
}

// specField reports whether member is a top-level spec field of r.
func specField(r *model.Resource, member string) bool {
	return slices.ContainsFunc(r.Spec, func(f *model.Field) bool { return f.Member == member })
}

// statementKey is the member naming a statement: the one generator.yaml
// gives, else the one string member of the delete input that the entries
// have and that is not unread; "" when there is no such single member.
func (st *state) statementKey(elem *model.Struct, sc *config.SubResource, delIn *smithy.Shape) string {
	if sc.Key != "" {
		return sc.Key
	}
	var found []string
	for _, mem := range delIn.Members {
		if f := elem.FieldByMember(mem.Name); f != nil && f.Type.Kind == model.String && !slices.Contains(sc.Statements.Unread, mem.Name) {
			found = append(found, mem.Name)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// policyDocument checks that the get's output has the string member
// holding the document.
func (st *state) policyDocument(get *smithy.Shape, member string) (string, error) {
	out, ok := st.m.Shape(get.Output)
	if !ok {
		return "", fmt.Errorf("%s has no output to read the policy document from", get.ID.Name())
	}
	mem := out.MemberByName(member)
	if mem == nil {
		return "", fmt.Errorf("%s is no member of %s%s", member, out.ID.Name(), config.DidYouMean(member, memberNames(out)))
	}
	if t := st.m.Target(mem); t.Type != smithy.TypeString {
		return "", fmt.Errorf("%s.%s is a %s; a policy document is a string of JSON", out.ID.Name(), member, t.Type)
	}
	return member, nil
}
