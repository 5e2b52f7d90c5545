package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addExpectedValues adds the string members generator.yaml's
// expectedValues names to top-level spec structures: the incumbent's
// spec.code.sha256 states the CodeSha256 Lambda should report for the
// package. The member goes to no operation, and the runtime's record of
// the structure holds it, so a change of it alone sends the structure's
// update (the same S3 key, new content).
func addExpectedValues(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, path := range keys(w.rc.ExpectedValues) {
			st.addExpectedValue(w, path, w.rc.ExpectedValues[path], w.at.At("expectedValues", path))
		}
	}
	return nil
}

func (st *state) addExpectedValue(w *work, path string, ev *config.ExpectedValue, at config.Key) {
	f, s, member := st.memberPath(w, "expectedValues", path, at)
	if f == nil {
		return
	}
	field := f.Member
	if s.FieldByMember(member) != nil {
		st.errorf(at, "expectedValues %s: %s already has a member %s", path, f.Type.Shape, member)
		return
	}
	status := statusField(w.r, ev.Status)
	if status == nil || status.Type.Kind != model.String {
		st.errorf(at.At("status"), "expectedValues %s: %s is no string status field of %s", path, ev.Status, w.r.Kind)
		return
	}
	doc := fmt.Sprintf("The value AWS should report as %s; a different one after an update is a Terminal condition.", status.JSONName)
	s.Fields = append(s.Fields, &model.Field{
		Member: member, GoName: names.Go(member), JSONName: names.JSON(member),
		Type: &model.Type{Kind: model.String}, Doc: doc, Class: model.ClassSpec, Expects: ev.Status,
	})
	w.r.Expected = append(w.r.Expected, &model.Expected{Field: field, Member: member, Status: ev.Status})
	reason := "expectedValues in generator.yaml"
	if ev.Because != "" {
		reason += ": " + ev.Because
	}
	w.decide("expected", fmt.Sprintf("%s states %s", path, ev.Status), "%s; sent nowhere, a change of it alone sends %s again", reason, field)
}

// memberPath splits an option's key "Field.Member", where Field must be a
// structure spec field of the kind: nil (the error reported) otherwise.
func (st *state) memberPath(w *work, option, path string, at config.Key) (*model.Field, *model.Struct, string) {
	field, member, _ := strings.Cut(path, ".")
	f := specFieldByMember(w.r, field)
	if f == nil || f.Type.Kind != model.Structure {
		st.errorf(at, "%s %s: %s is no structure spec field of %s", option, path, field, w.r.Kind)
		return nil, nil, ""
	}
	return f, st.svc.Structs[f.Type.Shape], member
}
