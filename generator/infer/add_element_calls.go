package infer

import (
	"fmt"
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addElementCalls makes the lists of strings generator.yaml names under
// elementCalls: updatable: the create takes them and the read returns
// them, so a difference costs no call to see, and an update adds and
// removes one element per call (an OIDC provider's client IDs, which no
// update operation takes).
func addElementCalls(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.ElementCalls) {
			if err := st.elementCalls(w, name, w.rc.ElementCalls[name]); err != nil {
				st.errorf(w.at.At("elementCalls", name), "elementCalls %s: %v", name, err)
			}
		}
	}
	return nil
}

func (st *state) elementCalls(w *work, name string, c *config.ElementCalls) error {
	f := fieldByMember(w.r, name)
	switch {
	case f == nil || !slices.Contains(w.r.Spec, f):
		return fmt.Errorf("%s has no spec field %s%s", w.r.Kind, name, config.DidYouMean(name, specMembers(w.r)))
	case f.Type.Kind != model.List || f.Type.Elem.Kind != model.String:
		return fmt.Errorf("%s is not a list of strings", name)
	case !f.CreateOnly:
		return fmt.Errorf("%s is already updatable", name)
	case f.ObservedPath == nil:
		return fmt.Errorf("%s does not return %s, so a difference could not be seen", w.r.Read.Name, name)
	}
	e := &model.ElementCalls{}
	var err error
	if e.Add, err = st.namedPlainOperation("add", c.Add); err != nil {
		return err
	}
	if e.Remove, err = st.namedPlainOperation("remove", c.Remove); err != nil {
		return err
	}
	if _, err := sharedIdentifier(w.r, e.Add, e.Remove); err != nil {
		return err
	}
	// The element is the one required string both take besides the
	// resource's identifiers.
	for _, m := range e.Add.Input {
		if m.Required && m.Type.Kind == model.String && !slices.Contains(w.ids, m.Name) && inputMember(e.Remove, m.Name) != nil {
			e.Member = m.Name
		}
	}
	if e.Member == "" {
		return fmt.Errorf("%s and %s share no required string member for the element besides %s's identifiers", e.Add.Name, e.Remove.Name, w.r.Kind)
	}
	f.CreateOnly, f.Updatable, f.Class, f.ElementCalls = false, true, model.ClassSpec, e
	f.Reason += fmt.Sprintf("; made updatable by elementCalls in generator.yaml: %s adds and %s removes one %s per call", e.Add.Name, e.Remove.Name, e.Member)
	return nil
}
