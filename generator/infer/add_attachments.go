package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addAttachments adds the spec fields generator.yaml declares under
// attachments:, each a single value that no create takes and operations
// of its own attach and detach (an internet gateway's VpcId, by
// AttachInternetGateway and DetachInternetGateway). The read lists the
// attachments, so the field is compared with no call of its own; an
// attachment whose state says detaching or detached no longer counts.
func addAttachments(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Attachments) {
			at := w.at.At("attachments", name)
			f, err := st.attachment(w, name, w.rc.Attachments[name])
			if err != nil {
				st.errorf(at, "attachment %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) attachment(w *work, name string, c *config.Attachment) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	a := &model.Attachment{ValueMember: name, ObservedAt: c.ObservedAt}
	for _, op := range []struct {
		role, name string
		dst        **model.Operation
	}{{"attach", c.Attach, &a.Attach}, {"detach", c.Detach, &a.Detach}} {
		shape := st.ops[op.name]
		if shape == nil {
			return nil, fmt.Errorf("%s operation %q is not in the model%s", op.role, op.name, config.DidYouMean(op.name, keys(st.ops)))
		}
		var err error
		if *op.dst, err = st.plainOperation(shape); err != nil {
			return nil, err
		}
		if m := inputMember(*op.dst, name); m == nil || m.Type.Kind != model.String {
			return nil, fmt.Errorf("%s has no string input member %s for the value", op.name, name)
		}
	}
	attachIn := st.m.Shapes[st.ops[c.Attach].Input]
	value, err := st.typer.field(attachIn, attachIn.MemberByName(name))
	if err != nil {
		return nil, err
	}
	list := st.svc.Structs[w.r.Read.Output].FieldByMember(c.ObservedAt)
	if list == nil || list.Type.Kind != model.List || list.Type.Elem.Kind != model.Structure {
		return nil, fmt.Errorf("%s output has no list of attachments %q", w.r.Read.Name, c.ObservedAt)
	}
	elem := st.svc.Structs[list.Type.Elem.Shape]
	if v := elem.FieldByMember(name); v == nil || v.Type.Kind != model.String {
		return nil, fmt.Errorf("%s lists %s, which has no string member %s", c.ObservedAt, elem.Shape, name)
	}
	if s := elem.FieldByMember("State"); s != nil && s.Type.Kind == model.Enum {
		a.State = s.Member
		for _, v := range s.Validation.Enum {
			if strings.Contains(v, "detach") {
				a.Gone = append(a.Gone, v)
			}
		}
	}
	f := *value
	f.Class, f.Required, f.Updatable, f.CreateOnly = model.ClassSpec, false, true, false
	f.ObservedPath = []string{c.ObservedAt}
	f.Attachment, f.Because = a, c.Because
	f.Reason = fmt.Sprintf("attached by %s and detached by %s; read from %s[].%s with the resource, so drift costs no call", a.Attach.Name, a.Detach.Name, c.ObservedAt, name)
	return &f, nil
}
