package infer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addInputs records the input members generator.yaml's inputs: sends with
// a constant on every call of an operation (KMS's ScheduleKeyDeletion
// with PendingWindowInDays 7), after checking that the operation takes
// the member and the value fits its type.
func addInputs(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, opName := range keys(w.rc.Inputs) {
			at := w.at.At("inputs", opName)
			args, err := st.constInputs(opName, w.rc.Inputs[opName])
			if err != nil {
				st.errorf(at, "inputs of %s: %v", opName, err)
				continue
			}
			if w.r.Inputs == nil {
				w.r.Inputs = map[string][]model.ConstArg{}
			}
			w.r.Inputs[opName] = args
			var said []string
			for _, a := range args {
				said = append(said, a.Member+"="+a.Value)
			}
			w.decide("inputs", opName+" "+strings.Join(said, ", "), "inputs in generator.yaml: every %s call sends them", opName)
		}
	}
	return nil
}

func (st *state) constInputs(opName string, values map[string]string) ([]model.ConstArg, error) {
	shape := st.ops[opName]
	if shape == nil {
		return nil, fmt.Errorf("operation %q is not in the model%s", opName, config.DidYouMean(opName, keys(st.ops)))
	}
	op, err := st.plainOperation(shape)
	if err != nil {
		return nil, err
	}
	var args []model.ConstArg
	for _, name := range keys(values) {
		i := slices.IndexFunc(op.Input, func(m *model.Member) bool { return m.Name == name })
		if i < 0 {
			var names []string
			for _, m := range op.Input {
				names = append(names, m.Name)
			}
			return nil, fmt.Errorf("%s takes no member %q%s", opName, name, config.DidYouMean(name, names))
		}
		if err := constFits(op.Input[i].Type, values[name]); err != nil {
			return nil, fmt.Errorf("%s.%s: %v", opName, name, err)
		}
		args = append(args, model.ConstArg{Member: name, Value: values[name]})
	}
	return args, nil
}

// constFits checks that a constant can be sent as a member of type t.
func constFits(t *model.Type, v string) error {
	switch t.Kind {
	case model.String, model.Enum:
		return nil
	case model.Int:
		_, err := strconv.ParseInt(v, 10, t.Bits)
		if err != nil {
			return fmt.Errorf("%q is no %d-bit integer", v, t.Bits)
		}
		return nil
	case model.Bool:
		if _, err := strconv.ParseBool(v); err != nil {
			return fmt.Errorf("%q is no boolean", v)
		}
		return nil
	}
	return fmt.Errorf("a %s member takes no constant; only strings, enums, integers and booleans do", model.TypeString(t))
}
