package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addDeleteFlags sets the boolean or integer delete input members
// generator.yaml's deleteFlags ties to annotations (ECR's DeleteRepository
// force, KMS's ScheduleKeyDeletion PendingWindowInDays).
func addDeleteFlags(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.DeleteFlags) {
			at := w.at.At("deleteFlags", name)
			flag, err := st.deleteFlag(w.r, name, w.rc.DeleteFlags[name].Annotation)
			if err != nil {
				st.errorf(at, "deleteFlags %s: %v", name, err)
				continue
			}
			w.r.DeleteFlags = append(w.r.DeleteFlags, flag)
			switch {
			case flag.String:
				w.decide("delete flag", name, "%s sends the text the object's annotation %s gives, when it gives one", w.r.Delete.Name, flag.Annotation)
				continue
			case !flag.SDKValue && flag.IntBits == 0:
				w.decide("delete flag", name, "%s sends the true or false the object's annotation %s gives, else the value of inputs: if any", w.r.Delete.Name, flag.Annotation)
				continue
			}
			if flag.IntBits > 0 {
				w.decide("delete flag", name, "%s sends the number the object's annotation %s gives", w.r.Delete.Name, flag.Annotation)
				continue
			}
			w.decide("delete flag", name, "%s sends it true while the object is annotated %s: \"true\"", w.r.Delete.Name, flag.Annotation)
		}
	}
	return impliedDeleteFlags(st)
}

// deleteFlag checks that the delete input has a boolean or integer member
// name.
func (st *state) deleteFlag(r *model.Resource, name, annotation string) (model.DeleteFlag, error) {
	op := st.ops[r.Delete.Name]
	in, ok := st.m.Shape(op.Input)
	if !ok {
		return model.DeleteFlag{}, fmt.Errorf("%s has no input", r.Delete.Name)
	}
	var names []string
	for _, mem := range in.Members {
		names = append(names, mem.Name)
		if mem.Name != name {
			continue
		}
		target, ok := st.m.Shape(mem.Target)
		bits := map[smithy.ShapeType]int{smithy.TypeInteger: 32, smithy.TypeLong: 64}
		if !ok || (target.Type != smithy.TypeBoolean && target.Type != smithy.TypeString && bits[target.Type] == 0) {
			return model.DeleteFlag{}, fmt.Errorf("%s.%s is no boolean, integer, long or string", r.Delete.Name, name)
		}
		return model.DeleteFlag{Member: name, GoName: strings.ToUpper(name[:1]) + name[1:], Annotation: annotation, SDKValue: valueInSDK(mem, target), IntBits: bits[target.Type], String: target.Type == smithy.TypeString}, nil
	}
	return model.DeleteFlag{}, fmt.Errorf("%s has no member %s (it has %s)", r.Delete.Name, name, strings.Join(names, ", "))
}
