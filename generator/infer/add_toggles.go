package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addToggles adds the boolean spec fields generator.yaml declares under
// toggles:, each turned on by one operation and off by another, and read
// by a third (a KMS key's EnableKeyRotation: EnableKeyRotation,
// DisableKeyRotation, GetKeyRotationStatus). The read is called only while
// the spec sets the field; unset is no opinion.
func addToggles(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Toggles) {
			f, err := st.toggle(w, name, w.rc.Toggles[name])
			if err != nil {
				st.errorf(w.at.At("toggles", name), "toggle %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) toggle(w *work, name string, c *config.Toggle) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	var ops [3]*model.Operation
	for i, opName := range []string{c.Enable, c.Disable, c.Get} {
		shape := st.ops[opName]
		if shape == nil {
			return nil, fmt.Errorf("operation %q is not in the model%s", opName, config.DidYouMean(opName, keys(st.ops)))
		}
		op, err := st.plainOperation(shape)
		if err != nil {
			return nil, err
		}
		for _, m := range op.Input {
			if m.Required && !isIdentifier(w.r, m.Name) {
				return nil, fmt.Errorf("%s requires %s, which is no identifier of %s", op.Name, m.Name, w.r.Kind)
			}
		}
		ops[i] = op
	}
	out := st.svc.Structs[ops[2].Output]
	if out == nil || out.FieldByMember(c.ObservedAt) == nil || out.FieldByMember(c.ObservedAt).Type.Kind != model.Bool {
		return nil, fmt.Errorf("observedAt: %s returns no boolean %s", c.Get, c.ObservedAt)
	}
	t := &model.Toggle{Enable: ops[0], Disable: ops[1], Get: ops[2], ObservedPath: []string{c.ObservedAt}}
	if c.Emulator != nil {
		t.EmulatorGap = c.Emulator.Unsupported
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type: &model.Type{Kind: model.Bool}, Class: model.ClassSpec, Updatable: true,
		Toggle: t, Because: c.Because, EmulatorGap: t.EmulatorGap, ObservedPath: t.ObservedPath,
	}
	f.Reason = fmt.Sprintf("true calls %s, false %s, when %s's %s differs; read only while the spec sets it", c.Enable, c.Disable, c.Get, c.ObservedAt)
	return f, nil
}
