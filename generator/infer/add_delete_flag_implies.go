package infer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// impliedDeleteFlags resolves each delete flag's implies: the boolean
// delete flags, by member, that take a value while its annotation is set
// (RDS's FinalDBSnapshotIdentifier implies SkipFinalSnapshot false).
func impliedDeleteFlags(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for i := range w.r.DeleteFlags {
			f := &w.r.DeleteFlags[i]
			c := w.rc.DeleteFlags[f.Member]
			for _, member := range keys(c.Implies) {
				at := w.at.At("deleteFlags", f.Member, "implies", member)
				imp, err := impliedFlag(w.r, f.Member, member, c.Implies[member])
				if err != nil {
					st.errorf(at, "deleteFlags %s: %v", f.Member, err)
					continue
				}
				f.Implies = append(f.Implies, imp)
				w.decide("delete flag", f.Member, "while annotated %s, %s is sent %t unless %s says otherwise, and then %s is not sent",
					f.Annotation, member, imp.Value, imp.Annotation, f.Member)
			}
		}
	}
	return nil
}

// impliedFlag checks that member is another boolean delete flag the SDK
// holds as a pointer, and value true or false.
func impliedFlag(r *model.Resource, from, member, value string) (model.ImpliedFlag, error) {
	var names []string
	for _, g := range r.DeleteFlags {
		names = append(names, g.Member)
		if g.Member != member {
			continue
		}
		if g.Member == from || g.IntBits > 0 || g.String || g.SDKValue {
			return model.ImpliedFlag{}, fmt.Errorf("implies %s, which is no other boolean delete flag that can be left unsent", member)
		}
		v, err := strconv.ParseBool(value)
		if err != nil {
			return model.ImpliedFlag{}, fmt.Errorf("implies %s %q, which is neither true nor false", member, value)
		}
		return model.ImpliedFlag{Member: g.Member, GoName: g.GoName, Annotation: g.Annotation, Value: v}, nil
	}
	return model.ImpliedFlag{}, fmt.Errorf("implies %s, which is no delete flag (they are %s)", member, strings.Join(names, ", "))
}
