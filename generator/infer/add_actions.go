package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addActions adds the boolean spec fields generator.yaml declares under
// actions:, each calling an operation once while the resource is in one
// of some states (a peering's AcceptRequest calls
// AcceptVpcPeeringConnection while pending-acceptance). Any other state
// counts as done, so the field never drifts and costs no call beyond the
// read that reports the state.
func addActions(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Actions) {
			at := w.at.At("actions", name)
			f, err := st.action(w, name, w.rc.Actions[name])
			if err != nil {
				st.errorf(at, "action %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) action(w *work, name string, c *config.Action) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	shape := st.ops[c.Operation]
	if shape == nil {
		return nil, fmt.Errorf("operation %q is not in the model%s", c.Operation, config.DidYouMean(c.Operation, keys(st.ops)))
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
	path := strings.Split(c.State, ".")
	if err := st.statePath(w.r, path); err != nil {
		return nil, err
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type: &model.Type{Kind: model.Bool}, Class: model.ClassSpec, Updatable: true,
		Action:       &model.Action{Operation: op, StatePath: path, When: c.When},
		ObservedPath: path, Because: c.Because,
	}
	f.Reason = fmt.Sprintf("true calls %s once while %s is %s; in any other state it counts as done, so it never drifts", op.Name, c.State, strings.Join(c.When, " or "))
	return f, nil
}

// statePath checks that path leads from a status field through
// structures to a string or enum.
func (st *state) statePath(r *model.Resource, path []string) error {
	f := statusField(r, path[0])
	if f == nil {
		return fmt.Errorf("state %s: %s has no status field %s", strings.Join(path, "."), r.Kind, path[0])
	}
	t := f.Type
	for _, p := range path[1:] {
		s := st.svc.Structs[t.Shape]
		if t.Kind != model.Structure || s == nil || s.FieldByMember(p) == nil {
			return fmt.Errorf("state %s: %s has no member %s", strings.Join(path, "."), t.Shape, p)
		}
		t = s.FieldByMember(p).Type
	}
	if t.Kind != model.String && t.Kind != model.Enum {
		return fmt.Errorf("state %s is a %s, not a string", strings.Join(path, "."), model.TypeString(t))
	}
	return nil
}
