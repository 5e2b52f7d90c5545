package infer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addFinders tells a kind whose identifier AWS assigns how to find what a
// create made when its answer was lost, as generator.yaml's findCreated
// says: which list operation to page through, which spec fields a listed
// resource must equal, and which status identifiers the one found fills.
func addFinders(st *state) error {
	for _, w := range st.work {
		switch {
		case !w.resolved():
		case w.rc.FindCreated != nil:
			st.configuredFinder(w, w.rc.FindCreated, w.at.At("findCreated"))
		case w.r.AssignedIdentifier && w.r.Create.Token != nil:
			w.decide("find created", "none", "a retried %s sends the same client token, so AWS returns what a lost create made", w.r.Create.Name)
		case w.r.AssignedIdentifier:
			w.decide("find created", "none", "a lost create is left to a person; findCreated in generator.yaml can name a list operation that finds it")
		}
	}
	return nil
}

func (st *state) configuredFinder(w *work, fc *config.FindCreated, at config.Key) {
	r := w.r
	if !r.AssignedIdentifier {
		st.errorf(at, "%s is read by spec fields, so a lost create is found by reading it; findCreated is for resources whose identifier AWS assigns", r.Kind)
		return
	}
	op := st.ops[fc.Operation]
	if op == nil {
		st.errorf(at.At("operation"), "operation %q is not in the model%s", fc.Operation, config.DidYouMean(fc.Operation, keys(st.ops)))
		return
	}
	list, err := st.listing(op, w.createIn)
	if err != nil {
		st.errorf(at.At("operation"), "%v", err)
		return
	}
	if list.Output == "" {
		st.errorf(at.At("operation"), "%s returns no list of structures to look through", list.Name)
		return
	}
	elem := st.svc.Structs[list.Output]
	f := &model.Finder{List: list, Reason: "findCreated in generator.yaml"}
	if fc.Because != "" {
		f.Reason += ": " + fc.Because
	}
	if len(fc.Match) == 0 && fc.TagFilters == "" {
		st.errorf(at, "findCreated needs match, tagFilters or both to tell what the create made")
		return
	}
	if fc.TagFilters != "" {
		f.TagFilters = st.tagFilters(list, fc.TagFilters, at.At("tagFilters"))
	}
	for i, name := range fc.Match {
		if m := st.finderMatch(w, list, elem, name, at.At("match", strconv.Itoa(i))); m != nil {
			f.Match = append(f.Match, m)
		}
	}
	for _, mem := range list.Input {
		if mem.Required && !slices.ContainsFunc(f.Match, func(m *model.FinderMatch) bool { return m.Input == mem.Name }) {
			st.errorf(at.At("match"), "%s requires %s; add the spec field that holds it to match", list.Name, mem.Name)
		}
	}
	if fc.CreatedAfter != "" {
		f.Since = st.finderSince(list, fc.CreatedAfter, at.At("createdAfter"))
	}
	f.CreatedAt = createdAt(elem)
	for _, id := range r.Identifiers {
		if !id.Status {
			continue
		}
		if id.ARN {
			st.errorf(at, "%s is identified by its ARN, which Observe does not read from a status field, so there is nothing for findCreated to fill", r.Kind)
			return
		}
		if elem.FieldByMember(id.Field) == nil {
			st.errorf(at.At("operation"), "%s lists %s, which has no %s to fill status.%s from", list.Name, elem.Shape, id.Field, fieldByMember(r, id.Field).JSONName)
			continue
		}
		f.Sets = append(f.Sets, &model.FinderSet{Field: id.Field, Element: id.Field})
	}
	f.InputToken, f.OutputToken = st.pageTokens(op, list)
	st.addTagIndex(w, f)
	r.Finder = f
	w.decide("find created", list.Name, "%s", f.Reason)
}

// finderMatch ties a match entry to its spec field, the element member it
// is compared with, and the list input member that filters by it.
func (st *state) finderMatch(w *work, list *model.Operation, elem *model.Struct, name string, at config.Key) *model.FinderMatch {
	var spec []string
	var field *model.Field
	for _, f := range w.r.Spec {
		spec = append(spec, f.Member)
		if f.Member == name {
			field = f
		}
	}
	if field == nil {
		st.errorf(at, "%s has no spec field %q%s", w.r.Kind, name, config.DidYouMean(name, spec))
		return nil
	}
	if !scalar(field.Type) || field.Secret {
		st.errorf(at, "%s is a %s field; match compares strings, numbers and booleans only", name, model.TypeString(field.Type))
		return nil
	}
	em := elem.FieldByMember(name)
	if em == nil {
		var members []string
		for _, f := range elem.Fields {
			members = append(members, f.Member)
		}
		st.errorf(at, "%s lists %s, which has no member %q to compare with%s", list.Name, elem.Shape, name, config.DidYouMean(name, members))
		return nil
	}
	if !compatibleKinds(field.Type, em.Type) {
		st.errorf(at, "%s.%s is a %s, which cannot equal the %s spec field %s", elem.Shape, name, model.TypeString(em.Type), model.TypeString(field.Type), name)
		return nil
	}
	m := &model.FinderMatch{Field: name, Element: name}
	if in := inputMember(list, name); in != nil && scalar(in.Type) && compatibleKinds(field.Type, in.Type) {
		m.Input = name
	}
	return m
}

// namedInput is the input member of list that generator.yaml names at at;
// nil, with the error, when list has none of that name.
func (st *state) namedInput(list *model.Operation, name string, at config.Key) *model.Member {
	in := inputMember(list, name)
	if in == nil {
		var members []string
		for _, m := range list.Input {
			members = append(members, m.Name)
		}
		st.errorf(at, "%s has no input member %q%s", list.Name, name, config.DidYouMean(name, members))
	}
	return in
}

// finderSince checks the createdAfter input member: a timestamp.
func (st *state) finderSince(list *model.Operation, name string, at config.Key) *model.Member {
	in := st.namedInput(list, name, at)
	if in == nil {
		return nil
	}
	if in.Type.Kind != model.Time {
		st.errorf(at, "%s.%s is a %s, not a timestamp", list.Name, name, model.TypeString(in.Type))
		return nil
	}
	return in
}

// createdAt finds the element member holding the creation time: the one
// timestamp whose name says so (BackupCreationDateTime, CreatedAt,
// CreateTime); "" when there is none or more than one.
func createdAt(elem *model.Struct) string {
	var found []string
	for _, f := range elem.Fields {
		if f.Type.Kind == model.Time && strings.Contains(strings.ToLower(f.Member), "creat") {
			found = append(found, f.Member)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// pageTokens finds the string members that page through a list: the
// operation's @paginated tokens, else NextToken in and out, else Marker
// and NextMarker, else S3's ContinuationToken and NextContinuationToken,
// else DynamoDB's ExclusiveStart<X> and LastEvaluated<X>. Both are "" when the list has none and so returns
// everything at once.
func (st *state) pageTokens(op *smithy.Shape, list *model.Operation) (in, out string) {
	outShape, ok := st.m.Shape(op.Output)
	if !ok {
		return "", ""
	}
	isString := func(s *smithy.Shape, name string) bool {
		mem := s.MemberByName(name)
		return mem != nil && st.m.Target(mem).Type == smithy.TypeString
	}
	inShape, _ := st.m.Shape(op.Input)
	try := func(i, o string) bool { return inShape != nil && isString(inShape, i) && isString(outShape, o) }
	if p := st.m.Pagination(op); p != nil && try(p.InputToken, p.OutputToken) {
		return p.InputToken, p.OutputToken
	}
	for _, pair := range [][2]string{{"NextToken", "NextToken"}, {"nextToken", "nextToken"}, {"Marker", "NextMarker"}, {"Marker", "Marker"}, {"ContinuationToken", "NextContinuationToken"}} {
		if try(pair[0], pair[1]) {
			return pair[0], pair[1]
		}
	}
	for _, mem := range list.Input {
		if rest, ok := strings.CutPrefix(mem.Name, "ExclusiveStart"); ok && try(mem.Name, "LastEvaluated"+rest) {
			return mem.Name, "LastEvaluated" + rest
		}
	}
	return "", ""
}

// scalar reports whether values of t compare with ==.
func scalar(t *model.Type) bool {
	switch t.Kind {
	case model.String, model.Enum, model.Bool, model.Int, model.IntEnum, model.Float:
		return true
	}
	return false
}
